using System.Text.RegularExpressions;

namespace Assistant.Core.Common;

/// <summary>
/// Finds and removes what identifies a person in free text: mobile and landline numbers, e-mail
/// addresses, ID card numbers, WeChat/QQ ids, and a name after 举报人/实名. Used on tips before they are
/// stored for summaries and on everything before it is sent to a model.
/// </summary>
public static partial class IdentityScrubber
{
    public const string Removed = "〔已隐去〕";

    /// <summary>Whether the text contains anything that identifies a person.</summary>
    public static bool Identifies(string? text) => text is not null && Patterns().Any(p => p.IsMatch(text));

    /// <summary>The text with every identifying detail replaced by <see cref="Removed"/>.</summary>
    public static string Scrub(string text)
    {
        foreach (var pattern in Patterns())
        {
            text = pattern.Replace(text, Removed);
        }

        return text;
    }

    private static IEnumerable<Regex> Patterns() =>
        [IdCard(), Email(), Mobile(), Landline(), ChatId(), NamedPerson()];

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(?:\(?0\d{2,3}\)?[- ]?)\d{7,8}(?!\d)")]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?:微信号?|QQ号?|qq号?|WeChat|wechat)\s*[:：]?\s*[A-Za-z0-9_-]{5,}")]
    private static partial Regex ChatId();

    // A label then a separator: "举报人：王某某", "联系人 张三"; not "举报人反映…".
    [GeneratedRegex(@"(?:举报人|实名举报人|联系人|来访人|来电人|姓名)(?:\s*[:：]\s*|\s+)(?:[\p{IsCJKUnifiedIdeographs}]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")]
    private static partial Regex NamedPerson();
}
