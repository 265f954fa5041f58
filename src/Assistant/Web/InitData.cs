using System.Security.Cryptography;
using System.Text.Json;

namespace Assistant.Web;

/// <summary>Why signed start data was refused.</summary>
public enum InitDataProblem
{
    /// <summary>No start data at all, or no hash in it: not opened from Telegram.</summary>
    Unsigned,

    /// <summary>Not a well-formed query string, a field twice, no auth_date or user, or data longer than accepted.</summary>
    Malformed,

    /// <summary>The hash does not match: altered, or signed with another bot's token.</summary>
    BadSignature,

    /// <summary>Issued longer ago than <see cref="WebOptions.InitDataMaxAgeMinutes"/> (or in the future beyond clock skew).</summary>
    Expired,
}

/// <summary>The Telegram user that validated start data names.</summary>
/// <param name="UserId">The user's Telegram id.</param>
/// <param name="LanguageCode">The language of the user's Telegram app, if sent (only to choose the language of a refusal).</param>
/// <param name="IssuedUtc">When Telegram issued the data (auth_date).</param>
public sealed record InitDataUser(long UserId, string? LanguageCode, DateTimeOffset IssuedUtc);

/// <summary>
/// Checks the Mini App's start data (<c>Telegram.WebApp.initData</c>, a query string) as Telegram documents it:
/// secret = HMAC-SHA256(key "WebAppData", message: the bot token); the hash must equal
/// hex(HMAC-SHA256(key: secret, message: data-check-string)), compared in constant time. The data-check-string is
/// every received field but <c>hash</c>, sorted by key, as <c>key=value</c> (values URL-decoded) joined by "\n".
/// Telegram's clients that also send <c>signature</c> (the Ed25519 signature for third parties) compute the hash with
/// that field in the string, while the third-party section of the documentation leaves it out; both strings are
/// tried, and both can only be signed with the bot token. Data issued longer ago than the allowed age is refused.
/// </summary>
/// <remarks>
/// Replays: the same start data stays valid until its age runs out (Telegram issues one per opening of the page,
/// and the page repeats it on every request); it is a bearer credential, like a session cookie, which HTTPS and
/// never logging the header protect. What it cannot do twice is act: every action must carry the item's current
/// revision, which each action changes, so a replayed action is refused with the current state.
/// </remarks>
public sealed class InitDataValidator
{
    public const int MaxLength = 4096;

    /// <summary>Data stamped this far in the future still counts (the two clocks differ a little).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly byte[] _secret;

    public InitDataValidator(string botToken) =>
        _secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));

    /// <summary>The user the data names, or why it is refused.</summary>
    public (InitDataUser? User, InitDataProblem? Problem) Validate(string? initData, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrEmpty(initData))
        {
            return (null, InitDataProblem.Unsigned);
        }

        if (initData.Length > MaxLength || Parse(initData) is not { } fields)
        {
            return (null, InitDataProblem.Malformed);
        }

        if (!fields.TryGetValue("hash", out var hash))
        {
            return (null, InitDataProblem.Unsigned);
        }

        if (!IsHex(hash, 64))
        {
            return (null, InitDataProblem.BadSignature);
        }

        var expected = Convert.FromHexString(hash);
        var withSignature = CheckString(fields, excludeSignature: false);
        var signed = FixedTimeEquals(Sign(withSignature), expected)
            | (fields.ContainsKey("signature") && FixedTimeEquals(Sign(CheckString(fields, excludeSignature: true)), expected));
        if (!signed)
        {
            return (null, InitDataProblem.BadSignature);
        }

        if (!fields.TryGetValue("auth_date", out var authDate)
            || !long.TryParse(authDate, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !fields.TryGetValue("user", out var userJson) || UserOf(userJson) is not { } user)
        {
            return (null, InitDataProblem.Malformed);
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
        if (now - issued > maxAge || issued - now > ClockSkew)
        {
            return (null, InitDataProblem.Expired);
        }

        return (new InitDataUser(user.Id, user.LanguageCode, issued), null);
    }

    /// <summary>The hash Telegram would put on these fields (for tests and tools that sign start data).</summary>
    public string HashOf(IReadOnlyDictionary<string, string> fields) =>
        Convert.ToHexStringLower(Sign(CheckString(fields, excludeSignature: false)));

    private byte[] Sign(string checkString) => HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(checkString));

    private static bool FixedTimeEquals(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    private static string CheckString(IReadOnlyDictionary<string, string> fields, bool excludeSignature) =>
        string.Join('\n', fields
            .Where(f => f.Key != "hash" && !(excludeSignature && f.Key == "signature"))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value));

    /// <summary>Fields of a query string, values decoded as the page's script decodes them ('+' is a space); null if malformed or a key repeats.</summary>
    private static Dictionary<string, string>? Parse(string query)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            string key, value;
            try
            {
                key = Uri.UnescapeDataString(pair[..equals].Replace('+', ' '));
                value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return null;
            }

            if (!fields.TryAdd(key, value))
            {
                return null;
            }
        }

        return fields;
    }

    private static (long Id, string? LanguageCode)? UserOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || !id.TryGetInt64(out var userId) || userId <= 0)
            {
                return null;
            }

            var language = root.TryGetProperty("language_code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            return (userId, language);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigit);
}
