namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// Turns a finding's free text into what the duplicate detector compares: a normalised form (full-width folded to
/// half-width, lower case, no spaces or punctuation), the field's usual synonyms written one way, numbers with their
/// measure taken out as tokens (<see cref="NumberToken"/>, "约8米" → 8|米, "三处" → 3|处) and left in the text as
/// <c>#</c>, so "间距约8米" and "间距10米" read alike and their numbers are compared apart.
/// </summary>
internal static class DuplicateText
{
    /// <summary>Two words one inspector writes one way and another the other; each group is written as its first.</summary>
    private static readonly string[][] SynonymGroups =
    [
        ["堵塞", "堵占", "占堵", "阻塞", "堆堵", "被堵", "占用", "堵住", "挡住", "遮挡", "堆放", "堆满", "堆积", "阻挡"],
        ["疏散通道", "安全通道", "逃生通道", "消防通道", "消防车通道"],
        ["安全出口", "疏散出口", "逃生出口", "疏散门", "安全门"],
        ["锁闭", "上锁", "加锁", "锁死", "封堵", "封闭"],
        ["过期", "超期", "超过有效期", "过了有效期", "已过有效期", "到期未检", "过期未检", "未年检", "超过检验期限"],
        ["未", "没有", "未按规定", "未按要求", "没", "无"],
        ["损坏", "破损", "故障", "失灵", "失效", "不能正常使用", "无法正常使用", "无法使用", "不能使用", "不亮", "损毁"],
        ["不足", "不够", "不满足", "达不到", "小于", "低于", "不符合要求"],
        ["配置", "配备", "设置", "安装", "装设"],
        ["应急照明", "应急灯"],
        ["疏散指示", "疏散指示标志", "安全出口标志", "指示标志"],
        ["消火栓", "消防栓"],
        ["喷淋", "自动喷水灭火系统", "喷淋系统", "喷头"],
        ["可燃气体报警", "可燃气体报警器", "可燃气体报警装置", "燃气报警器", "可燃气体探测器", "气体报警仪"],
        ["动火票", "动火作业票", "动火证", "动火许可证", "动火审批"],
        ["特种作业人员", "特种作业操作人员", "特种作业"],
        ["持证", "持证上岗", "持证作业", "取得操作证", "操作证"],
        ["培训", "安全培训", "教育培训", "安全教育培训", "安全教育"],
        ["防火间距", "安全间距", "安全距离", "间距"],
        ["电动车", "电动自行车", "电瓶车"],
        ["充电", "违规充电", "飞线充电"],
        ["私拉乱接", "私搭乱接", "乱拉乱接", "私拉电线", "乱拉电线", "私接电线"],
        ["隐患排查", "隐患排查治理"],
        ["应急预案", "预案"],
        ["演练", "应急演练"],
        ["防雷", "避雷"],
        ["静电接地", "防静电接地", "防静电"],
        ["液化气", "液化石油气", "lpg"],
        ["气瓶", "钢瓶"],
        ["临边防护", "临边洞口防护", "洞口防护", "防护栏杆", "护栏"],
        ["储罐", "贮罐"],
        ["仓库", "库房", "仓房"],
        ["消防控制室", "消控室", "消防监控室"],
        ["值班人员", "值守人员", "值班员"],
        ["脱岗", "离岗", "不在岗", "空岗"],
        ["主要负责人", "企业主要负责人"],
        ["安全管理人员", "安全员", "专职安全员"],
        ["台账", "记录", "档案"],
        ["检测", "检验", "检定"],
        ["防火门", "常闭式防火门"],
        ["闭门器", "闭门装置"],
        ["易燃可燃", "可燃", "易燃"],
        ["杂物", "货物", "物品", "纸箱"],
        ["宿舍", "住人", "员工宿舍"],
        ["车间", "厂房", "生产车间"],
        ["瓦斯", "甲烷"],
        ["卫星定位", "gps", "北斗定位", "北斗", "定位装置"],
        ["控制室", "中控室", "dcs控制室", "中央控制室", "dcs"],
        ["报警器", "报警仪", "报警装置", "探测器"],
        ["监护", "监护人", "监护人员"],
        ["烟道", "排油烟管道", "油烟管道", "排烟管道", "排油烟道"],
        ["油污", "油垢", "油渍"],
        ["危险货物", "危货", "危险品"],
        ["押运员", "押运人员"],
        ["塔吊", "塔式起重机"],
        ["喷漆", "喷涂"],
        ["不防爆", "非防爆"],
        ["离线", "掉线", "不在线", "中断", "断线"],
        ["泄爆", "泄爆装置", "泄爆片", "泄爆口"],
        ["除尘", "除尘器", "除尘系统", "除尘设备"],
        ["维护", "维护保养", "保养", "维保"],
        ["专职人员", "专职工作人员", "专人"],
    ];

    /// <summary>Words that say nothing about the hazard (how it was found, how much of it): left out before comparing.</summary>
    private static readonly string[] Fillers = ["暗访发现", "检查发现", "现场发现", "查阅发现", "发现", "存在", "部分", "个别", "有的", "情况", "问题", "现场"];

    /// <summary>One measure written several ways (8m and 8米).</summary>
    private static readonly Dictionary<string, string> MeasureAliases = new(StringComparer.Ordinal)
    {
        ["m"] = "米", ["km"] = "公里", ["千米"] = "公里", ["kg"] = "公斤", ["千克"] = "公斤", ["t"] = "吨", ["l"] = "升",
        ["cm"] = "厘米", ["mm"] = "毫米", ["v"] = "伏", ["kw"] = "千瓦", ["日"] = "天", ["具"] = "个", ["只"] = "个",
    };

    /// <summary>Measures after which a number names a place (3号库, 2栋, 五层): differing ones mean different places.</summary>
    private static readonly string[] PlaceMeasures =
        ["米中段", "m中段", "号楼", "号库", "号罐", "号线", "号井", "号机", "号门", "号", "栋", "幢", "层", "楼", "车间", "期", "单元", "室", "区", "标段", "工区", "中段"];

    /// <summary>Measures after which a number is a quantity (8米, 3处, 2具).</summary>
    private static readonly string[] QuantityMeasures =
    [
        "平方米", "立方米", "公里", "千米", "厘米", "毫米", "公斤", "千克", "万元", "小时", "分钟", "千瓦",
        "米", "m", "cm", "mm", "km", "kg", "t", "l", "v", "kv", "kw", "mpa", "kpa", "%", "℃",
        "处", "个", "具", "台", "辆", "座", "家", "人", "名", "吨", "升", "天", "日", "月", "年", "度", "根", "块", "只", "套",
        "间", "条", "组", "瓶", "桶", "罐", "次", "项", "份", "元", "伏", "部", "扇", "道", "盏", "支", "倍", "级", "批", "张",
        "本", "户", "口", "眼", "台次", "人次",
    ];

    private static readonly Dictionary<char, (string Phrase, string Canonical)[]> Synonyms = BuildSynonyms();

    private static readonly (string Measure, bool Place)[] Measures =
        [.. PlaceMeasures.Select(m => (m, true)).Concat(QuantityMeasures.Select(m => (m, false))).OrderByDescending(m => m.Item1.Length)];

    private const string ChineseDigits = "零〇一二两三四五六七八九十百千万";

    /// <summary>NFKC (full-width to half-width), lower case, only letters and digits kept (and the decimal point and % of numbers).</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c) || c == '℃')
            {
                sb.Append(c);
            }
            else if ((c == '.' && i > 0 && char.IsAsciiDigit(folded[i - 1]) && i + 1 < folded.Length && char.IsAsciiDigit(folded[i + 1])) || c == '%')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The text as compared: normalised, synonyms written one way, numbers as <c>#</c>; and the numbers apart.</summary>
    public static (string Text, IReadOnlyList<NumberToken> Numbers) Prepare(string? text)
    {
        var canonical = Canonical(Normalise(text));
        return ExtractNumbers(canonical);
    }

    /// <summary>
    /// The terms of a description, as integers, distinct and sorted: its characters and its character bigrams. The
    /// characters let two wordings of one hazard meet (栈道 限流 in "玻璃栈道未实行限流" and "栈道未采取限流措施"), the bigrams
    /// keep word order; the weights (inverse document frequency) keep the common ones from counting.
    /// </summary>
    public static int[] Terms(string text)
    {
        var set = new HashSet<int>(Bigrams(text));
        foreach (var c in text)
        {
            if (c != '#')
            {
                // A character alone: its code with a second half no bigram has.
                set.Add((c << 16) | 0xFFFF);
            }
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Character bigrams as integers (two UTF-16 units), distinct, sorted.</summary>
    public static int[] Bigrams(string text)
    {
        if (text.Length < 2)
        {
            return text.Length == 1 ? [text[0]] : [];
        }

        var set = new HashSet<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            set.Add((text[i] << 16) | text[i + 1]);
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    private static string Canonical(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (Synonyms.TryGetValue(text[i], out var phrases))
            {
                var matched = false;
                foreach (var (phrase, canonical) in phrases)
                {
                    if (string.CompareOrdinal(text, i, phrase, 0, phrase.Length) == 0)
                    {
                        sb.Append(canonical);
                        i += phrase.Length;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    private static (string Text, IReadOnlyList<NumberToken> Numbers) ExtractNumbers(string text)
    {
        var numbers = new List<NumberToken>();
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var (measure, place) = MeasureAt(text, i);
                numbers.Add(new NumberToken(Value(text[start..i]), measure, place));
                sb.Append('#');
                continue;
            }

            if (ChineseDigits.Contains(c, StringComparison.Ordinal))
            {
                var end = i;
                while (end < text.Length && ChineseDigits.Contains(text[end], StringComparison.Ordinal) && end - i < 6)
                {
                    end++;
                }

                var (measure, place) = MeasureAt(text, end);
                if (measure.Length > 0 && ChineseValue(text[i..end]) is { } value)
                {
                    numbers.Add(new NumberToken(value.ToString(CultureInfo.InvariantCulture), measure, place));
                    sb.Append('#');
                    i = end;
                    continue;
                }
            }

            sb.Append(c);
            i++;
        }

        return (sb.ToString(), numbers);
    }

    /// <summary>
    /// The measure after a number, as compared: a place measure beginning with 号 is 号 (3号罐 and 3号 name one tank),
    /// 米中段 is 中段 (−150米中段 is a level of a mine, not a length), a quantity its usual form (8m is 8米).
    /// </summary>
    private static (string Measure, bool Place) MeasureAt(string text, int index)
    {
        foreach (var (measure, place) in Measures)
        {
            if (string.CompareOrdinal(text, index, measure, 0, measure.Length) == 0)
            {
                var compared = place && measure[0] == '号' ? "号"
                    : place && measure.EndsWith("中段", StringComparison.Ordinal) ? "中段"
                    : MeasureAliases.GetValueOrDefault(measure, measure);
                return (compared, place);
            }
        }

        return ("", false);
    }

    private static string Value(string digits) =>
        decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.####", CultureInfo.InvariantCulture)
            : digits;

    /// <summary>一 → 1, 十二 → 12, 两百 → 200, 三千五百 → 3500; null for what is no number (a lone 万).</summary>
    internal static long? ChineseValue(string text)
    {
        long total = 0;
        long section = 0;
        long digit = -1;
        foreach (var c in text)
        {
            var d = "零〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两')
            {
                d = 2;
            }
            else if (d >= 2)
            {
                d -= 1;
            }
            else if (d == 1)
            {
                d = 0;
            }

            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            if (unit == 10000)
            {
                section += Math.Max(digit, 0);
                if (section == 0)
                {
                    return null;
                }

                total += section * 10000;
                section = 0;
            }
            else
            {
                section += (digit < 0 ? 1 : digit) * unit;
            }

            digit = -1;
        }

        return total + section + Math.Max(digit, 0);
    }

    private static Dictionary<char, (string Phrase, string Canonical)[]> BuildSynonyms()
    {
        var pairs = Fillers.Select(f => (Phrase: f, Canonical: "")).ToList();
        foreach (var group in SynonymGroups)
        {
            foreach (var phrase in group)
            {
                pairs.Add((Normalise(phrase), Normalise(group[0])));
            }
        }

        return pairs.GroupBy(p => p.Phrase[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Phrase.Length).ToArray());
    }
}

/// <summary>A number in a finding with its measure: 8|米 (a quantity) or 3|号库 (a place).</summary>
internal readonly record struct NumberToken(string Value, string Measure, bool Place);
