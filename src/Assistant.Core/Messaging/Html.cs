using System.Net;
using System.Text.RegularExpressions;

namespace Assistant.Core.Messaging;

/// <summary>
/// Telegram HTML helpers. Catalog text is trusted HTML; anything a user typed goes through
/// <see cref="Escape"/> (done for you by <c>Texts.Format</c> for string arguments).
/// </summary>
public static partial class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default:
                    // Control characters other than line breaks and tabs are dropped: Telegram rejects some of them.
                    if (!char.IsControl(c) || c is '\n' or '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string Bold(string? text) => $"<b>{Escape(text)}</b>";

    public static string Italic(string? text) => $"<i>{Escape(text)}</i>";

    public static string Code(string? text) => $"<code>{Escape(text)}</code>";

    /// <summary>Plain text as a user sees it: tags removed, entities decoded.</summary>
    public static string ToPlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}

/// <summary>HTML that is already safe to send; inserted into catalog text without escaping.</summary>
public readonly record struct SafeHtml(string Value)
{
    public override string ToString() => Value;
}
