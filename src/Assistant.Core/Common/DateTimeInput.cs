namespace Assistant.Core.Common;

/// <summary>
/// The outcome of reading a date followed by a time. The date and the time report their errors separately,
/// so the bot can say which half it did not understand; a date with no time gives <see cref="TimeInputError.Empty"/>.
/// </summary>
public readonly record struct DateTimeInputResult(DateOnly Date, TimeOnly Time, DateInputError DateError, TimeInputError TimeError)
{
    public bool Ok => DateError == DateInputError.None && TimeError == TimeInputError.None;
}

/// <summary>
/// Reads a date part then a time part, each in any form <see cref="DateInput"/> and <see cref="TimeInput"/> accept:
/// "11-03 14:30", "明天 8:30", "明天上午9点", "2023-11-03 下午2点半", "tomorrow 9am", "next monday at 14:00".
/// Pure and never throws.
/// </summary>
/// <remarks>
/// Chinese text needs no space between the parts, so the reader tries every place to cut the text and keeps
/// the cut where both parts read best. The time is not compared with a clock: today at an earlier hour is not
/// reported as past.
/// </remarks>
public static class DateTimeInput
{
    /// <summary>Reads <paramref name="input"/> as a date then a time, relative to <paramref name="today"/>. Never throws.</summary>
    public static DateTimeInputResult Parse(string? input, DateOnly today, DateInputOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new(default, default, DateInputError.Empty, TimeInputError.Empty);
        }

        var text = InputText.Normalize(input);
        if (text is null)
        {
            return Unrecognized;
        }

        options ??= DateInputOptions.Default;
        var best = Unrecognized;
        var bestScore = 1; // a cut must read at least one part, even wrongly, to beat "not understood"
        for (var cut = 0; cut <= text.Length; cut++)
        {
            var date = DateInput.ParseNormalized(text[..cut].TrimEnd(' ', ','), today, options);
            var time = TimeInput.ParseNormalized(WithoutAt(text[cut..].TrimStart()));
            var score = Score(date.Error) + Score(time.Error);
            if (score > bestScore)
            {
                best = new(date.Date, time.Time, date.Error, time.Error);
                bestScore = score;
            }
        }

        return best;
    }

    private static DateTimeInputResult Unrecognized =>
        new(default, default, DateInputError.Unrecognized, TimeInputError.Unrecognized);

    /// <summary>"tomorrow at 9am": the word "at" may join the parts.</summary>
    private static string WithoutAt(string timePart) =>
        timePart.StartsWith("at ", StringComparison.Ordinal) ? timePart[3..] : timePart;

    /// <summary>How well a part was read: understood, understood but wrong, absent, not understood.</summary>
    private static int Score(DateInputError error) => error switch
    {
        DateInputError.None => 3,
        DateInputError.Empty => 1,
        DateInputError.Unrecognized => 0,
        _ => 2, // Impossible, Ambiguous, InPast: the form was recognized
    };

    private static int Score(TimeInputError error) => error switch
    {
        TimeInputError.None => 3,
        TimeInputError.Empty => 1,
        TimeInputError.Unrecognized => 0,
        _ => 2, // Impossible
    };
}
