using Assistant.Core.Conversations;
using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>
/// The responsible units offered as buttons wherever one is asked (a finding's details, the ledger's assignment), so
/// that a long name is tapped rather than typed: the unit inspected first (a department's problem is most often its
/// own to fix), then the responsible units named last on the team's findings that the reader may see, so that a covert
/// finding's never shows to someone who may not see it.
/// </summary>
public static class ResponsibleUnits
{
    public const int Offered = 5;

    /// <summary>The button data prefix; a button carries only its index into the list the draft keeps.</summary>
    public const string Prefix = "ru:";

    public static List<string> Offer(FindingStore findings, Member? reader, string? inspected)
    {
        var recent = reader is null ? [] : findings.OfTeam(reader.TeamId)
            .Where(f => !string.IsNullOrWhiteSpace(f.ResponsibleUnit) && FindingVisibility.CanSee(reader, f))
            .OrderByDescending(f => f.UpdatedUtc)
            .Select(f => f.ResponsibleUnit!);
        return [.. recent.Prepend(inspected).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct(StringComparer.Ordinal).Take(Offered)];
    }

    /// <summary>One button a row (names are long), each the index of its unit in <paramref name="offered"/>.</summary>
    public static IEnumerable<Choice[]> Buttons(IReadOnlyList<string> offered) =>
        offered.Select((unit, i) => new[] { new Choice(TextPreview.Shorten(unit, LabelLength), Answers.Offer(Prefix, i)) });

    /// <summary>What a button shows of a long name (it stands for the whole).</summary>
    private const int LabelLength = 40;

    /// <summary>The unit of an offered button applied, or any other input read as <paramref name="otherwise"/> reads it.</summary>
    public static StepResult Read(FlowTurn turn, IReadOnlyList<string> offered, Action<string> apply, Func<StepResult> otherwise)
    {
        if (!Answers.TryOffered(turn.Input.Choice, Prefix, offered.Count, out var index))
        {
            return otherwise();
        }

        apply(offered[index]);
        return StepResult.Answered;
    }
}
