using Assistant.Core.Conversations;

namespace Assistant.Core.Findings;

/// <summary>
/// The choices of the finding flow's questions. The member's own value of their last finding today comes first
/// (the same order when the answer is read, so a typed number means what the buttons showed).
/// </summary>
internal static class FindingChoices
{
    private const int MaxOffers = 8;

    public static List<Choice> Aspects(Texts t, FindingDefaults? mine) =>
        First([.. Enum.GetValues<Aspect>().Select(a => new Choice(t[a.ShortKey()], ((int)a).ToString(CultureInfo.InvariantCulture)))],
            mine is null ? null : ((int)mine.Aspect).ToString(CultureInfo.InvariantCulture));

    public static List<Choice> Sectors(Texts t, FindingDefaults? mine) =>
        First([.. Enum.GetValues<Sector>().Select(s => new Choice(t[s.Key()], s.ToString()))], mine?.Sector.ToString());

    public static List<Choice> Methods(Texts t, FindingDefaults? mine) =>
        First([.. Enum.GetValues<Method>().Select(m => new Choice(t[m.Key()], m.ToString()))], mine?.Method.ToString());

    public static List<Choice> Openness(Texts t) =>
        [new(t["openness.open"], "open"), new(t["openness.covert"], "covert")];

    public static List<Choice> Severities(Texts t) =>
        [.. Enum.GetValues<Severity>().Select(s => new Choice(t[s.Key()], s.ToString()))];

    /// <summary>
    /// The question with values as buttons (a button carries only the index): the member's own last one first, then the
    /// team's recently used ones.
    /// </summary>
    public static Question WithOffers(string question, FindingDraft d, string? mine, IReadOnlyList<string> used)
    {
        d.Offered.Clear();
        if (!string.IsNullOrWhiteSpace(mine))
        {
            d.Offered.Add(mine);
        }

        d.Offered.AddRange(used.Where(u => u != mine).Take(MaxOffers - d.Offered.Count));
        return new(question, d.Offered.Select((o, i) => new Choice(TextPreview.Shorten(o, 30), Answers.Offer("o:", i))).Chunk(2));
    }

    public static StepResult OfferedOrText(FlowTurn turn, FindingDraft d, int max, Action<string> apply)
    {
        if (Answers.TryOffered(turn.Input.Choice, "o:", d.Offered.Count, out var index))
        {
            apply(d.Offered[index]);
            return StepResult.Answered;
        }

        return Answers.Text(turn, max, apply);
    }

    /// <summary>An answer to a field filled as a suggestion makes it the member's own.</summary>
    public static StepResult Confirm(FindingDraft d, string field, StepResult result)
    {
        if (result.Trigger == FlowTrigger.Answered)
        {
            d.Suggested.Remove(field);
        }

        return result;
    }

    /// <summary>The first question: the aspect, the member's last one first, and "same as last time" above when they recorded one today.</summary>
    public static Question AskAspect(FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        var rows = Aspects(t, d.Defaults).Select(c => new[] { c }).ToList();
        if (SameAsLastOffered(d) is { } last)
        {
            rows.Insert(0, [new Choice(t["finding.same_as_last"], SameAsLast)]);
            return new(t.Format("finding.ask.aspect_same", new Messaging.SafeHtml(last.Summary(t))), rows);
        }

        return new(t["finding.ask.aspect"], rows);
    }

    public static StepResult ReadAspect(FlowTurn turn, FindingDraft d)
    {
        if (turn.Input.Choice == SameAsLast && SameAsLastOffered(d) is { } last)
        {
            last.CopyTo(d);
            return StepResult.Answered;
        }

        return Confirm(d, FieldKeys.Aspect, Answers.Pick(turn, Aspects(turn.Context.T, d.Defaults),
            v => d.Aspect = (Aspect)int.Parse(v, CultureInfo.InvariantCulture),
            typed => ClassificationNames.AspectOf(typed) is { } aspect ? [((int)aspect).ToString(CultureInfo.InvariantCulture)] : []));
    }

    /// <summary>"Same as last time" goes with a new finding's first question, not with an edit from the card.</summary>
    private static FindingDefaults? SameAsLastOffered(FindingDraft d) =>
        d.EditingFindingId is null && !d.ReturnToReview ? d.Defaults : null;

    private const string SameAsLast = "same";

    private static List<Choice> First(List<Choice> choices, string? value)
    {
        var index = value is null ? -1 : choices.FindIndex(c => c.Value == value);
        if (index > 0)
        {
            var mine = choices[index];
            choices.RemoveAt(index);
            choices.Insert(0, mine);
        }

        return choices;
    }
}
