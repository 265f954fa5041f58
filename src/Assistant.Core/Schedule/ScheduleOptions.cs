namespace Assistant.Core.Schedule;

/// <summary>Settings of the <c>Schedule</c> section: when the pushes go out.</summary>
public sealed class ScheduleOptions : IValidatableSettings
{
    public const string Section = "Schedule";

    /// <summary>Team time of the morning digest of the day's items (HH:mm).</summary>
    public string DigestTime { get; set; } = "07:30";

    /// <summary>Minutes before an item that its participants are reminded.</summary>
    public int ReminderMinutes { get; set; } = 30;

    public TimeOnly DigestTimeOfDay => TimeOnly.ParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        if (!TimeOnly.TryParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"Schedule:DigestTime '{DigestTime}' is not a time: expected HH:mm, e.g. 07:30.";
        }

        if (ReminderMinutes is < 1 or > 24 * 60)
        {
            yield return $"Schedule:ReminderMinutes {ReminderMinutes} is out of range: expected 1 to 1440.";
        }
    }
}
