using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Assistant.Tests.Fakes;

/// <summary>Text as Telegram stores it after parsing: plain text plus formatting entities (UTF-16 offsets).</summary>
internal sealed record ParsedText(string Text, JsonArray Entities);

/// <summary>
/// Parses the HTML subset of the Bot API (https://core.telegram.org/bots/api#html-style) the way the server
/// does: supported tags only, properly nested, and every <c>&amp;</c> starting a supported entity. Error
/// texts follow the server's "can't parse entities: ..." messages, byte offsets counted in UTF-8.
/// </summary>
internal static class TelegramHtml
{
    private sealed record OpenTag(string Name, int BytePosition, int Offset, Dictionary<string, string> Attributes);

    private static readonly HashSet<string> SupportedTags = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
        "blockquote", "tg-emoji",
    };

    /// <summary>Parses <paramref name="html"/>; on failure <paramref name="error"/> holds the part after "can't parse entities: ".</summary>
    public static bool TryParse(string html, out ParsedText result, out string error)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<(int Offset, int Length, JsonObject Entity)>();
        var open = new List<OpenTag>();
        result = new ParsedText("", []);
        error = "";

        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                if (!TryDecodeEntity(html, i, out var decoded, out var consumed))
                {
                    error = $"Unsupported HTML entity at byte offset {ByteOffset(html, i)}; use &lt; &gt; &amp; &quot; or a numeric entity";
                    return false;
                }

                text.Append(decoded);
                i += consumed;
                continue;
            }

            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            var begin = i;
            if (i + 1 < html.Length && html[i + 1] == '/')
            {
                var close = html.IndexOf('>', i + 2);
                if (close < 0)
                {
                    error = $"Unclosed end tag at byte offset {ByteOffset(html, begin)}";
                    return false;
                }

                var endName = html[(i + 2)..close].Trim().ToLowerInvariant();
                if (open.Count == 0)
                {
                    error = $"Unexpected end tag at byte offset {ByteOffset(html, begin)}";
                    return false;
                }

                var top = open[^1];
                if (top.Name != endName)
                {
                    error = $"Unmatched end tag at byte offset {ByteOffset(html, begin)}, expected \"</{top.Name}>\", found \"</{endName}>\"";
                    return false;
                }

                open.RemoveAt(open.Count - 1);
                var entity = MakeEntity(top, open.Count > 0 ? open[^1] : null);
                if (entity is not null && text.Length > top.Offset)
                {
                    entities.Add((top.Offset, text.Length - top.Offset, entity));
                }

                i = close + 1;
                continue;
            }

            // Start tag: name up to whitespace, '>' or '/'.
            var j = i + 1;
            while (j < html.Length && !char.IsWhiteSpace(html[j]) && html[j] != '>' && html[j] != '/')
            {
                j++;
            }

            if (j >= html.Length)
            {
                error = $"Unclosed start tag at byte offset {ByteOffset(html, begin)}";
                return false;
            }

            var name = html[(i + 1)..j].ToLowerInvariant();
            if (!SupportedTags.Contains(name))
            {
                error = $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, begin)}";
                return false;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                while (j < html.Length && char.IsWhiteSpace(html[j]))
                {
                    j++;
                }

                if (j >= html.Length)
                {
                    error = $"Unclosed start tag at byte offset {ByteOffset(html, begin)}";
                    return false;
                }

                if (html[j] == '>')
                {
                    j++;
                    break;
                }

                var attrStart = j;
                while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] is '-' or '_'))
                {
                    j++;
                }

                if (j == attrStart)
                {
                    error = $"Empty attribute name in the tag \"{name}\" at byte offset {ByteOffset(html, begin)}";
                    return false;
                }

                var attrName = html[attrStart..j].ToLowerInvariant();
                while (j < html.Length && char.IsWhiteSpace(html[j]))
                {
                    j++;
                }

                var value = "";
                if (j < html.Length && html[j] == '=')
                {
                    j++;
                    while (j < html.Length && char.IsWhiteSpace(html[j]))
                    {
                        j++;
                    }

                    if (j >= html.Length)
                    {
                        error = $"Unclosed start tag at byte offset {ByteOffset(html, begin)}";
                        return false;
                    }

                    string raw;
                    if (html[j] is '"' or '\'')
                    {
                        var quote = html[j];
                        var endQuote = html.IndexOf(quote, j + 1);
                        if (endQuote < 0)
                        {
                            error = $"Unclosed start tag at byte offset {ByteOffset(html, begin)}";
                            return false;
                        }

                        raw = html[(j + 1)..endQuote];
                        j = endQuote + 1;
                    }
                    else
                    {
                        var valueStart = j;
                        while (j < html.Length && !char.IsWhiteSpace(html[j]) && html[j] != '>')
                        {
                            j++;
                        }

                        raw = html[valueStart..j];
                    }

                    if (!TryDecodeAll(raw, out value))
                    {
                        error = $"Unsupported HTML entity in an attribute of the tag \"{name}\" at byte offset {ByteOffset(html, begin)}";
                        return false;
                    }
                }

                attributes[attrName] = value;
            }

            if (name == "span" && !(attributes.TryGetValue("class", out var cls) && cls == "tg-spoiler"))
            {
                error = $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, begin)}";
                return false;
            }

            open.Add(new OpenTag(name, ByteOffset(html, begin), text.Length, attributes));
            i = j;
        }

        if (open.Count > 0)
        {
            error = $"Can't find end tag corresponding to start tag \"{open[^1].Name}\"";
            return false;
        }

        var array = new JsonArray();
        foreach (var (offset, length, entity) in entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length))
        {
            entity["offset"] = offset;
            entity["length"] = length;
            array.Add(entity);
        }

        result = new ParsedText(text.ToString(), array);
        return true;
    }

    private static JsonObject? MakeEntity(OpenTag tag, OpenTag? parent)
    {
        switch (tag.Name)
        {
            case "b" or "strong":
                return new JsonObject { ["type"] = "bold" };
            case "i" or "em":
                return new JsonObject { ["type"] = "italic" };
            case "u" or "ins":
                return new JsonObject { ["type"] = "underline" };
            case "s" or "strike" or "del":
                return new JsonObject { ["type"] = "strikethrough" };
            case "span" or "tg-spoiler":
                return new JsonObject { ["type"] = "spoiler" };
            case "a":
                return tag.Attributes.TryGetValue("href", out var href) && href.Length > 0
                    ? new JsonObject { ["type"] = "text_link", ["url"] = href }
                    : null;
            case "code" when parent?.Name == "pre":
                // <pre><code class="language-x">: the language goes on the enclosing pre entity.
                if (tag.Attributes.TryGetValue("class", out var language) && language.StartsWith("language-", StringComparison.Ordinal))
                {
                    parent.Attributes["x-language"] = language["language-".Length..];
                }

                return null;
            case "code":
                return new JsonObject { ["type"] = "code" };
            case "pre":
                var pre = new JsonObject { ["type"] = "pre" };
                if (tag.Attributes.TryGetValue("x-language", out var lang))
                {
                    pre["language"] = lang;
                }

                return pre;
            case "blockquote":
                return new JsonObject { ["type"] = tag.Attributes.ContainsKey("expandable") ? "expandable_blockquote" : "blockquote" };
            case "tg-emoji":
                return tag.Attributes.TryGetValue("emoji-id", out var emojiId)
                    ? new JsonObject { ["type"] = "custom_emoji", ["custom_emoji_id"] = emojiId }
                    : null;
            default:
                return null;
        }
    }

    private static bool TryDecodeAll(string raw, out string decoded)
    {
        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == '&')
            {
                if (!TryDecodeEntity(raw, i, out var part, out var consumed))
                {
                    decoded = "";
                    return false;
                }

                sb.Append(part);
                i += consumed;
            }
            else
            {
                sb.Append(raw[i]);
                i++;
            }
        }

        decoded = sb.ToString();
        return true;
    }

    /// <summary>Decodes &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities (the semicolon is required).</summary>
    private static bool TryDecodeEntity(string s, int at, out string decoded, out int consumed)
    {
        decoded = "";
        consumed = 0;
        var semicolon = s.IndexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at > 12)
        {
            return false;
        }

        var body = s[(at + 1)..semicolon];
        consumed = semicolon - at + 1;
        switch (body)
        {
            case "lt":
                decoded = "<";
                return true;
            case "gt":
                decoded = ">";
                return true;
            case "amp":
                decoded = "&";
                return true;
            case "quot":
                decoded = "\"";
                return true;
        }

        if (body.Length < 2 || body[0] != '#')
        {
            return false;
        }

        var isHex = body[1] is 'x' or 'X';
        var digits = isHex ? body[2..] : body[1..];
        var ok = isHex
            ? int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
        if (!ok || digits.Length == 0 || code <= 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        decoded = char.ConvertFromUtf32(code);
        return true;
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));
}
