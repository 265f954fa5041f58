using System.Text.RegularExpressions;

namespace Assistant.Core.Leads;

/// <summary>
/// The feedback date a member wrote into a handover ("转交长沙市核查，11月8日前反馈", "reply by 8 Nov"): the first
/// span that looks like a date and that <see cref="DateInput"/> reads, a day without a year taken in the visit's
/// year by the project's one rule (<see cref="YearlessDay"/>). Null when the text names no date: then the lead has
/// no due date until someone sets one.
/// </summary>
public static partial class LeadDueDate
{
    public static DateOnly? In(string? text, DateOnly today, DateInputOptions options)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match span in DateSpan().Matches(text))
        {
            var read = DateInput.Parse(span.Value, today, options);
            if (read.Ok && DateInput.IsPlausible(read.Date, today))
            {
                return read.Date;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+\d{1,2}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateSpan();
}
