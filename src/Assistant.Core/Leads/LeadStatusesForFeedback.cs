using Assistant.Core.Summaries;

namespace Assistant.Core.Leads;

/// <summary>The feedback's annex statuses (<see cref="ILeadStatusSource"/>): each of the team's leads by the finding or the tip it came from.</summary>
public sealed class LeadStatusesForFeedback(LeadStore leads) : ILeadStatusSource
{
    public LeadStatuses Of(int teamId, DateOnly today)
    {
        var byFinding = new Dictionary<int, LeadStatus>();
        var byNote = new Dictionary<int, LeadStatus>();
        foreach (var lead in leads.OfTeam(teamId))
        {
            var status = new LeadStatus(Stage(lead, today), lead.DueDate, !lead.IsOpen);
            if (lead.SourceFindingId is { } finding)
            {
                byFinding.TryAdd(finding, status);
            }

            if (lead.SourceNoteId is { } note)
            {
                byNote.TryAdd(note, status);
            }
        }

        return new LeadStatuses(byFinding, byNote);
    }

    public static LeadStage Stage(Lead lead, DateOnly today) => lead.Result switch
    {
        LeadResult.Substantiated => LeadStage.Substantiated,
        LeadResult.PartlySubstantiated => LeadStage.PartlySubstantiated,
        LeadResult.NotSubstantiated => LeadStage.NotSubstantiated,
        _ when !lead.IsOpen || lead.Answer is not null || lead.AnswerDocuments.Count > 0 => LeadStage.UnderInvestigation,
        _ when LeadCard.DaysOverdue(lead, today) > 0 => LeadStage.Overdue,
        _ when lead.DueDate is not null => LeadStage.DueBy,
        _ => LeadStage.Awaiting,
    };
}
