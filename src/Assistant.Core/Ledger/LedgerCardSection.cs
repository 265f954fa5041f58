using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Ledger;

/// <summary>
/// The ledger's part of a finding's card (<c>/finding G7-007</c>): its rectification (times in the team's zone) and
/// the steps this reader may take (by the same rules as the ledger card, four eyes included).
/// </summary>
public sealed class LedgerCardSection(LedgerService ledger, TeamStore teams) : IFindingCardSection
{
    public string Html(Texts t, Finding finding, DateOnly today) =>
        LedgerCard.Rectification(t, finding, today, teams.GetTeam(finding.TeamId)?.Zone ?? TimeZoneInfo.Utc);

    public IReadOnlyList<IReadOnlyList<Button>> Buttons(Texts t, Finding finding, Member reader) =>
        LedgerService.MaySee(reader, finding) ? LedgerCard.Actions(t, finding, reader, ledger.Rules) ?? [] : [];
}
