namespace Assistant.Core.Findings.Duplicates;

/// <summary>How two findings' units compare.</summary>
public enum UnitMatch
{
    /// <summary>One of them names no unit.</summary>
    Unknown,

    /// <summary>Different units (湘潭某餐饮店 and 株洲某餐饮店; two companies of one park; 第一 and 第二人民医院).</summary>
    Different,

    /// <summary>Names alike, but not surely one unit: a shortened or near spelling, or an anonymised "某" name, which several units share.</summary>
    Similar,

    /// <summary>The same name, once its place, legal form, spaces and punctuation are set aside.</summary>
    Same,
}

/// <summary>
/// A unit's name taken apart for comparison: the place in front (长沙市, 株洲市荷塘区, or the finding's own city), the
/// distinctive part (华强, 国泰, 湘味轩; "某" when anonymised) and the kind at the end (化工, 购物广场, 餐馆, 人民医院).
/// </summary>
internal readonly record struct UnitKey(string Place, string Head, string Tail)
{
    public static UnitKey None { get; } = new("", "", "");

    public bool IsEmpty => Head.Length == 0 && Tail.Length == 0;

    public bool Anonymised => Head.Contains(UnitNames.Anonymised, StringComparison.Ordinal);

    public override string ToString() => $"{Place}|{Head}|{Tail}";
}

/// <summary>
/// Units as the duplicate detector compares them. A name is normalised like text, loses its legal form (有限责任公司,
/// 股份, 集团, 分公司, a final 公司, 企业 or 单位) and official long words (住房和城乡建设 → 住建, 应急管理 → 应急), then is taken
/// apart into place, distinctive part and kind (<see cref="UnitKey"/>). Two units are the same when their distinctive
/// parts and kinds agree and their places do not disagree: "湖南华强化工股份有限公司" and "华强化工" are alike,
/// "长沙市应急管理局" and "长沙市应急局" the same, "长沙华天大酒店" and "长沙通程大酒店" different although most of their
/// letters agree. An anonymised name ("长沙某化工企业") is at most Similar, and only to another anonymised name of the same
/// kind and place. Names that carry numbers and share none (地铁3号线 and 6号线项目部, 第一 and 第二人民医院) are Different.
/// </summary>
internal static class UnitNames
{
    public const char Anonymised = '某';

    /// <summary>Names at least this alike in their distinctive part are Similar (城陵矶港区 and 港城陵矶).</summary>
    public const double SimilarFrom = 0.45;

    private static readonly string[] LegalForms = ["有限责任公司", "股份有限公司", "有限公司", "责任公司", "股份", "集团", "分公司", "总公司"];

    private static readonly string[] FinalWords = ["公司", "企业", "单位"];

    private static readonly (string Long, string Short)[] Abbreviations =
    [
        ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"), ("应急管理", "应急"), ("市场监督管理", "市场监管"),
        ("交通运输", "交通"), ("人民政府", "政府"), ("烟花爆竹", "烟花"), ("消防救援", "消防"),
    ];

    /// <summary>Kinds of unit, the longest first where one ends another.</summary>
    private static readonly string[] Kinds = [.. new[]
    {
        "大酒店", "酒店", "宾馆", "饭店", "旅馆", "餐馆", "餐厅", "面馆", "酒楼", "餐饮店", "人民医院", "中医院", "医院", "卫生院",
        "养老院", "敬老院", "福利院", "学校", "中学", "小学", "幼儿园", "小区", "购物广场", "商业广场", "购物中心", "广场", "商场",
        "超市", "市场", "景区", "矿业", "煤矿", "矿", "化工", "新材料", "机械制造", "机械", "铝业", "钢铁", "运输", "储运", "物流",
        "加油站", "加气站", "服务站", "码头", "港区", "项目部", "项目", "工地", "ktv", "酒吧", "洗浴中心", "中心", "网吧", "店", "厂",
        "局", "厅", "委员会", "政府", "办事处", "大队", "支队",
    }.OrderByDescending(k => k.Length)];

    private const string PlaceEnds = "省市县区州";

    /// <summary>港区, 园区, 景区, 小区… are parts of a name, not districts.</summary>
    private const string NotPlaceBefore区 = "港园景社小矿厂罐库校营";

    /// <summary>After a Chinese numeral, these make it a number of the name (一医院, 二中, 三号线, 第五工区).</summary>
    private const string NumberedBy = "号厂分期矿井区线队医中小院栋楼标场站所";

    private const string Numerals = "零〇一二两三四五六七八九十百";

    /// <summary>The name taken apart; <paramref name="cityKeys"/> are the finding's own city and place, taken off the front too.</summary>
    public static UnitKey Key(string? unit, IReadOnlyList<string> cityKeys)
    {
        var name = DuplicateText.Normalise(unit);
        foreach (var form in LegalForms)
        {
            name = name.Replace(form, "", StringComparison.Ordinal);
        }

        foreach (var (full, shortName) in Abbreviations)
        {
            name = name.Replace(full, shortName, StringComparison.Ordinal);
        }

        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var word in FinalWords)
            {
                if (name.Length > word.Length + 1 && name.EndsWith(word, StringComparison.Ordinal))
                {
                    name = name[..^word.Length];
                    stripped = true;
                }
            }
        }

        var (place, rest) = SplitPlace(name, cityKeys);
        var kind = Kinds.FirstOrDefault(k => rest.EndsWith(k, StringComparison.Ordinal) && (rest.Length > k.Length || place.Length > 0)) ?? "";
        var head = rest[..^kind.Length].Replace("省", "", StringComparison.Ordinal).Replace("市", "", StringComparison.Ordinal).Replace("县", "", StringComparison.Ordinal);
        return new UnitKey(place, head, kind);
    }

    /// <summary>The unit evidence and how alike the names are (0 to 1).</summary>
    public static (UnitMatch Match, double Similarity) Compare(UnitKey a, UnitKey b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return (UnitMatch.Unknown, 0);
        }

        if (!PlacesAgree(a.Place, b.Place))
        {
            return (UnitMatch.Different, 0);
        }

        var numbersA = Numbers(a.Head + a.Tail);
        var numbersB = Numbers(b.Head + b.Tail);
        if (numbersA.Count > 0 && numbersB.Count > 0 && !numbersA.Overlaps(numbersB))
        {
            return (UnitMatch.Different, 0);
        }

        var kinds = KindsAgree(a.Tail, b.Tail);
        if (a.Anonymised || b.Anonymised)
        {
            // "长沙某化工" and "某化工" may be one plant or two; a real name and an anonymised one are never known to be one.
            return a.Anonymised && b.Anonymised && kinds && Alike(Core(a.Head), Core(b.Head)) >= 0.85 ? (UnitMatch.Similar, 0.9) : (UnitMatch.Different, 0);
        }

        var headA = numbersA.Count > 0 && numbersA.SetEquals(numbersB) ? Core(a.Head) : a.Head;
        var headB = numbersA.Count > 0 && numbersA.SetEquals(numbersB) ? Core(b.Head) : b.Head;
        if (headA == headB)
        {
            if (headA.Length == 0)
            {
                // Only a kind (人民医院, 应急局): one unit only when both say where.
                return a.Tail == b.Tail && a.Place.Length > 0 && b.Place.Length > 0 ? (UnitMatch.Same, 1) : (UnitMatch.Similar, 0.6);
            }

            return a.Tail == b.Tail ? (UnitMatch.Same, 1) : kinds ? (UnitMatch.Similar, 0.9) : (UnitMatch.Similar, 0.7);
        }

        var similarity = Alike(headA, headB);
        return similarity >= SimilarFrom ? (UnitMatch.Similar, similarity) : (UnitMatch.Different, similarity);
    }

    /// <summary>Two places agree when either is not given, one holds the other, or they begin alike (长沙 and 长沙望城).</summary>
    internal static bool PlacesAgree(string a, string b) =>
        a.Length == 0 || b.Length == 0 || a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)
        || (a.Length >= 2 && b.Length >= 2 && a[0] == b[0] && a[1] == b[1]);

    /// <summary>The place words in front (长沙市, 株洲市荷塘区, 湖南省; or the finding's own city written without 市), and the rest.</summary>
    private static (string Place, string Remainder) SplitPlace(string name, IReadOnlyList<string> cityKeys)
    {
        var place = "";
        var rest = name;
        var found = true;
        while (found)
        {
            found = false;

            // A lone 省 or 市 in front (省住建厅) names no place: dropped.
            if (rest.Length > 3 && rest[0] is '省' or '市')
            {
                rest = rest[1..];
                found = true;
                continue;
            }

            for (var length = 2; length <= 4 && length < rest.Length - 2; length++)
            {
                if (PlaceEnds.Contains(rest[length], StringComparison.Ordinal) && rest[..length].All(IsHan)
                    && !(rest[length] == '区' && NotPlaceBefore区.Contains(rest[length - 1], StringComparison.Ordinal)))
                {
                    place += rest[..length];
                    rest = rest[(length + 1)..];
                    found = true;
                    break;
                }
            }

            if (found)
            {
                continue;
            }

            foreach (var city in cityKeys)
            {
                if (city.Length >= 2 && rest.Length > city.Length + 1 && rest.StartsWith(city, StringComparison.Ordinal))
                {
                    place += city;
                    rest = rest[city.Length..];
                    found = true;
                    break;
                }
            }
        }

        return (place, rest);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static bool KindsAgree(string a, string b) =>
        a == b || a.Length == 0 || b.Length == 0 || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal);

    /// <summary>The distinctive part without its numbers (第一 and 一 name the same hospital once their numbers agree).</summary>
    private static string Core(string head) =>
        string.Concat(head.Where(c => c != '第' && !Numerals.Contains(c, StringComparison.Ordinal) && !char.IsAsciiDigit(c)));

    /// <summary>1 when equal; 0.85 when one holds the other whole (湖南华强 and 华强); else the Dice coefficient of their bigrams.</summary>
    private static double Alike(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length >= 2 && longer.Contains(shorter, StringComparison.Ordinal))
        {
            return 0.85;
        }

        var bigramsA = DuplicateText.Bigrams(a);
        var bigramsB = DuplicateText.Bigrams(b);
        return 2.0 * Overlap(bigramsA, bigramsB) / (bigramsA.Length + bigramsB.Length);
    }

    /// <summary>The numbers of a name: digits, and Chinese numerals after 第 or before a word that numbers (一医院, 三号线).</summary>
    internal static HashSet<string> Numbers(string key)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < key.Length)
        {
            if (char.IsAsciiDigit(key[i]))
            {
                var start = i;
                while (i < key.Length && char.IsAsciiDigit(key[i]))
                {
                    i++;
                }

                numbers.Add(key[start..i].TrimStart('0') is { Length: > 0 } digits ? digits : "0");
                continue;
            }

            if (Numerals.Contains(key[i], StringComparison.Ordinal))
            {
                var start = i;
                while (i < key.Length && Numerals.Contains(key[i], StringComparison.Ordinal))
                {
                    i++;
                }

                var ordinal = start > 0 && key[start - 1] == '第';
                var numbering = i < key.Length && NumberedBy.Contains(key[i], StringComparison.Ordinal);
                if ((ordinal || numbering) && DuplicateText.ChineseValue(key[start..i]) is { } value)
                {
                    numbers.Add(value.ToString(CultureInfo.InvariantCulture));
                }

                continue;
            }

            i++;
        }

        return numbers;
    }

    /// <summary>Elements two sorted distinct arrays share.</summary>
    public static int Overlap(int[] a, int[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }
}
