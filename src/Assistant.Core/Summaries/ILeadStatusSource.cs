namespace Assistant.Core.Summaries;

/// <summary>Where a lead stands, as the feedback's annex of handed-over leads shows it.</summary>
public enum LeadStage
{
    /// <summary>No answer yet, no date (待反馈).</summary>
    Awaiting,

    /// <summary>No answer yet, the feedback date not passed (…前反馈).</summary>
    DueBy,

    /// <summary>No answer and the feedback date passed (逾期未反馈).</summary>
    Overdue,

    /// <summary>Answered, still being checked (仍在核查).</summary>
    UnderInvestigation,

    /// <summary>查实.</summary>
    Substantiated,

    /// <summary>部分查实.</summary>
    PartlySubstantiated,

    /// <summary>不属实.</summary>
    NotSubstantiated,
}

/// <summary>A lead's status: its stage, its feedback date, and whether it is closed (办结).</summary>
public sealed record LeadStatus(LeadStage Stage, DateOnly? Due, bool Closed);

/// <summary>The statuses of a team's leads by what they came from: the finding handed over (its id) or the tip's note (its id).</summary>
public sealed record LeadStatuses(IReadOnlyDictionary<int, LeadStatus> ByFinding, IReadOnlyDictionary<int, LeadStatus> ByNote)
{
    public static LeadStatuses None { get; } = new(new Dictionary<int, LeadStatus>(), new Dictionary<int, LeadStatus>());
}

/// <summary>
/// A capability above Summaries that follows leads (Leads) tells the feedback where each handed-over finding and tip
/// stands, so the annex shows it without Summaries knowing the leads.
/// </summary>
public interface ILeadStatusSource
{
    LeadStatuses Of(int teamId, DateOnly today);
}
