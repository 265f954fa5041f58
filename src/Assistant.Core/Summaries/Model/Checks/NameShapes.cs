using System.Text.RegularExpressions;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Finds the names of units, places and people in Chinese official text by the shapes real names
/// have, not by their last character alone: a unit is named when an organisation's ending
/// (有限公司, 应急管理局, 加油站…) follows a place (长沙市…, 省…), an anonymised owner (长沙某…) or a
/// registered company's name; "督促相关单位加强仓库管理" names nothing. Places are a name and an
/// administrative ending (株洲市, 岳塘区), minus the everyday words with the same ending (超市,
/// 辖区, 罐区). People are a surname next to a title (李明组长, 副省长王某某) or an anonymised name
/// (刘某某).
/// </summary>
public static partial class NameShapes
{
    /// <summary>Organisation endings, longest first so that 有限公司 wins over 公司.</summary>
    private static readonly string[] UnitEndings = [.. new[]
    {
        "有限责任公司", "股份有限公司", "有限公司", "分公司", "集团公司", "公司", "集团", "工厂", "厂", "煤矿", "矿业", "矿", "加油站", "加气站",
        "液化气站", "充装站", "站", "局", "厅", "委员会", "人民政府", "政府", "办公室", "中心", "医院", "卫生院", "学校", "小学", "中学",
        "大学", "学院", "幼儿园", "酒店", "宾馆", "饭店", "商场", "超市", "市场", "大厦", "广场", "码头", "港", "仓库", "工地", "项目部",
        "园区", "总队", "支队", "大队", "中队", "派出所", "企业", "门店", "商户", "合作社", "养老院", "福利院",
    }.OrderByDescending(e => e.Length)];

    /// <summary>The endings by their first character, so a text is scanned once, not once per ending.</summary>
    private static readonly Dictionary<char, string[]> EndingsByFirst =
        UnitEndings.GroupBy(e => e[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Endings of registered company names: specific even without a place in front (华菱钢铁集团).</summary>
    private static readonly string[] CompanyEndings = ["有限责任公司", "股份有限公司", "有限公司", "集团公司", "集团"];

    /// <summary>A character after an ending that makes it another word (局部, 站长, 厂区, 港口).</summary>
    private const string NotAnEnding = "长区房内部面势口点位家外井山级务员";

    /// <summary>Words that end right before a name: verbs, prepositions and conjunctions of official text.</summary>
    private static readonly string[] BeforeName = [.. new[]
    {
        "督促", "要求", "责令", "检查", "抽查", "暗访", "走访", "发现", "听取", "调阅", "约谈", "通报", "移交", "转交", "交由", "交给", "会同",
        "组织", "指导", "推动", "加强", "落实", "对于", "关于", "位于", "属于", "前往", "深入", "来自", "其中", "包括", "涉及", "以及", "针对",
        "联合", "协调", "配合", "反映", "举报", "核查", "查处", "现有", "共有", "已有", "拥有", "对", "在", "向", "由", "与", "和", "及", "并", "将", "把", "被", "是", "为", "了",
        "的", "到", "至", "赴", "从", "给", "让", "使", "经", "据", "等", "或", "同", "即", "系", "且", "但", "其",
    }.OrderByDescending(w => w.Length)];

    /// <summary>Words that make a name generic ("该公司", "相关单位", "辖区企业"): not a claim about one unit.</summary>
    private static readonly string[] Generic =
    [
        "该", "本", "此", "各", "某些", "有关", "相关", "部分", "多家", "一些", "涉事", "上述", "所属", "属地", "辖区", "全省", "全市", "全县", "各地",
        "各级", "地方", "其他", "其它", "下属", "基层", "同类", "一家", "这些", "那些", "此类", "该类", "所在", "重点", "行业",
    ];

    /// <summary>Administrative endings of place names.</summary>
    private const string PlaceEndings = "省市县区州镇乡村";

    /// <summary>Everyday words that end like a place (two characters ending in the place ending).</summary>
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "全省", "本省", "该省", "各省", "外省", "节省", "反省", "分省", "省市",
        "全市", "本市", "该市", "各市", "城市", "超市", "门市", "夜市", "上市", "都市", "股市", "集市", "早市", "地市", "县市", "个市", "区市",
        "全县", "本县", "该县", "各县", "市县", "区县", "郡县", "个县",
        "全区", "本区", "该区", "各区", "辖区", "社区", "小区", "园区", "景区", "城区", "市区", "山区", "矿区", "库区", "厂区", "罐区", "街区", "片区",
        "灾区", "林区", "禁区", "盲区", "误区", "老区", "校区", "院区", "营区", "站区", "港区", "业区", "活区", "公区", "产区", "存区", "储区", "险区",
        "戒区", "务区", "能区", "发区", "护区", "验区", "范区", "宅区", "地区", "军区", "分区", "防区", "学区", "专区", "县区", "个区", "装区", "车区",
        "工区", "息区", "料区", "离区", "冲区", "散区", "置区", "泵区", "政区", "新区",
        "全州", "各州", "治州", "市州", "个州",
        "城镇", "乡镇", "村镇", "各镇", "全镇", "重镇", "个镇", "坐镇",
        "城乡", "家乡", "下乡", "各乡", "全乡", "个乡",
        "农村", "乡村", "各村", "全村", "本村", "该村", "进村", "村村", "山村", "渔村", "中村", "个村",
    };

    /// <summary>Three characters that end like a place and are none ("各地州市": the prefectures and cities of a region).</summary>
    private static readonly HashSet<string> NotPlacesOfThree = new(StringComparer.Ordinal) { "地州市" };

    /// <summary>Characters that are not part of a place's name: function words, and endings of other units (省委省政府).</summary>
    private const string NotInPlaceName = "是的在对和与及向由为了将并从到至赴全各本该等即或且其之于以被把给省市县区镇乡村委府";

    /// <summary>Numerals: not right before a place's ending ("三县", "两市"), though a name may start with one (四川省, 六安市).</summary>
    private const string Numerals = "一二三四五六七八九十两";

    /// <summary>What may follow a place ending when it is no place (市场, 区域, 省级, 村民).</summary>
    private static readonly string[] NotPlaceContinuations = ["市场", "市民", "市政", "区域", "区划", "县域", "省级", "市级", "县级", "区级", "镇级", "村级", "村民", "村委", "乡镇"];

    /// <summary>Common surnames, without those that mostly begin ordinary words of official text (安全, 文件, 严格, 万元, 易燃…).</summary>
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙胡朱郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖萧董潘袁蔡蒋余杜叶魏苏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦付傅邹孟熊秦邱侯尹薛闫雷黎陶贺毛郝顾龚邵覃钱戴莫孔汤施樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹";

    /// <summary>Titles a name stands next to.</summary>
    private const string Titles =
        "同志|先生|女士|副组长|组长|副局长|局长|副厅长|厅长|副处长|处长|科长|副主任|主任|副书记|书记|副省长|省长|副市长|市长|副县长|县长|副区长|区长|总经理|经理|董事长|队长|站长|矿长|厂长|院长|校长|副部长|部长|主席|秘书长";

    /// <summary>The unit names the text states, each as it is written (generic phrases left out when <paramref name="specificOnly"/>).</summary>
    public static IReadOnlyList<string> Units(string text, bool specificOnly = true)
    {
        var names = new List<string>();
        foreach (Match run in NameRun().Matches(text))
        {
            var value = run.Value;
            var from = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var ending = EndingsByFirst.TryGetValue(value[i], out var candidates)
                    ? candidates.FirstOrDefault(e => string.CompareOrdinal(value, i, e, 0, e.Length) == 0)
                    : null;
                if (ending is null)
                {
                    continue;
                }

                var end = i + ending.Length;
                if (end < value.Length && NotAnEnding.Contains(value[end], StringComparison.Ordinal) && ending.Length == 1)
                {
                    continue;
                }

                // A name starts after the previous one ("长沙某化工有限公司甲类仓库" names the company, not a warehouse).
                var name = Trimmed(value[from..end]);
                name = WithAnonymisedPlace(value[from..end], name);
                if (name.Length > ending.Length && !IsGeneric(name) && (!specificOnly || IsSpecific(name, ending)))
                {
                    names.Add(name);
                }

                from = end;
                i = end - 1;
            }
        }

        return names;
    }

    /// <summary>The place names the text states (株洲市, 岳塘区, 湖南省), two characters before the ending.</summary>
    public static IReadOnlyList<string> Places(string text)
    {
        var places = new List<string>();
        foreach (Match run in NameRun().Matches(text))
        {
            var value = run.Value;
            for (var i = 2; i < value.Length; i++)
            {
                if (!PlaceEndings.Contains(value[i], StringComparison.Ordinal)
                    || NotPlaces.Contains(value.Substring(i - 1, 2)) || NotPlacesOfThree.Contains(value.Substring(i - 2, 3))
                    || NotPlaceContinuations.Any(c => string.CompareOrdinal(value, i, c, 0, c.Length) == 0)
                    || !IsHan(value[i - 1]) || !IsHan(value[i - 2])
                    || NotInPlaceName.Contains(value[i - 1], StringComparison.Ordinal) || Numerals.Contains(value[i - 1], StringComparison.Ordinal)
                    || NotInPlaceName.Contains(value[i - 2], StringComparison.Ordinal))
                {
                    continue;
                }

                places.Add(value.Substring(i - 2, 3));
            }
        }

        return places;
    }

    /// <summary>People's names the text states: next to a title, or anonymised (刘某某).</summary>
    public static IReadOnlyList<string> Persons(string text)
    {
        var persons = new List<string>();
        persons.AddRange(NameBeforeTitle().Matches(text).Select(m => m.Groups["name"].Value));
        persons.AddRange(NameAfterTitle().Matches(text).Select(m => m.Groups["name"].Value));
        persons.AddRange(AnonymisedName().Matches(text).Select(m => m.Value));
        return [.. persons.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a name after a tip's label identifies the tipster ("举报人王某某", "来电人：李明").</summary>
    public static bool NamesTipster(string text) => Tipster().IsMatch(text);

    /// <summary>
    /// Whether a unit named in an answer is one the input knows: written as the input writes it,
    /// the end of a known name ("岳塘区应急管理局" of "湘潭市岳塘区应急管理局"), a known name with a
    /// known place in front, or a known name shortened ("省应急厅" for "省应急管理厅": same start,
    /// same ending, characters only left out). A different place or owner before the same kind of
    /// unit ("湘潭某化工有限公司" against "长沙某化工有限公司") is not known.
    /// </summary>
    public static bool IsKnownUnit(string name, IReadOnlyCollection<string> known, string input)
    {
        if (input.Contains(name, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var k in known)
        {
            if (k.EndsWith(name, StringComparison.Ordinal))
            {
                return true;
            }

            if (name.EndsWith(k, StringComparison.Ordinal) && input.Contains(name[..^k.Length], StringComparison.Ordinal))
            {
                return true;
            }

            if (IsShortened(name, k) || IsPlacedMore(name, k, input))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"长沙市芙蓉区某商场" for "长沙某商场": the same anonymised unit, its place written out from places the input names.</summary>
    private static bool IsPlacedMore(string name, string known, string input)
    {
        var at = name.IndexOf('某', StringComparison.Ordinal);
        var knownAt = known.IndexOf('某', StringComparison.Ordinal);
        return at > 0 && knownAt >= 0
            && name.AsSpan(at).SequenceEqual(known.AsSpan(knownAt))
            && name[..at].Contains(known[..knownAt], StringComparison.Ordinal)
            && Places(name[..at] + "某").All(p => input.Contains(p, StringComparison.Ordinal));
    }

    private static bool IsShortened(string name, string full)
    {
        if (name.Length >= full.Length || name[0] != full[0] || name[^1] != full[^1])
        {
            return false;
        }

        var at = 0;
        foreach (var c in name)
        {
            at = full.IndexOf(c, at);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    /// <summary>
    /// An anonymised unit ("大同某煤业有限公司") with the whole place before its 某, where cutting at a word before the
    /// name took part of the place ("同" of 大同 read as "with"): two characters, or places with their endings
    /// (长沙市芙蓉区某商场).
    /// </summary>
    private static string WithAnonymisedPlace(string candidate, string trimmed)
    {
        var at = candidate.LastIndexOf('某');
        if (at < 2 || !trimmed.Contains('某', StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = at;
        while (start >= 3 && PlaceEndings.Contains(candidate[start - 1], StringComparison.Ordinal) && IsHan(candidate[start - 2]) && IsHan(candidate[start - 3]))
        {
            start -= 3;
        }

        if (start == at)
        {
            start = at - 2;
        }

        var name = OrdinalMarker().Replace(candidate[start..], "");
        return name.Length > trimmed.Length ? name : trimmed;
    }

    /// <summary>The name without the words before it (督促, 检查…) and without a list marker (一是, 二是).</summary>
    private static string Trimmed(string candidate)
    {
        candidate = OrdinalMarker().Replace(candidate, "");
        var cut = 0;
        foreach (var word in BeforeName)
        {
            // The last such word before the ending, leaving at least one character of name before it.
            var at = candidate.LastIndexOf(word, StringComparison.Ordinal);
            while (at >= 0 && at + word.Length > candidate.Length - 2)
            {
                at = at == 0 ? -1 : candidate.LastIndexOf(word, at - 1, StringComparison.Ordinal);
            }

            if (at >= 0)
            {
                cut = Math.Max(cut, at + word.Length);
            }
        }

        return candidate[cut..];
    }

    private static bool IsGeneric(string name) => Generic.Any(g => name.Contains(g, StringComparison.Ordinal));

    private static bool IsSpecific(string name, string ending)
    {
        var core = name[..^ending.Length];
        if (core.Contains('某', StringComparison.Ordinal))
        {
            return true;
        }

        if (CompanyEndings.Contains(ending) && core.Length >= 2)
        {
            return true;
        }

        // 省应急管理厅, 市应急管理局: the province's or the city's own.
        if (core[0] is '省' or '市' or '县' or '区' && !NotPlaceContinuations.Any(c => name.StartsWith(c, StringComparison.Ordinal)))
        {
            return true;
        }

        return Places(name).Count > 0 && core.Length >= 3;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9·]+")]
    private static partial Regex NameRun();

    /// <summary>A list marker before a name ("二是"); a numeral alone is the start of a place (四川, 六安, 十堰).</summary>
    [GeneratedRegex(@"^[一二三四五六七八九十百零]+是")]
    private static partial Regex OrdinalMarker();

    [GeneratedRegex("(?<name>[" + Surnames + "](?:某某?|[\\p{IsCJKUnifiedIdeographs}]{1,2}?))(?:" + Titles + ")")]
    private static partial Regex NameBeforeTitle();

    [GeneratedRegex("(?:" + Titles + ")(?<name>[" + Surnames + "](?:某某?|[\\p{IsCJKUnifiedIdeographs}]))")]
    private static partial Regex NameAfterTitle();

    [GeneratedRegex("[" + Surnames + "]某某?")]
    private static partial Regex AnonymisedName();

    [GeneratedRegex("(?:举报人|举报者|来电人|来信人|来访人|反映人)[是为:：\\s]*[" + Surnames + "](?:某某?|[\\p{IsCJKUnifiedIdeographs}]{1,2})")]
    private static partial Regex Tipster();
}
