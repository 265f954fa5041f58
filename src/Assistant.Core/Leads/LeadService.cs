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

    /// <summary>Open a closed lead again, with a reason (the leader or the liaison).</summary>
    Reopen,
}

/// <summary>
/// Applies the steps of a lead's life: answer and result, due date, linked finding, closing (who closed it is
/// recorded), reopening. Who may take which step: everyone who may see the lead (<see cref="LeadAccess"/>) records answers,
/// dates and links; only the leader and the liaison close it and open it again. Every step goes into the lead's
/// <see cref="Lead.History"/> and the audit log ("lead", "ACTION ID").
/// </summary>
public sealed class LeadService(LeadStore leads, LeadReminders reminders, AuditLog audit)
{
    /// <summary>The longest answer kept.</summary>
    public const int MaxAnswer = 2_000;

    /// <summary>The most documents an answer keeps.</summary>
    public const int MaxDocuments = 10;

    /// <summary>The longest reason to reopen kept.</summary>
    public const int MaxReason = 500;

    public static bool May(Member? member, Lead lead, LeadAction action) =>
        member is not null && LeadAccess.CanAct(member, lead)
        && (action is not (LeadAction.Close or LeadAction.Reopen) || member.Role is Role.Leader or Role.Liaison);

    /// <summary>Which steps make sense for the lead as it stands: a closed lead only takes links and reopening; an open one all but reopening.</summary>
    public static bool Applies(Lead lead, LeadAction action) => action switch
    {
        LeadAction.Link => true,
        LeadAction.Reopen => !lead.IsOpen,
        _ => lead.IsOpen,
    };

    /// <summary>What a step that does not apply to the lead as it stands is answered: it is closed, or (reopening) it is open.</summary>
    public static string NotNowKey(LeadAction action) => action == LeadAction.Reopen ? "leads.not_closed" : "leads.not_now";

    /// <summary>The lead if it exists and the member may see it (team, role, the member who took it); else null.</summary>
    public Lead? Visible(Member member, int id) => leads.Get(id) is { } lead && LeadAccess.CanSee(member, lead) ? lead : null;

    public void RecordAnswer(Lead lead, Member by, string? answer, IReadOnlyList<LeadDocument> documents, LeadResult result, DateTime utcNow)
    {
        if (!string.IsNullOrWhiteSpace(answer))
        {
            lead.Answer = answer.Trim();
        }

        lead.AnswerDocuments.AddRange(documents.Take(Math.Max(0, MaxDocuments - lead.AnswerDocuments.Count)));
        lead.Result = result;
        lead.AnsweredUtc = utcNow;
        Record(lead, by, LeadAction.Answer, result.ToString(), utcNow);
    }

    /// <summary>A new due date: the reminders of the old one no longer hold (their key names the date) and the scan plans the new one's.</summary>
    public void SetDue(Lead lead, Member by, DateOnly due, DateTime utcNow)
    {
        lead.DueDate = due;
        Record(lead, by, LeadAction.Due, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), utcNow);
    }

    public void Link(Lead lead, Member by, string findingCode, DateTime utcNow)
    {
        if (!lead.FindingCodes.Contains(findingCode, StringComparer.Ordinal))
        {
            lead.FindingCodes.Add(findingCode);
            Record(lead, by, LeadAction.Link, findingCode, utcNow);
        }
    }

    public void Close(Lead lead, Member by, LeadResult result, DateTime utcNow)
    {
        lead.Result = result;
        lead.ClosedBy = by.Id;
        lead.ClosedByName = by.DisplayName;
        lead.ClosedUtc = utcNow;
        Record(lead, by, LeadAction.Close, result.ToString(), utcNow);
    }

    /// <summary>
    /// Opens a closed lead again: no closer, the result back to under investigation, the reason (scrubbed) and who in
    /// its history. Its reminders resume: those of its due date skipped while it was closed are armed again
    /// (<see cref="LeadReminders.Resume"/>); those not planned yet are planned by the scan.
    /// </summary>
    public void Reopen(Lead lead, Member by, string reason, TimeZoneInfo zone, DateTime utcNow)
    {
        lead.ClosedBy = null;
        lead.ClosedByName = null;
        lead.ClosedUtc = null;
        lead.Result = LeadResult.UnderInvestigation;
        Record(lead, by, LeadAction.Reopen, IdentityScrubber.Scrub(reason.Trim()), utcNow);
        reminders.Resume(lead, zone, utcNow);
    }

    private void Record(Lead lead, Member by, LeadAction action, string? detail, DateTime utcNow)
    {
        lead.History.Add(new LeadEvent { WhenUtc = utcNow, ById = by.Id, ByName = by.DisplayName, Action = action, Detail = detail });
        leads.Update(lead);
        audit.Write(by.Id, lead.TeamId, "lead", $"{action} {lead.Id.ToString(CultureInfo.InvariantCulture)}");
    }
}
