using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Assistant.Core.Common;

/// <summary>
/// Finds and removes what identifies a person in free text: mobile and landline numbers (with or without an
/// area code, after a 电话/手机 cue), e-mail addresses, ID card numbers, WeChat/QQ ids, and a name next to a
/// tipster cue (举报人王某某, 举报人：张三, 李四实名举报, 王五（举报人）, tipster: John Smith). It guards every text that
/// leaves the records for a document, an export, a chat message built from notes or a model (the facts of a
/// brief, the ledger export, the statistics, /notes for other members), and refuses such text in a tip's subject.
/// It removes rather than misses: a cue followed by a common surname is taken for a name.
/// </summary>
public static partial class IdentityScrubber
{
    public const string Removed = "〔已隐去〕";

    /// <summary>
    /// Common Chinese surnames a name after a cue starts with (a character that rarely starts the words that follow
    /// 举报人 in a sentence: 反映, 称, 表示, 要求…). Function characters (和, 国, 时, 全…) are left out on purpose.
    /// </summary>
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳甘祝舒阮柯纪梅童凌毕裴霍涂苗谷盛翁冉骆蓝辛靳管柴蒙鲍喻祁蒲滕屈饶艾尤穆卓缪";

    /// <summary>Whether the text contains anything that identifies a person.</summary>
    public static bool Identifies([NotNullWhen(true)] string? text) => text is not null && Patterns().Any(p => p.IsMatch(text));

    /// <summary>The text with every identifying detail replaced by <see cref="Removed"/> (a cue such as 举报人 or 电话 stays, so the sentence still reads).</summary>
    public static string Scrub(string text)
    {
        foreach (var pattern in Patterns())
        {
            text = pattern.Replace(text, Removed);
        }

        // "〔已隐去〕〔已隐去〕" after a cue followed by a number reads as one removal.
        return text.Replace(Removed + Removed, Removed, StringComparison.Ordinal);
    }

    /// <summary><see cref="Scrub"/> for optional texts: null stays null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);

    /// <summary>
    /// Scrubs each free text of <paramref name="target"/>, given as one list of readers and writers (a draft's texts, so the
    /// list is the one place that says which texts are scrubbed).
    /// </summary>
    public static void ScrubEach<T>(T target, IEnumerable<(Func<T, string?> Get, Action<T, string?> Set)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var (get, set) in texts)
        {
            set(target, ScrubOrNull(get(target)));
        }
    }

    // Order matters: the cued patterns take their number with them before the bare number patterns run.
    private static IEnumerable<Regex> Patterns() =>
        [ChatId(), CuedNumber(), IdCard(), Email(), Mobile(), Landline(), CuedName(), NameBeforeCue(), NameBeforeTipVerb(), EnglishName()];

    // A digit as people write one in a phone number: ASCII, full-width or a Chinese numeral (〇/零, 幺 for one, 两 for two).
    private const string Digit = "[0-9０-９〇零一二三四五六七八九幺两]";

    // What may stand between two digits of one number: a space (also the ideographic one) or a dash.
    private const string Gap = @"[ \u3000\-－]?";

    [GeneratedRegex(@"(?<![0-9０-９])[0-9０-９]{17}[0-9０-９Xx](?![0-9０-９])")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+\s*[@＠]\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>A mobile number in any digits, spaced or not: "13812345678", "138 1234 5678", "１３８…", "一三八一二三四五六七八".</summary>
    [GeneratedRegex(@"(?<!" + Digit + @")(?:\+?86[- ]?)?[1１一幺]" + Gap + "[3-9３-９三四五六七八九]" + Gap + Digit + "(?:" + Gap + Digit + "){8}(?!" + Digit + ")")]
    private static partial Regex Mobile();

    /// <summary>A landline with its area code: "0731-88886666", "（0731）88886666", "〇七三一 八八八八六六六六".</summary>
    [GeneratedRegex(@"(?<!" + Digit + @")(?:[(（]?[0０〇零]" + Digit + "{2,3}[)）]?" + Gap + ")" + Digit + "(?:" + Gap + Digit + "){6,7}(?!" + Digit + ")")]
    private static partial Regex Landline();

    /// <summary>A number of six digits or more after a cue, whatever its form: "电话 8888 6666", "手机号：139…", "手机号：一三八…", "Tel: 0731-…".</summary>
    [GeneratedRegex(@"(?<=(?i:电话|手机号?码?|联系方式|座机|tel|phone|mobile)\s*(?:号码|号)?\s*[:：是为]?\s*)\+?" + Digit + @"(?:[ \u3000()（）\-－]*" + Digit + "){5,}")]
    private static partial Regex CuedNumber();

    [GeneratedRegex(@"(?<=(?i:微信号?|微信ID|V信|VX|wechat(?:\s*id)?|QQ号?|扣扣)\s*(?:号码|号|ID)?\s*[:：是为]?\s*)[A-Za-z0-9_-]{5,}")]
    private static partial Regex ChatId();

    /// <summary>
    /// A name after a cue: "举报人：王某某", "举报人王某某反映", "实名举报人是李四", "联系人 张三", "举报群众李四反映", "据举报群众李四介绍".
    /// The name is a surname and one or two more characters (or 某/某某/先生/女士), taken as short as the words after it allow.
    /// </summary>
    [GeneratedRegex(@"(?<=(?:实名举报人|举报人|举报者|举报群众|投诉人|反映人|来电人|来访人|来信人|联系人|姓名)(?:\s*[:：]\s*|\s+|是|为|叫|系)?)[" + Surnames + @"](?:某某|某|先生|女士|师傅|[\p{IsCJKUnifiedIdeographs}]{1,2}?)(?=反映|称|说|表示|举报|介绍|透露|投诉|来电|来信|电话|手机|联系|要求|希望|提供|于|在|的|是|和|与|及|、|，|。|；|：|,|\.|;|（|\(|\s|$|等|同志|先生|女士|实名)")]
    private static partial Regex CuedName();

    /// <summary>A name before a cue: "李四实名举报", "王五（举报人）".</summary>
    [GeneratedRegex(@"[" + Surnames + @"](?:某某|某|先生|女士|[\p{IsCJKUnifiedIdeographs}]{1,2}?)(?=实名|（举报人）|\(举报人\))")]
    private static partial Regex NameBeforeCue();

    /// <summary>
    /// A name between who a person is and what they did: "群众李四举报", "村民王五反映", "市民赵某来电". Only a tip's verb after the
    /// name counts, so "群众反映楼道堆物" and "接群众举报后核查" stay; words that start with a surname's character and often follow
    /// 群众 (于昨日, 曾多次, 常年, 方面) are not taken for a name.
    /// </summary>
    [GeneratedRegex(@"(?<=(?:群众|村民|居民|市民|网民|职工|员工|业主|住户|商户)\s*)(?!于|曾经|曾多|曾在|曾向|曾于|常年|常常|方面)[" + Surnames + @"](?:某某|某|先生|女士|师傅|[\p{IsCJKUnifiedIdeographs}]{1,2}?)(?=(?:实名)?(?:举报|反映|投诉|来电|来信|称|介绍|透露))")]
    private static partial Regex NameBeforeTipVerb();

    [GeneratedRegex(@"(?<=(?i:tipster|informant|whistleblower|reported by|complainant)(?:\s*[:：]\s*|\s+)(?:is\s+|named\s+)?)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")]
    private static partial Regex EnglishName();
}
