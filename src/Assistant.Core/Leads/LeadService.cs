using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>What a person may do to a lead; every step is checked here, on the server, whatever button was pressed.</summary>
public enum LeadAction
{
    /// <summary>Record the answer received (text and documents) and the result.</summary>
    Answer,

    /// <summary>Set or extend the date feedback is due.</summary>
    Due,

    /// <summary>Link a finding the lead produced.</summary>
    Link,

    /// <summary>Close the lead with its final result (the leader or the liaison).</summary>
    Close,
}

/// <summary>
/// Applies the steps of a lead's life: answer and result, due date, linked finding, closing (who closed it is
/// recorded). Who may take which step: everyone who may see the lead (<see cref="LeadAccess"/>) records answers,
/// dates and links; only the leader and the liaison close it.
/// </summary>
public sealed class LeadService(LeadStore leads)
{
    /// <summary>The longest answer kept.</summary>
    public const int MaxAnswer = 2_000;

    /// <summary>The most documents an answer keeps.</summary>
    public const int MaxDocuments = 10;

    public static bool May(Member? member, Lead lead, LeadAction action) =>
        member is not null && LeadAccess.CanAct(member, lead) && (action != LeadAction.Close || member.Role is Role.Leader or Role.Liaison);

    /// <summary>Which steps make sense for the lead as it stands: a closed lead only takes links.</summary>
    public static bool Applies(Lead lead, LeadAction action) => lead.IsOpen || action == LeadAction.Link;

    /// <summary>The lead if it exists and the member may see it (team, role, the member who took it); else null.</summary>
    public Lead? Visible(Member member, int id) => leads.Get(id) is { } lead && LeadAccess.CanSee(member, lead) ? lead : null;

    public void RecordAnswer(Lead lead, string? answer, IReadOnlyList<LeadDocument> documents, LeadResult result, DateTime utcNow)
    {
        if (!string.IsNullOrWhiteSpace(answer))
        {
            lead.Answer = answer.Trim();
        }

        lead.AnswerDocuments.AddRange(documents.Take(Math.Max(0, MaxDocuments - lead.AnswerDocuments.Count)));
        lead.Result = result;
        lead.AnsweredUtc = utcNow;
        leads.Update(lead);
    }

    /// <summary>A new due date: the reminders of the old one no longer hold (their key names the date) and the scan plans the new one's.</summary>
    public void SetDue(Lead lead, DateOnly due)
    {
        lead.DueDate = due;
        leads.Update(lead);
    }

    public void Link(Lead lead, string findingCode)
    {
        if (!lead.FindingCodes.Contains(findingCode, StringComparer.Ordinal))
        {
            lead.FindingCodes.Add(findingCode);
            leads.Update(lead);
        }
    }

    public void Close(Lead lead, Member by, LeadResult result, DateTime utcNow)
    {
        lead.Result = result;
        lead.ClosedBy = by.Id;
        lead.ClosedByName = by.DisplayName;
        lead.ClosedUtc = utcNow;
        leads.Update(lead);
    }
}
