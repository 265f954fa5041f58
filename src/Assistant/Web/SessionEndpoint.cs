using Assistant.Core.Dashboard;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Teams;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web;

/// <summary>A choice of a filter: the value the API takes and its label in the reader's language.</summary>
public sealed record OptionView(string Value, string Label);

/// <summary>Who the page is for, the page's texts in their language, and the filters' choices.</summary>
public sealed record SessionView(
    string Name,
    string Role,
    string RoleLabel,
    string Team,
    string TeamCode,
    string Language,
    string Today,
    string TodayLabel,
    bool Dashboard,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, IReadOnlyList<OptionView>> Options);

/// <summary><c>GET api/session</c>: the start of the page.</summary>
public sealed class SessionEndpoint(TextCatalog catalog, FindingStore findings, LedgerQueries queries)
{
    public IResult Handle(WebCaller caller)
    {
        var (member, team, t) = (caller.Member, caller.Team, caller.T);
        var options = new Dictionary<string, IReadOnlyList<OptionView>>(StringComparer.Ordinal)
        {
            [LedgerFilter.ScopeParameter] = [.. Enum.GetValues<LedgerScope>().Select(s => new OptionView(s.ToString(), t["ledger.scope." + s.ToString().ToLowerInvariant()]))],
            [LedgerFilter.StatusParameter] = [.. Enum.GetValues<RectificationStatus>().Select(s => new OptionView(s.ToString(), t[s.Key()]))],
            [LedgerFilter.SectorParameter] = [.. Enum.GetValues<Sector>().Select(s => new OptionView(s.ToString(), t[s.Key()]))],
            [LedgerFilter.AspectParameter] = [.. Enum.GetValues<Aspect>().Select(a => new OptionView(a.ToString(), t[a.ShortKey()]))],
            [LedgerFilter.SeverityParameter] = [.. Enum.GetValues<Severity>().Select(s => new OptionView(s.ToString(), t[s.Key()]))],
            ["city"] = [.. Cities(member, caller.Today).Select(c => new OptionView(c, c))],
        };
        return WebReply.Ok(new SessionView(
            member.DisplayName,
            member.Role.ToString(),
            t[member.Role.CatalogKey()],
            team.Name,
            team.Code,
            member.Language.Code(),
            caller.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FindingCard.Date(t, caller.Today),
            VisitDashboard.MaySee(member),
            WebTexts.For(catalog, member.Language),
            options));
    }

    /// <summary>Cities to filter by: the team's (as offered when recording; never a covert visit's), or a contact's own items' cities.</summary>
    private IEnumerable<string> Cities(Member member, DateOnly today) =>
        member.Role == Role.Contact
            ? queries.All(new LedgerQuery { Scope = LedgerScope.All }, member, today).Select(f => f.City).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal)
            : findings.VocabularyOf(member.TeamId).Cities;
}
