using System.Globalization;
using Assistant.Core.Common;

namespace Assistant.Core.Summaries;

/// <summary>Settings of the <c>Summary</c> section: the evening brief and the feedback's plan date.</summary>
public sealed class SummaryOptions : IValidatableSettings
{
    public const string Section = "Summary";

    /// <summary>Team time at which the day's brief is sent to the leader and the liaison (HH:mm); empty: never.</summary>
    public string EveningTime { get; set; } = "21:00";

    /// <summary>Days after the visit by which the province's rectification plan is due (the feedback names the date).</summary>
    public int PlanDueDays { get; set; } = 30;

    public TimeOnly? EveningTimeOfDay =>
        string.IsNullOrWhiteSpace(EveningTime) ? null : TimeOnly.ParseExact(EveningTime, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(EveningTime) && !TimeOnly.TryParseExact(EveningTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"Summary:EveningTime '{EveningTime}' is not a time: expected HH:mm (e.g. 21:00), or empty for no evening brief.";
        }

        if (PlanDueDays is < 1 or > 365)
        {
            yield return $"Summary:PlanDueDays {PlanDueDays} is out of range: expected 1 to 365.";
        }
    }
}
