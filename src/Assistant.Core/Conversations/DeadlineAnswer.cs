namespace Assistant.Core.Conversations;

/// <summary>A flow's data that holds a deadline, and one typed far ahead while it waits to be confirmed.</summary>
public interface IDeadlineDraft
{
    DateOnly? Deadline { get; set; }

    DateOnly? PendingDeadline { get; set; }
}

/// <summary>What became of an answer to a deadline question, or to the confirmation of a far one.</summary>
internal enum DeadlineStep
{
    /// <summary>Not a deadline that can be taken: the reason was said, ask again.</summary>
    Repeat,

    /// <summary>Taken into <see cref="IDeadlineDraft.Deadline"/>.</summary>
    Taken,

    /// <summary>Far ahead, held in <see cref="IDeadlineDraft.PendingDeadline"/>: ask to confirm.</summary>
    Far,

    /// <summary>The far deadline is not wanted: ask for the deadline again.</summary>
    Change,

    /// <summary>At the confirmation, a date was typed instead: read it as an answer to the deadline question.</summary>
    Retyped,

    /// <summary>At the confirmation, something else: say what is expected.</summary>
    Unexpected,
}

/// <summary>A deadline read from an answer, and whether it must be confirmed before it is taken.</summary>
/// <param name="Date">The deadline; null when the answer was not one (the reason has been said).</param>
/// <param name="NeedsConfirmation">Further than <see cref="YearlessDay.FarDeadlineDays"/> days away: ask before taking it.</param>
internal readonly record struct DeadlineReading(DateOnly? Date, bool NeedsConfirmation);

/// <summary>
/// How the flows read a rectification deadline (a finding's, an assignment's, an extension's): a date
/// button (<c>t:yyyyMMdd</c>) or a typed date read by the one rule for deadlines (<see cref="DateQuestion.Deadline"/>),
/// checked at once: a day that exists, not past, after the current deadline when extending. A deadline
/// in another year than this one is said in full; one more than 180 days away is confirmed first.
/// </summary>
public static class DeadlineAnswer
{
    /// <summary>The prefix of a button value that carries a deadline as yyyyMMdd.</summary>
    public const string DatePrefix = "t:";

    /// <summary>The prefix of a quick button's value: a deadline so many days from today.</summary>
    public const string DaysPrefix = "d:";

    /// <summary>The quick buttons today (when <paramref name="withToday"/>), +3, +7, +15, +30 days, counted from today.</summary>
    public static IEnumerable<Choice> QuickChoices(Texts t, bool withToday) =>
        DateInput.QuickOffsets.Where(n => withToday || n > 0)
            .Select(n => new Choice(n == 0 ? t["date.today"] : t.Format("date.in_days", n), DaysPrefix + n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The buttons +N days from <paramref name="from"/>, each naming the day it gives.</summary>
    public static IEnumerable<Choice> DateChoices(Texts t, DateOnly from, IEnumerable<int> days, DateOnly today) =>
        days.Select(n => new Choice(
            t.Format("date.plus_days", n, DateText.Short(t, from.AddDays(n), today)),
            DatePrefix + from.AddDays(n).ToString("yyyyMMdd", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads the answer. On a problem the reason is said and the date is null; <paramref name="after"/> (the current
    /// deadline of an extension) must be exceeded.
    /// </summary>
    private static DeadlineReading Reading(FlowTurn turn, DateOnly? after = null)
    {
        var context = turn.Context;
        var t = context.T;
        var today = context.Today;
        DateOnly date;
        var typed = false;
        if (turn.Input.Choice is { } choice && choice.StartsWith(DatePrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(choice[DatePrefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var picked))
        {
            date = picked;
        }
        else
        {
            var text = turn.Input.Text;
            var result = DeadlineDay(text, today, context.DateOptions(DateQuestion.Deadline));
            if (DateText.Problem(t, result, text, today) is { } problem)
            {
                turn.Say(problem);
                return default;
            }

            date = result.Date;
            typed = true;
        }

        if (date < today)
        {
            turn.Say(t.Format("date.in_past", DateText.Full(t, date)));
            return default;
        }

        if (after is { } current && date <= current)
        {
            turn.Say(t.Format("date.not_after_deadline", DateText.Full(t, date), DateText.Full(t, current)));
            return default;
        }

        var far = typed && YearlessDay.IsFarDeadline(date, today);
        if (!far && DateText.YearNote(t, date, today) is { Length: > 0 } note)
        {
            turn.Say(note);
        }

        return new DeadlineReading(date, far);
    }

    /// <summary>Reads the answer into the draft: taken, held for confirmation when far ahead, or to be asked again.</summary>
    private static DeadlineStep Answer(FlowTurn turn, IDeadlineDraft draft, DateOnly? after = null)
    {
        var reading = Reading(turn, after);
        if (reading.Date is not { } date)
        {
            return DeadlineStep.Repeat;
        }

        if (reading.NeedsConfirmation)
        {
            draft.PendingDeadline = date;
            return DeadlineStep.Far;
        }

        draft.Deadline = date;
        return DeadlineStep.Taken;
    }

    /// <summary>The answer to the confirmation: yes takes the held deadline, change drops it, a typed date is a new answer.</summary>
    private static DeadlineStep Confirm(FlowTurn turn, IDeadlineDraft draft)
    {
        switch (turn.Input.Choice)
        {
            case "far:yes" when draft.PendingDeadline is { } pending:
                draft.Deadline = pending;
                draft.PendingDeadline = null;
                return DeadlineStep.Taken;
            case "far:change":
                draft.PendingDeadline = null;
                return DeadlineStep.Change;
            case null when !string.IsNullOrWhiteSpace(turn.Input.Text):
                return DeadlineStep.Retyped;
            default:
                return DeadlineStep.Unexpected;
        }
    }

    /// <summary>
    /// The answer to a deadline question as a step's result: a quick button (days from today: only where no current
    /// deadline must be exceeded), a date button, or a typed date; far ahead, it waits for <see cref="FlowTrigger.FarDeadline"/>'s
    /// confirmation; anything else was explained and the question comes again.
    /// </summary>
    public static StepResult Read(FlowTurn turn, IDeadlineDraft draft, DateOnly? after = null)
    {
        if (after is null && turn.Input.Choice is { } choice && choice.StartsWith(DaysPrefix, StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(DaysPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= DateInput.PlausibleYears * 365)
        {
            draft.Deadline = turn.Context.Today.AddDays(days);
            return StepResult.Answered;
        }

        return Answer(turn, draft, after) switch
        {
            DeadlineStep.Taken => StepResult.Answered,
            DeadlineStep.Far => StepResult.Fire(FlowTrigger.FarDeadline),
            _ => StepResult.Stay,
        };
    }

    /// <summary>The deadline taken, as the member reads a day ("11月20日", the year when not this year's); null while none is.</summary>
    public static string? Shown(FlowTurn turn, IDeadlineDraft draft) =>
        draft.Deadline is { } deadline ? DateText.Short(turn.Context.T, deadline, turn.Context.Today) : null;

    /// <summary>
    /// The step that confirms a deadline far ahead ("ConfirmDeadline"): yes takes it, change asks for it again
    /// (<see cref="FlowTrigger.ChangeDeadline"/>), a date typed here is a new answer to <paramref name="question"/>.
    /// </summary>
    /// <param name="question">The deadline question a date typed at the confirmation answers.</param>
    /// <param name="field">The field the deadline questions fill, so the confirmed deadline counts as their answer.</param>
    public static FormStep<TData> Confirmation<TData>(Func<TData, FormStep<TData>> question, string? field = null)
        where TData : IDeadlineDraft => new("ConfirmDeadline")
    {
        Field = field,
        Shown = (turn, d) => Shown(turn, d),
        Ask = (turn, d) => AskToConfirm(turn, d.PendingDeadline ?? turn.Context.Today),
        Read = (turn, d) => Confirm(turn, d) switch
        {
            DeadlineStep.Taken => StepResult.Answered,
            DeadlineStep.Change => StepResult.Fire(FlowTrigger.ChangeDeadline),
            DeadlineStep.Retyped => question(d).Read!(turn, d),
            _ => StepResult.Unexpected,
        },
    };

    /// <summary>Asks whether a deadline far away is meant: yes takes it, change asks for the deadline again.</summary>
    private static Question AskToConfirm(FlowTurn turn, DateOnly deadline)
    {
        var t = turn.Context.T;
        var days = deadline.DayNumber - turn.Context.Today.DayNumber;
        return new(t.Format("date.far_deadline", DateText.Full(t, deadline), days, YearlessDay.FarDeadlineDays),
            [[new Choice(t["date.far_yes"], "far:yes"), new Choice(t["date.far_change"], "far:change")]]);
    }

    /// <summary>
    /// The day typed for a deadline; "明天下午3点" (a day and a time of day) means that day: a deadline is a day, the
    /// time of day is not kept.
    /// </summary>
    private static DateInputResult DeadlineDay(string? text, DateOnly today, DateInputOptions options)
    {
        var day = DateInput.Parse(text, today, options);
        if (day.Error != DateInputError.Unrecognized)
        {
            return day;
        }

        var withTime = DateTimeInput.Parse(text, today, options);
        return withTime is { DateError: DateInputError.None or DateInputError.InPast, TimeError: TimeInputError.None }
            ? new DateInputResult(withTime.Date, withTime.DateError)
            : day;
    }
}
