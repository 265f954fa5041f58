using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Assistant.Channels.Telegram;

/// <summary>Settings of the <c>Telegram</c> section.</summary>
public sealed partial class TelegramOptions : IValidatableSettings
{
    public const string Section = "Telegram";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The token from @BotFather. Empty: the console channel runs instead. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Bot API server; point it at a local Bot API server or an emulator.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Telegram user ids of administrators (a JSON list, or "1,2" in one variable).</summary>
    public IReadOnlyList<long> AdminUserIds { get; internal set; } = [];

    /// <summary>Long-polling timeout in seconds for getUpdates.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>
    /// How long a request may take before it is abandoned and retried: a send (four times as long for
    /// an upload), or a poll beyond its long-polling timeout. A hung connection costs this, not minutes.
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    /// <summary>Keep to Telegram's rate limits when sending. Turn off only for a local emulator or tests.</summary>
    public bool Pacing { get; set; } = true;

    internal List<string> AdminUserIdErrors { get; } = [];

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesDefaultApi => string.Equals(ApiBaseUrl.TrimEnd('/'), DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (HasToken && !TokenShape().IsMatch(BotToken))
        {
            yield return "Telegram:BotToken is malformed: expected '<bot id>:<secret>' as given by @BotFather, e.g. 123456789:AA... (the value is not shown).";
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Telegram:ApiBaseUrl '{ApiBaseUrl}' is not an http(s) URL: expected e.g. {DefaultApiBaseUrl} or http://localhost:8081.";
        }

        foreach (var error in AdminUserIdErrors)
        {
            yield return error;
        }

        if (PollTimeoutSeconds is < 0 or > 50)
        {
            yield return $"Telegram:PollTimeoutSeconds {PollTimeoutSeconds} is out of range: expected 0 to 50.";
        }

        if (RequestTimeoutSeconds is < 1 or > 600)
        {
            yield return $"Telegram:RequestTimeoutSeconds {RequestTimeoutSeconds} is out of range: expected 1 to 600.";
        }
    }

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();
}

/// <summary>Reads Telegram:AdminUserIds in either form (list or comma-separated), reporting bad entries by key.</summary>
internal sealed class AdminUserIdsSetup(IConfiguration configuration) : IConfigureOptions<TelegramOptions>
{
    public void Configure(TelegramOptions options)
    {
        var section = configuration.GetSection($"{TelegramOptions.Section}:{nameof(TelegramOptions.AdminUserIds)}");
        var entries = section.GetChildren().Select(c => (c.Path, c.Value)).ToList();
        if (entries.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            entries = section.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => (section.Path, (string?)v)).ToList();
        }

        var ids = new List<long>();
        foreach (var (path, value) in entries)
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                options.AdminUserIdErrors.Add($"{path} '{value}' is not a Telegram user id: expected a positive whole number such as 123456789.");
            }
        }

        options.AdminUserIds = ids;
    }
}
