namespace Assistant.Core.Leads;

/// <summary>Where a lead came from.</summary>
public enum LeadChannel
{
    /// <summary>A tip received (受理举报).</summary>
    Tip = 0,

    /// <summary>A finding handed over to local authorities (移交).</summary>
    HandedOverFinding = 1,
}

/// <summary>The result of checking a lead.</summary>
public enum LeadResult
{
    /// <summary>仍在核查: no result yet.</summary>
    UnderInvestigation = 0,

    /// <summary>属实 / 查实.</summary>
    Substantiated = 1,

    /// <summary>部分属实.</summary>
    PartlySubstantiated = 2,

    /// <summary>不属实.</summary>
    NotSubstantiated = 3,
}

/// <summary>
/// A lead (线索): a tip or a handed-over finding, sent to a local authority for checking, with the date its
/// feedback is due, the answer and the result. Its texts never hold a tipster's identity (see <see cref="LeadStore.Add"/>).
/// </summary>
public sealed class Lead
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    /// <summary>The lead's number within its team.</summary>
    public int Number { get; set; }

    public LeadChannel Channel { get; set; }

    /// <summary>What it is about, cleared of anything that identifies a tipster.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The local authority it was handed to.</summary>
    public string? HandedOverTo { get; set; }

    /// <summary>The date feedback is due (team time).</summary>
    public DateOnly? DueDate { get; set; }

    public string? Answer { get; set; }

    /// <summary>The documents of the answer, as Telegram knows them.</summary>
    public List<LeadDocument> AnswerDocuments { get; set; } = [];

    /// <summary>When the latest answer was recorded.</summary>
    public DateTime? AnsweredUtc { get; set; }

    public LeadResult Result { get; set; }

    /// <summary>Set when the result is final and the lead is closed.</summary>
    public long? ClosedBy { get; set; }

    /// <summary>Who closed it, by name, as the card shows it.</summary>
    public string? ClosedByName { get; set; }

    public DateTime? ClosedUtc { get; set; }

    /// <summary>The member who took the tip or handed the finding over.</summary>
    public long TakenBy { get; set; }

    /// <summary>Codes of the findings this lead produced or came from.</summary>
    public List<string> FindingCodes { get; set; } = [];

    /// <summary>The note of the tip it came from (a tip saved again updates its lead instead of adding one).</summary>
    public int? SourceNoteId { get; set; }

    /// <summary>The finding handed over that it came from.</summary>
    public int? SourceFindingId { get; set; }

    /// <summary>
    /// Which reminders were planned, as "step:yyyyMMdd" (the due date they were planned for), so each is planned once;
    /// once both are, the lead leaves the reminder scan's index (<see cref="OpenDueKey"/>).
    /// </summary>
    public List<string> RemindersSent { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    /// <summary>What was done to the lead after it was made, oldest first: each step, who took it, and a reopening's reason.</summary>
    public List<LeadEvent> History { get; set; } = [];

    [LiteDB.BsonIgnore]
    public bool IsOpen => ClosedBy is null;

    /// <summary>The index key (see <see cref="LeadKeys"/>).</summary>
    public string DueKey { get; set; } = "";

    /// <summary>
    /// For an open lead with a due date whose reminders are not all planned yet: due date, team, number (the reminder
    /// scan's index); otherwise null, so the scan reads only the leads it still has to plan.
    /// </summary>
    public string? OpenDueKey { get; set; }

    [LiteDB.BsonIgnore]
    public string Code => "XS" + Number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A document of a lead's answer: the file as Telegram knows it.</summary>
public sealed class LeadDocument
{
    public string FileId { get; set; } = "";

    public string FileName { get; set; } = "";
}

/// <summary>A step in a lead's history: what, who and when, with a detail (the result, the date, the finding, the reason to reopen).</summary>
public sealed class LeadEvent
{
    public DateTime WhenUtc { get; set; }

    public long ById { get; set; }

    public string ByName { get; set; } = "";

    public LeadAction Action { get; set; }

    /// <summary>Cleared of anything that identifies a person (see <see cref="Assistant.Core.Common.IdentityScrubber"/>).</summary>
    public string? Detail { get; set; }

    /// <summary>For a link that followed a merge: the code of the finding merged (into <see cref="Detail"/>).</summary>
    public string? MergedFrom { get; set; }
}
