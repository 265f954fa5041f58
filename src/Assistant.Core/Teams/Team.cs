using System.Text.RegularExpressions;

namespace Assistant.Core.Teams;

/// <summary>An inspection team (考核巡查组) visiting one province.</summary>
public sealed class Team
{
    public int Id { get; set; }

    /// <summary>Name as people say it, e.g. 第七组.</summary>
    public string Name { get; set; } = "";

    /// <summary>Short prefix of finding numbers, e.g. G7 in G7-012.</summary>
    public string Code { get; set; } = "";

    /// <summary>Province or region visited, e.g. 湖南省.</summary>
    public string Region { get; set; } = "";

    public DateOnly VisitFrom { get; set; }

    public DateOnly VisitTo { get; set; }

    /// <summary>IANA id; every time shown to the team is in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Telegram group chats linked to this team with /linkgroup.</summary>
    public List<long> GroupChatIds { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public TimeZoneInfo Zone => Common.TimeZones.Find(TimeZone) ?? TimeZoneInfo.Utc;
}

/// <summary>Derives a team code from its name: 第七组 → G7, 第十二组 → G12, Team 3 → G3.</summary>
public static partial class TeamCodes
{
    private static readonly string Digits = "零一二三四五六七八九";

    public static string? Derive(string name)
    {
        var arabic = ArabicNumber().Match(name);
        if (arabic.Success)
        {
            return "G" + int.Parse(arabic.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        var chinese = ChineseNumber().Match(name);
        if (!chinese.Success)
        {
            return null;
        }

        var value = ParseChineseNumber(chinese.Groups[1].Value);
        return value is > 0 ? "G" + value.Value.ToString(CultureInfo.InvariantCulture) : null;
    }

    public static bool IsValid(string code) => ValidCode().IsMatch(code);

    private static int? ParseChineseNumber(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 ? Digits.IndexOf(text[0], StringComparison.Ordinal) : null;
        }

        var tens = ten == 0 ? 1 : Digits.IndexOf(text[0], StringComparison.Ordinal);
        var units = ten == text.Length - 1 ? 0 : Digits.IndexOf(text[^1], StringComparison.Ordinal);
        return tens < 0 || units < 0 ? null : (tens * 10) + units;
    }

    [GeneratedRegex(@"\d{1,3}")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex("第?([零一二三四五六七八九十]{1,3})组")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,5}$")]
    private static partial Regex ValidCode();
}
