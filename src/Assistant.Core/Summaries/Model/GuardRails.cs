using System.Text.RegularExpressions;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Checks a model's text against what it was given, before anyone sees it: every finding number
/// appears; no number and no unit name appears that is not in the input; the section headings come
/// in order. Any failure means the offline text is sent instead, with the first reason.
/// </summary>
public static partial class GuardRails
{
    /// <summary>Endings of the names of organisations and places a brief names (公司, 局, 医院…).</summary>
    private static readonly string[] UnitSuffixes =
    [
        "有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "工厂", "厂", "煤矿", "矿", "加油站", "加气站", "站", "局", "厅", "委员会",
        "人民政府", "政府", "办公室", "中心", "医院", "学校", "大学", "酒店", "宾馆", "饭店", "商场", "超市", "市场", "大厦", "广场",
        "码头", "港", "仓库", "工地", "项目部", "园区", "总队", "支队", "大队", "派出所", "消防救援站",
    ];

    /// <summary>Words that make a name generic ("该公司", "相关企业"), not a claim about a particular unit.</summary>
    private static readonly string[] GenericPrefixes = ["该", "本", "此", "各", "某些", "有关", "相关", "部分", "多家", "一些", "涉事", "上述", "所属", "属地"];

    /// <summary>The reasons the text fails (empty when it passes).</summary>
    public static IReadOnlyList<string> Check(string output, string input, IReadOnlyCollection<string> codes, IReadOnlyList<string> headings)
    {
        var problems = new List<string>();
        var missing = codes.Where(c => !output.Contains(c, StringComparison.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            problems.Add("missing finding numbers: " + string.Join(", ", missing.Take(10)));
        }

        if (HeadingProblem(output, headings) is { } headingProblem)
        {
            problems.Add(headingProblem);
        }

        var inputNumbers = Numbers(StripListMarkers(input)).ToHashSet(StringComparer.Ordinal);
        foreach (var heading in headings)
        {
            inputNumbers.UnionWith(Numbers(heading));
        }

        var foreignNumbers = Numbers(StripListMarkers(WithoutHeadings(output, headings))).Where(n => !inputNumbers.Contains(n)).Distinct().ToList();
        if (foreignNumbers.Count > 0)
        {
            problems.Add("numbers not in the input: " + string.Join(", ", foreignNumbers.Take(10)));
        }

        var known = UnitNames(input).ToHashSet(StringComparer.Ordinal);
        var foreignUnits = UnitNames(output).Where(u => !KnownUnit(u, known, input)).Distinct().ToList();
        if (foreignUnits.Count > 0)
        {
            problems.Add("units not in the input: " + string.Join(", ", foreignUnits.Take(5)));
        }

        return problems;
    }

    /// <summary>Null when every heading appears once, alone on its line, in order.</summary>
    public static string? HeadingProblem(string output, IReadOnlyList<string> headings)
    {
        var lines = output.Split('\n').Select(CleanHeading).ToList();
        var last = -1;
        foreach (var heading in headings)
        {
            var at = lines.FindIndex(l => l == heading);
            if (at < 0)
            {
                return "missing heading: " + heading;
            }

            if (at < last)
            {
                return "heading out of order: " + heading;
            }

            if (lines.FindLastIndex(l => l == heading) != at)
            {
                return "heading repeated: " + heading;
            }

            last = at;
        }

        return null;
    }

    /// <summary>A line as a heading: without Markdown marks (#, *, _) and surrounding spaces.</summary>
    public static string CleanHeading(string line) => line.Trim().TrimStart('#').Trim().Trim('*', '_').Trim();

    private static string WithoutHeadings(string output, IReadOnlyList<string> headings) =>
        string.Join('\n', output.Split('\n').Where(l => !headings.Contains(CleanHeading(l))));

    private static IEnumerable<string> Numbers(string text) =>
        NumberPattern().Matches(text).Select(m => m.Value.TrimStart('0') is { Length: > 0 } n ? n : "0");

    /// <summary>Drops "1. ", "(2) ", "3、" at the start of lines: list numbering is layout, not a fact.</summary>
    private static string StripListMarkers(string text) => ListMarker().Replace(text, "");

    private static IEnumerable<string> UnitNames(string text)
    {
        foreach (Match m in CjkRun().Matches(text))
        {
            // "一是长沙某商场" names 长沙某商场: the list marker is not part of the name.
            var run = OrdinalMarker().Replace(m.Value, "");
            foreach (var suffix in UnitSuffixes)
            {
                var at = run.IndexOf(suffix, StringComparison.Ordinal);
                while (at > 0)
                {
                    yield return run[..(at + suffix.Length)];
                    at = run.IndexOf(suffix, at + suffix.Length, StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>
    /// A name passes when it is generic ("该公司", "督促相关企业"), appears in the input as it is, or
    /// ends like a name in the input: the output may drop or add words in front of a name
    /// ("检查长沙某化工有限公司", "省应急管理厅" for "听取省应急管理厅"), but a different place or
    /// owner in front of the same kind of unit ("湘潭某化工有限公司" against "长沙某化工有限公司",
    /// "株洲市应急管理局" against "湘潭市岳塘区应急管理局") fails: one must end with the whole other.
    /// </summary>
    private static bool KnownUnit(string name, IReadOnlyCollection<string> known, string input)
    {
        foreach (var prefix in GenericPrefixes)
        {
            var at = name.IndexOf(prefix, StringComparison.Ordinal);
            if (at >= 0 && name.Length - at - prefix.Length <= 4)
            {
                return true;
            }
        }

        if (input.Contains(name, StringComparison.Ordinal))
        {
            return true;
        }

        return known.Any(k => name.EndsWith(k, StringComparison.Ordinal) || k.EndsWith(name, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?m)^\s*(?:[-•]\s*)?(?:\(?\d{1,3}[.、)）]|（\d{1,3}）)\s*")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9·]+")]
    private static partial Regex CjkRun();

    [GeneratedRegex(@"^[一二三四五六七八九十百零]+是")]
    private static partial Regex OrdinalMarker();
}
