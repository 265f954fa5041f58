namespace Assistant.Core.Localization;

/// <summary>How answers write a day and what they say about a typed date, in the reader's language.</summary>
public static class DateText
{
    /// <summary>"2023年11月2日" / "2 Nov 2023".</summary>
    public static string Full(Texts t, DateOnly date) =>
        date.ToString(t.Language == Language.English ? "d MMM yyyy" : "yyyy年M月d日", t.Culture);

    /// <summary>"2026年12月4日 21:38" / "4 Dec 2026 21:38": a time already in the team's zone.</summary>
    public static string FullTime(Texts t, DateTime local) =>
        Full(t, DateOnly.FromDateTime(local)) + " " + local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"11月30日" / "30 Nov", with the year when it is not <paramref name="today"/>'s.</summary>
    public static string Short(Texts t, DateOnly date, DateOnly today) =>
        YearlessDay.NeedsYear(date, today) ? Full(t, date) : date.ToString(t.Language == Language.English ? "d MMM" : "M月d日", t.Culture);

    /// <summary>
    /// What is wrong with a typed date, as a sentence with what to type instead; null when it was read and is
    /// near enough to today to be meant.
    /// </summary>
    public static string? Problem(Texts t, DateInputResult result, string? typed, DateOnly today) => result.Error switch
    {
        DateInputError.None when !DateInput.IsPlausible(result.Date, today) => t.Format("date.implausible", typed ?? ""),
        DateInputError.None => null,
        DateInputError.InPast => t.Format("date.in_past", Full(t, result.Date)),
        DateInputError.Impossible => t.Format("date.impossible", typed ?? ""),
        DateInputError.Ambiguous => t.Format("date.ambiguous", typed ?? ""),
        _ => t.Format("date.unrecognized", typed ?? ""),
    };

    /// <summary>"按2027年11月30日记录。" when the year taken is not the current year (the rule of <see cref="YearlessDay"/>); else empty.</summary>
    public static string YearNote(Texts t, DateOnly date, DateOnly today) =>
        YearlessDay.NeedsYear(date, today) ? t.Format("date.read_as", Full(t, date)) : "";
}
