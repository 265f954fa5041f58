namespace Assistant.Core.Common;

/// <summary>Settings of the <c>Assistant</c> section: behaviour shared by every capability.</summary>
public sealed class AssistantOptions : IValidatableSettings
{
    public const string Section = "Assistant";

    /// <summary>IANA time zone used for new teams and for the console team (default Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Language of users who have not chosen one: <c>zh-CN</c> (default) or <c>en</c>.</summary>
    public string DefaultLanguage { get; set; } = "zh-CN";

    /// <summary>Hours after which an untouched draft (a flow left half way) is dropped with a notice.</summary>
    public int DraftTimeoutHours { get; set; } = 24;

    /// <summary>Days an invitation code stays valid unless the inviter says otherwise.</summary>
    public int InvitationDays { get; set; } = 7;

    public Language DefaultLanguageValue => LanguageCodes.Parse(DefaultLanguage) ?? Language.Chinese;

    public TimeZoneInfo TimeZoneInfo => TimeZones.Find(TimeZone) ?? System.TimeZoneInfo.Utc;

    public IEnumerable<string> Validate()
    {
        if (TimeZones.Find(TimeZone) is null)
        {
            yield return $"Assistant:TimeZone '{TimeZone}' is not a known IANA time zone id: expected e.g. Asia/Shanghai.";
        }

        if (LanguageCodes.Parse(DefaultLanguage) is null)
        {
            yield return $"Assistant:DefaultLanguage '{DefaultLanguage}' is not supported: expected zh-CN or en.";
        }

        if (DraftTimeoutHours is < 1 or > 24 * 30)
        {
            yield return $"Assistant:DraftTimeoutHours {DraftTimeoutHours} is out of range: expected 1 to 720.";
        }

        if (InvitationDays is < 1 or > 365)
        {
            yield return $"Assistant:InvitationDays {InvitationDays} is out of range: expected 1 to 365.";
        }
    }
}
