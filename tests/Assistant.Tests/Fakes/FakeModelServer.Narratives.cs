using System.Text;
using Assistant.Core.Summaries.Model;

namespace Assistant.Tests.Fakes;

/// <summary>
/// Answers a narrative prompt (<c>prompts/Briefs/*Narrative</c>) as a dutiful model does: each heading the prompt
/// lists, in order, then the notes marked with that part's name, one a line, each cut to its first clause (a summary
/// is shorter than its notes, so a call's answer stays under its cap); a part without notes of its own (the
/// feedback's opening) gets one sentence of assessment that states no fact. For tests where the content does not
/// matter but the structure of a long day does (parts split across calls).
/// </summary>
public static class NarrativeReplies
{
    /// <summary>The sentence written for a part without notes.</summary>
    public const string Assessment = "考核巡查组认为，各项工作总体推进有力。";

    public static string Echo(ModelRequest request)
    {
        var system = request.Messages[0].Content.ReplaceLineEndings("\n");
        var user = (request.LastUserContent ?? "").ReplaceLineEndings("\n");
        var start = system.IndexOf('\n', system.IndexOf("each heading alone on its own line", StringComparison.Ordinal)) + 1;
        var headings = system[start..].Split('\n').TakeWhile(l => l.Length > 0).ToList();
        var notes = user[(user.IndexOf("<notes>", StringComparison.Ordinal) + "<notes>".Length)..user.IndexOf("</notes>", StringComparison.Ordinal)]
            .Split('\n').Where(l => l.StartsWith("- [", StringComparison.Ordinal)).ToList();
        var answer = new StringBuilder();
        foreach (var heading in headings)
        {
            var label = heading[(heading.IndexOfAny(['、', '.']) + 1)..].Trim();
            var own = notes.Where(n => n.StartsWith("- [" + label + "] ", StringComparison.Ordinal)).Select(n => FirstClause(n[(label.Length + 5)..])).ToList();
            answer.AppendLine(heading);
            (own.Count == 0 ? [Assessment] : own).ForEach(line => answer.AppendLine(line));
        }

        return answer.ToString();
    }

    /// <summary>The same answer for a call the test computed (<see cref="ModelNarratives.CallsAsync"/>), to queue it before the call is made.</summary>
    public static string Echo(NarrativeCall call)
    {
        var answer = new StringBuilder();
        foreach (var (heading, part) in call.Headings.Zip(call.Parts))
        {
            answer.AppendLine(heading);
            (part.Notes.Count == 0 ? [Assessment] : part.Notes.Select(n => FirstClause(n.Text)).ToList()).ForEach(line => answer.AppendLine(line));
        }

        return answer.ToString();
    }

    /// <summary>"第4条记录：乡镇安全监管人员对辖区企业底数不清，台账更新不及时。" → "第4条记录：乡镇安全监管人员对辖区企业底数不清。"</summary>
    private static string FirstClause(string note) =>
        note.IndexOf('，', StringComparison.Ordinal) is > 0 and var at ? note[..at] + "。" : note;
}
