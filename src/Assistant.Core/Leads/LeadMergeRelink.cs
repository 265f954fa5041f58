using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>
/// A lead's links follow a merge (Findings' <see cref="IFindingMergeObserver"/>): a lead linked to the finding merged
/// links the finding it went into instead, and its history says which went into which. Not a step anyone takes on the
/// lead: the audit line is "lead_relink", whoever merged.
/// </summary>
public sealed class LeadMergeRelink(LeadStore leads, AuditLog audit) : IFindingMergeObserver
{
    public void Merged(Member actor, Finding source, Finding target, DateTime utcNow)
    {
        foreach (var lead in leads.OfTeam(source.TeamId).Where(l => l.FindingCodes.Contains(source.Code, StringComparer.Ordinal)).ToList())
        {
            lead.FindingCodes.Remove(source.Code);
            if (!lead.FindingCodes.Contains(target.Code, StringComparer.Ordinal))
            {
                lead.FindingCodes.Add(target.Code);
            }

            lead.History.Add(new LeadEvent { WhenUtc = utcNow, ById = actor.Id, ByName = actor.DisplayName, Action = LeadAction.Link, Detail = target.Code, MergedFrom = source.Code });
            leads.Update(lead);
            audit.Write(actor.Id, lead.TeamId, "lead_relink", $"{lead.Id.ToString(CultureInfo.InvariantCulture)} {source.Code} {target.Code}");
        }
    }
}
