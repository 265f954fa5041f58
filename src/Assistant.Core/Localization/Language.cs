namespace Assistant.Core.Localization;

/// <summary>A language the assistant speaks to users. Chinese is the default.</summary>
public enum Language
{
    Chinese = 0,
    English = 1,
}

public static class LanguageCodes
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static string Code(this Language language) => language == Language.English ? English : Chinese;

    /// <summary>Accepts zh-CN, zh, zh-hans, 中文, en, en-US, English, case-insensitive; null when unknown.</summary>
    public static Language? Parse(string? value)
    {
        var v = value?.Trim().ToUpperInvariant();
        return v switch
        {
            "ZH-CN" or "ZH" or "ZH-HANS" or "ZH-HANS-CN" or "CN" or "中文" or "简体中文" => Language.Chinese,
            "EN" or "EN-US" or "EN-GB" or "ENGLISH" or "英文" => Language.English,
            _ => null,
        };
    }
}
