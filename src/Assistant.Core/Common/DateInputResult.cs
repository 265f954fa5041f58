namespace Assistant.Core.Common;

/// <summary>Why a typed date was not accepted.</summary>
public enum DateInputError
{
    /// <summary>The date was read.</summary>
    None,

    /// <summary>Nothing but whitespace was typed.</summary>
    Empty,

    /// <summary>The text is not a date in any supported form.</summary>
    Unrecognized,

    /// <summary>The form is right but no such day exists (2月30日, 13月1日, 11-31).</summary>
    Impossible,

    /// <summary>Day and month cannot be told apart (5/11); ask for 11-05 or 11月5日.</summary>
    Ambiguous,

    /// <summary>The date was read but lies before today while the past is not allowed; the result still carries it.</summary>
    InPast,
}

/// <summary>Options for <see cref="DateInput.Parse"/> and <see cref="DateTimeInput.Parse"/>.</summary>
/// <param name="Question">What the day is for: decides the year of a date typed without one (<see cref="YearlessDay"/>) and whether the past is allowed.</param>
/// <param name="VisitFrom">First day of the team's visit, if known: a yearless date inside the visit means that day.</param>
/// <param name="VisitTo">Last day of the team's visit.</param>
public sealed record DateInputOptions(DateQuestion Question = DateQuestion.Plan, DateOnly? VisitFrom = null, DateOnly? VisitTo = null)
{
    /// <summary>A day to plan, no visit: yearless dates take their next occurrence, past dates allowed.</summary>
    public static DateInputOptions Default { get; } = new();

    /// <summary>When false (deadlines), a date before today is reported as <see cref="DateInputError.InPast"/>.</summary>
    public bool AllowsPast => Question != DateQuestion.Deadline;
}

/// <summary>
/// The outcome of reading a date. <see cref="Date"/> is meaningful when <see cref="Ok"/> is true and also
/// for <see cref="DateInputError.InPast"/>, so the bot can show which day it understood.
/// </summary>
public readonly record struct DateInputResult(DateOnly Date, DateInputError Error)
{
    public bool Ok => Error == DateInputError.None;

    internal static DateInputResult Success(DateOnly date) => new(date, DateInputError.None);

    internal static DateInputResult Failure(DateInputError error) => new(default, error);
}
