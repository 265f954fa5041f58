namespace Assistant.Core.Ledger;

/// <summary>Settings of the <c>Ledger</c> section: deadline reminders and escalation.</summary>
public sealed class LedgerOptions : IValidatableSettings
{
    public const string Section = "Ledger";

    /// <summary>Days before a deadline that reminders go out, comma-separated; 0 is the morning of the day.</summary>
    public string ReminderOffsetsDays { get; set; } = "7,3,1,0";

    /// <summary>Team time at which deadline reminders and overdue notices go out (HH:mm).</summary>
    public string ReminderTime { get; set; } = "09:00";

    /// <summary>Days of daily overdue notices after the deadline; the next day the leader is told (escalation).</summary>
    public int OverdueDays { get; set; } = 7;

    /// <summary>
    /// Whether the person who submitted a fix may also verify and close it (销号). Off: four eyes, someone else
    /// verifies. Turn on only for a team of one.
    /// </summary>
    public bool AllowSelfVerification { get; set; }

    public IReadOnlyList<int> Offsets =>
        [.. ReminderOffsetsDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture)).Distinct().OrderDescending()];

    public TimeOnly ReminderTimeOfDay => TimeOnly.ParseExact(ReminderTime, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        var parts = ReminderOffsetsDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d > 365))
        {
            yield return $"Ledger:ReminderOffsetsDays '{ReminderOffsetsDays}' is not a list of days: expected e.g. 7,3,1,0.";
        }

        if (!TimeOnly.TryParseExact(ReminderTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"Ledger:ReminderTime '{ReminderTime}' is not a time: expected HH:mm, e.g. 09:00.";
        }

        if (OverdueDays is < 0 or > 60)
        {
            yield return $"Ledger:OverdueDays {OverdueDays} is out of range: expected 0 to 60.";
        }
    }
}
