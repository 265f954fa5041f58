using System.Text.RegularExpressions;

namespace Assistant.Core.Findings.Suggestions;

/// <summary>
/// Finds the inspected unit and the place in a text, only as spans copied from it: a chain of
/// administrative names (湖南省长沙市岳麓区, "Yuelu District") and a name ending in an organisation's word
/// (…有限公司, …加油站, …商场, "… Co., Ltd."). What it cannot read with confidence it leaves out.
/// </summary>
public static partial class TextSpans
{
    private const int MaxAdminName = 4;
    private const int MaxUnitName = 16;

    /// <summary>Words that end a unit's name, longest first so 有限公司 wins over 公司.</summary>
    private static readonly string[] UnitWords =
    [
        "股份有限公司", "有限责任公司", "有限公司", "分公司", "集团", "公司", "加油站", "加气站", "液化气站", "储配站", "供应站", "充电站",
        "客运站", "汽车站",
        "医院", "卫生院", "幼儿园", "小学", "中学", "大学", "学校", "酒店", "宾馆", "饭店", "餐馆", "餐厅", "商场", "超市",
        "购物中心", "市场", "工厂", "化工厂", "煤矿", "码头", "景区", "养老院", "敬老院", "合作社", "厂",
    ];

    /// <summary>Characters after which a unit word is part of something else (厂房, 厂区, 市场监管).</summary>
    private static readonly Dictionary<string, string> NotFollowedBy = new()
    {
        ["厂"] = "房区长内家",
        ["市场"] = "监主化",
        ["公司"] = "章",
    };

    private static readonly string[] StopWords =
    [
        "检查发现", "发现", "检查", "位于", "暗访", "走访", "抽查", "前往", "来到", "今天", "今日", "上午", "下午", "晚上", "我们", "我组", "其中", "存在", "反映", "举报",
    ];

    private const string StopChars = "在于对到赴至从的和与及是了有去向被将把为由";
    private const string AdminSuffixes = "省市州县区旗镇乡";

    /// <summary>An admin suffix followed by one of these is not one (市场, 市民, 区域, 县城, 镇上…).</summary>
    private const string AdminNotFollowedBy = "场民政委级域内外属城上里";

    /// <summary>市 after one of these is part of a word (超市, 门市, 夜市, 集市, 股市).</summary>
    private const string CityNotAfter = "超门夜街集股";

    /// <summary>区 after one of these is a part of a site, not a district (罐区, 厂区, 小区, 景区, 库区…).</summary>
    private const string DistrictNotAfter = "罐厂小景库矿业产工存储营住宿社辖片校园";

    /// <summary>The place: a chain of administrative names, as written; null when there is none.</summary>
    public static string? Place(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Chinese(text) is { } chinese ? chinese : EnglishPlace().Match(text) is { Success: true } m ? m.Value.Trim() : null;
    }

    /// <summary>The inspected unit: a name ending in an organisation's word, as written; null when there is none.</summary>
    public static string? Unit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stops = Stops(text);
        var place = PlaceSpan(text, stops);
        for (var i = 0; i < text.Length; i++)
        {
            var word = UnitWords.FirstOrDefault(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0);
            if (word is null)
            {
                continue;
            }

            var end = i + word.Length;
            if (NotFollowedBy.TryGetValue(word, out var after) && end < text.Length && after.Contains(text[end], StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var floor = place is { } p && p.End <= i ? p.End : 0;
            while (start > floor && i - start < MaxUnitName && !stops[start - 1])
            {
                start--;
            }

            if (start < i)
            {
                return text[start..end];
            }
        }

        return EnglishUnit().Match(text) is { Success: true } m ? m.Value.Trim() : null;
    }

    private static string? Chinese(string text) => PlaceSpan(text, Stops(text)) is { } span ? text[span.Start..span.End] : null;

    /// <summary>The first chain of administrative names whose first name stands alone (after a stop or the start).</summary>
    private static (int Start, int End)? PlaceSpan(string text, bool[] stops)
    {
        for (var s = 0; s < text.Length; s++)
        {
            if (!IsAdminEnd(text, s))
            {
                continue;
            }

            var start = s;
            while (start > 0 && !stops[start - 1] && s - start < MaxAdminName + 1)
            {
                start--;
            }

            var name = s - start;
            var standsAlone = start == 0 || stops[start - 1];
            if (name < 2 || name > MaxAdminName || !standsAlone || stops[s])
            {
                continue;
            }

            var end = s + 1;
            while (NextAdmin(text, stops, end) is { } next)
            {
                end = next;
            }

            return (start, end);
        }

        return null;
    }

    /// <summary>The end of a further administrative name of 1–4 characters right after <paramref name="from"/>.</summary>
    private static int? NextAdmin(string text, bool[] stops, int from)
    {
        for (var s = from + 1; s < text.Length && s - from <= MaxAdminName; s++)
        {
            if (stops[s - 1])
            {
                return null;
            }

            if (IsAdminEnd(text, s))
            {
                return s + 1;
            }
        }

        return null;
    }

    private static bool IsAdminEnd(string text, int i)
    {
        var c = text[i];
        if (!AdminSuffixes.Contains(c, StringComparison.Ordinal))
        {
            return false;
        }

        if (i + 1 < text.Length && AdminNotFollowedBy.Contains(text[i + 1], StringComparison.Ordinal))
        {
            return false;
        }

        var before = i == 0 ? '\0' : text[i - 1];
        return c switch
        {
            '区' => !DistrictNotAfter.Contains(before, StringComparison.Ordinal),
            '市' => !CityNotAfter.Contains(before, StringComparison.Ordinal),
            _ => true,
        };
    }

    /// <summary>Which characters cannot be part of a name: punctuation, spaces, Latin letters and digits, and stop words.</summary>
    private static bool[] Stops(string text)
    {
        var stops = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            stops[i] = !IsHan(c) || StopChars.Contains(c, StringComparison.Ordinal);
        }

        foreach (var word in StopWords)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(stops, true, at, word.Length);
            }
        }

        return stops;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or '（' or '）' or '(' or ')';

    [GeneratedRegex(@"\b(?:[A-Z][a-z]+ ){1,3}(?:City|District|County|Province|Town)\b")]
    private static partial Regex EnglishPlace();

    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z0-9&'-]*\s){1,5}(?:Co\.,?\s?Ltd\.?|Company|Corporation|Group|Factory|Plant|Hospital|School|Hotel|Mall|Supermarket|Market|Station|Mine|Wharf)")]
    private static partial Regex EnglishUnit();
}
