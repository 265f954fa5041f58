namespace Assistant.Core.Plan;

/// <summary>A document the liaison sent for the plan (the plan itself or a progress report): the file as Telegram knows it.</summary>
public sealed class PlanDocument
{
    public string FileId { get; set; } = "";

    public string FileName { get; set; } = "";
}

/// <summary>One progress report of the province: when it arrived, its document and a short summary.</summary>
public sealed class PlanReport
{
    public DateOnly ReceivedOn { get; set; }

    public PlanDocument Document { get; set; } = new();

    public string Summary { get; set; } = "";

    public long RecordedBy { get; set; }
}

/// <summary>What is due next on a plan.</summary>
public enum PlanDueKind
{
    /// <summary>The rectification plan itself, by the date the feedback names.</summary>
    Plan,

    /// <summary>The next progress report.</summary>
    Report,
}

/// <summary>
/// The province's rectification plan (整改方案) after the feedback, one per team: the date the feedback names, when it
/// arrived and its document, then progress reports at the interval the leader sets, and a look-back check (回头看).
/// <see cref="NextDueKey"/> (yyyyMMdd, digits only) is the date the next document is due; its index lets the
/// overdue scan read only the plans it returns.
/// </summary>
public sealed class RectificationPlan
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    /// <summary>The date by which the province must submit its plan (the one the feedback names; the leader may change it).</summary>
    public DateOnly PlanDue { get; set; }

    /// <summary>The leader set the date; a later /report no longer moves it.</summary>
    public bool DueSetByLeader { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    public PlanDocument? PlanDocument { get; set; }

    /// <summary>Months between progress reports (default 1: monthly).</summary>
    public int IntervalMonths { get; set; } = 1;

    public List<PlanReport> Reports { get; set; } = [];

    public DateOnly? LookBackOn { get; set; }

    /// <summary>The index key of the next due date: <see cref="NextDue"/> as yyyyMMdd.</summary>
    public string NextDueKey { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public PlanDueKind NextKind => ReceivedOn is null ? PlanDueKind.Plan : PlanDueKind.Report;

    /// <summary>The plan's date until it arrives, then a report every interval after the plan or the latest report.</summary>
    public DateOnly NextDue => ReceivedOn is not { } received ? PlanDue
        : (Reports.Count == 0 ? received : Reports.Max(r => r.ReceivedOn)).AddMonths(IntervalMonths);

    public static string Key(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Recomputes <see cref="NextDueKey"/> after a change.</summary>
    public void Refresh() => NextDueKey = Key(NextDue);

    public int DaysOverdue(DateOnly today) => today > NextDue ? today.DayNumber - NextDue.DayNumber : 0;
}
