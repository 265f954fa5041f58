using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Tests.Web;

/// <summary>Signs Mini App start data the way Telegram does (test stand-in for Telegram's side).</summary>
public static class InitDataSigner
{
    public static string Sign(string token, long userId, DateTimeOffset issued, string? languageCode = "zh-hans", string firstName = "测试", bool withSignature = false)
    {
        var user = "{\"id\":" + userId.ToString(CultureInfo.InvariantCulture) + ",\"first_name\":\"" + firstName + "\""
            + (languageCode is null ? "" : ",\"language_code\":\"" + languageCode + "\"") + "}";
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = issued.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["query_id"] = "AAHdF6IQAAAAAN0XohDhrOrc",
            ["user"] = user,
        };
        if (withSignature)
        {
            fields["signature"] = "SGVsbG8gV29ybGQ";
        }

        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(token));
        var check = string.Join('\n', fields.Select(f => f.Key + "=" + f.Value));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(check)));
        return string.Join('&', fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))) + "&hash=" + hash;
    }

    /// <summary>The launch address Telegram opens: the page with the start data (and theme) in the fragment.</summary>
    public static string LaunchUrl(Uri page, string initData, string? query = null, string? themeJson = null) =>
        page + (query is null ? "" : "?" + query) + "#tgWebAppData=" + Uri.EscapeDataString(initData)
        + "&tgWebAppVersion=8.0&tgWebAppPlatform=android"
        + (themeJson is null ? "" : "&tgWebAppThemeParams=" + Uri.EscapeDataString(themeJson));
}
