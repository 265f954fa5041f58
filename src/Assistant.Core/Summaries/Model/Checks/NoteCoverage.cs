using System.Text.RegularExpressions;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// What a narrative part must cover: each of its notes, shown covered by what a summary of that note keeps and a
/// summary of the others would not have: a unit the note names, a number it states, or a phrase of four characters
/// of its own. A note's own is what neither the facts nor the other notes of the document have, and no phrase the
/// work's language uses everywhere (安全生产, 隐患排查…). A note that says nothing of its own (or only gives the
/// writer orders) is not required.
/// </summary>
public static partial class NoteCoverage
{
    /// <summary>How long a phrase of a note is, in characters, to show it was summarised.</summary>
    public const int PhraseLength = 4;

    /// <summary>How much of a note names it in a reason.</summary>
    private const int LabelLength = 16;

    /// <summary>Words of the work's language that any note may have: a phrase made of them shows nothing.</summary>
    private static readonly string[] Common =
    [
        "安全生产", "消防安全", "安全监管", "监管部门", "有关部门", "相关部门", "行业部门", "主管部门", "主体责任", "监管责任", "安全责任",
        "事故隐患", "重大事故", "隐患排查", "排查整治", "专项整治", "专项行动", "整改落实", "督促整改", "问题整改", "隐患整改",
        "考核巡查", "巡查组", "工作情况", "有关情况", "相关情况", "贯彻落实", "决策部署", "重要指示", "批示精神", "进一步", "不到位",
        "加强", "落实", "推进", "开展", "工作", "情况", "问题", "隐患", "企业", "单位", "部门", "责任", "管理", "检查", "整改",
    ];

    /// <summary>
    /// One item per note of <paramref name="notes"/> that has something of its own; <paramref name="others"/> are the
    /// document's other notes. A summary in another language than the notes' (an English brief of Chinese notes)
    /// keeps only their numbers: with <paramref name="translated"/>, a note is shown covered by a number of its own
    /// alone, and a note without one is not required.
    /// </summary>
    public static IReadOnlyList<RequiredItem> Of(IReadOnlyList<string> notes, IReadOnlyList<string> others, string facts, bool translated = false)
    {
        var items = new List<RequiredItem>();
        foreach (var note in notes)
        {
            var record = NoteInstructions.Knowledge([note]);
            var elsewhere = string.Join('\n', [facts, .. notes.Where(n => !ReferenceEquals(n, note)), .. others]);
            var elsewhereValues = NumberForms.Values(elsewhere);
            var anchors = new List<string>();
            anchors.AddRange(NumberForms.StatedValues(record).Where(v => !elsewhereValues.Contains(v)));
            if (!translated)
            {
                anchors.AddRange(NameShapes.Units(record).Where(u => !elsewhere.Contains(u, StringComparison.Ordinal)));
                anchors.AddRange(Phrases(record).Where(p => !elsewhere.Contains(p, StringComparison.Ordinal)));
            }

            if (anchors.Count > 0)
            {
                items.Add(new RequiredItem(Label(note), [.. anchors.Distinct(StringComparer.Ordinal)]));
            }
        }

        return items;
    }

    /// <summary>"省应急管理厅汇报称今年以来共排查……": the start of a note, to name it.</summary>
    public static string Label(string note)
    {
        var line = note.ReplaceLineEndings(" ").Trim();
        return line.Length <= LabelLength ? line : line[..LabelLength] + "……";
    }

    /// <summary>Every run of <see cref="PhraseLength"/> Chinese characters in the text that is not made of common words alone.</summary>
    private static IEnumerable<string> Phrases(string text)
    {
        foreach (Match run in HanRun().Matches(text))
        {
            for (var i = 0; i + PhraseLength <= run.Length; i++)
            {
                var phrase = run.Value.Substring(i, PhraseLength);
                if (!IsCommon(phrase))
                {
                    yield return phrase;
                }
            }
        }
    }

    /// <summary>
    /// Whether the phrase is made of common words: each character belongs to one, whole inside the phrase or cut by its
    /// edge ("全生产工" of 安全生产工作).
    /// </summary>
    private static bool IsCommon(string phrase)
    {
        var covered = new bool[phrase.Length];
        foreach (var word in Common)
        {
            for (var start = 1 - word.Length; start < phrase.Length; start++)
            {
                var from = Math.Max(0, start);
                var to = Math.Min(phrase.Length, start + word.Length);
                if (string.CompareOrdinal(phrase, from, word, from - start, to - from) == 0)
                {
                    Array.Fill(covered, true, from, to - from);
                }
            }
        }

        return Array.TrueForAll(covered, c => c);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex HanRun();
}
