namespace Assistant.Core.Summaries;

/// <summary>How briefs write dates, times and ordinals, in each language.</summary>
public static class BriefFormat
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>"2023年11月2日（星期四）" / "Thursday 2 November 2023".</summary>
    public static string DayWithWeekday(Texts t, DateOnly day) =>
        t.Language == Language.English
            ? day.ToString("dddd d MMMM yyyy", t.Culture)
            : day.ToString("yyyy年M月d日", t.Culture) + "（" + day.ToString("dddd", t.Culture) + "）";

    /// <summary>"11月16日" (or with the year when it differs from <paramref name="reference"/>) / "16 November".</summary>
    public static string Date(Texts t, DateOnly date, DateOnly reference) =>
        t.Language == Language.English
            ? date.ToString(date.Year == reference.Year ? "d MMMM" : "d MMMM yyyy", t.Culture)
            : date.ToString(date.Year == reference.Year ? "M月d日" : "yyyy年M月d日", t.Culture);

    /// <summary>"2023年11月1日" / "1 November 2023".</summary>
    public static string FullDate(Texts t, DateOnly date) =>
        date.ToString(t.Language == Language.English ? "d MMMM yyyy" : "yyyy年M月d日", t.Culture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Chinese numerals for 1 to 999: 一, 十, 十一, 二十三, 一百, 一百零五, 一百一十.</summary>
    public static string Chinese(int n)
    {
        if (n is < 1 or > 999)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        if (n >= 100)
        {
            var rest = n % 100;
            return Digits[n / 100] + "百" + (rest == 0 ? "" : rest < 10 ? "零" + Digits[rest] : Digits[rest / 10] + "十" + (rest % 10 == 0 ? "" : Digits[rest % 10]));
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 0 ? "" : (tens == 1 ? "" : Digits[tens]) + "十") + (ones == 0 ? "" : Digits[ones]);
    }

    /// <summary>
    /// The ordinal marker of a list item: "一是" / "(a) " (lettered in English, so an item under the group "(1)" is not
    /// numbered like the groups themselves).
    /// </summary>
    public static string ItemMarker(Texts t, int n) =>
        t.Language == Language.English ? $"({Letters(n)}) " : Chinese(n) + "是";

    /// <summary>a, b, … z, aa, ab, …: the letters of the n-th item.</summary>
    public static string Letters(int n)
    {
        var letters = "";
        for (; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('a' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The number of a sub-heading: "一" / "1" (the catalog adds the brackets).</summary>
    public static string GroupNumber(Texts t, int n) =>
        t.Language == Language.English ? n.ToString(CultureInfo.InvariantCulture) : Chinese(n);

    /// <summary>The end of a list item: "；" between items and "。" after the last, in Chinese; ";" and "." in English.</summary>
    public static string ItemEnd(Texts t, bool last) =>
        t.Language == Language.English ? (last ? "." : ";") : (last ? "。" : "；");

    /// <summary>
    /// An introduction that ends in a colon, followed on the same line: one space after an English colon ("by phone): Reports…"),
    /// none after a Chinese one ("电话1件）：反映…").
    /// </summary>
    public static string RunOn(string intro, string rest) => intro.EndsWith(':') ? intro + " " + rest : intro + rest;

    /// <summary>Text without its closing punctuation, so a template can add its own.</summary>
    public static string Trimmed(string text) => text.Trim().TrimEnd('。', '；', ';', '.', '！', '!', '，', ',');
}
