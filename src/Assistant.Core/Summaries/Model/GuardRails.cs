namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Checks a model's answer against what it was given, before anyone sees it, and reports every
/// check that fails (not only the first): the sections come once each, in order; every required
/// item is covered (each note of a narrative part); no number, date, time, unit, place or person appears that the facts and
/// the notes do not state (equivalent forms of a number are the same number, a unit may be written
/// as the input writes it, shortened or with a known place in front); no covert unit's real name,
/// no tipster's identity; nothing that a note asked the writer to write. The same checks serve a
/// whole document (with <see cref="GuardRailInput.Headings"/>) or a few sentences (without).
/// </summary>
public static class GuardRails
{
    public static GuardRailVerdict Check(string output, GuardRailInput input)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return new GuardRailVerdict([new GuardRailFailure(GuardRailCheck.Empty, [])]);
        }

        var failures = new List<GuardRailFailure>();
        void Add(GuardRailCheck check, IEnumerable<string> items)
        {
            var list = items.Distinct(StringComparer.Ordinal).ToList();
            if (list.Count > 0)
            {
                failures.Add(new GuardRailFailure(check, list));
            }
        }

        void Flag(GuardRailCheck check, bool failed)
        {
            if (failed)
            {
                failures.Add(new GuardRailFailure(check, []));
            }
        }

        var lines = output.ReplaceLineEndings("\n").Split('\n');
        if (input.Headings.Count > 0)
        {
            var (missing, repeated, misplaced) = Sections(lines, input.Headings);
            Add(GuardRailCheck.MissingSection, missing);
            Add(GuardRailCheck.RepeatedSection, repeated);
            Add(GuardRailCheck.SectionOrder, misplaced);
        }

        // What the answer may state: the facts, the notes' record (not their orders), the headings, the units of the records.
        var instructions = NoteInstructions.Find(input.Notes);
        var known = string.Join('\n', [input.Facts, NoteInstructions.Knowledge(input.Notes), .. input.Headings, .. input.Units]);
        var body = string.Join('\n', lines.Select(l => SectionHeadings.Find(l, input.Headings) is { } heading ? heading.Rest : l));

        // Phone and ID numbers are the identity check's; as numbers they would be repeated in the reason.
        var knownNumbers = NumberForms.Values(known);
        var stated = NumberForms.StatedValues(IdentityScrubber.Scrub(body));
        var named = NameShapes.Units(body, specificOnly: false);
        Add(GuardRailCheck.Missing, input.Required.Where(r => !Covered(r, body, stated, named)).Select(r => r.Label));
        Add(GuardRailCheck.Numbers, stated.Where(n => !knownNumbers.Contains(n)));
        var knownDates = NumberForms.DateKeys(known);
        var knownTimes = NumberForms.TimeKeys(known);
        Add(GuardRailCheck.Dates, NumberForms.DateMentions(body).Where(d => !knownDates.Contains(d.Key)).Select(d => d.Written)
            .Concat(NumberForms.TimeMentions(body).Where(t => !knownTimes.Contains(t.Key)).Select(t => t.Written)));

        // A covert unit's real name is reported as a secret, never repeated as an unknown unit or place.
        var secrets = input.Secrets.Select(s => s.Trim()).Where(s => s.Length >= 2).ToList();
        bool Secret(string name) => secrets.Any(s => s.Contains(name, StringComparison.Ordinal) || name.Contains(s, StringComparison.Ordinal));
        var knownUnits = NameShapes.Units(known, specificOnly: false).Concat(input.Units).ToHashSet(StringComparer.Ordinal);
        var units = NameShapes.Units(body).Where(u => !NameShapes.IsKnownUnit(u, knownUnits, known)).ToList();
        Add(GuardRailCheck.Units, units.Where(u => !Secret(u)));
        var places = NameShapes.Places(body).Where(p => !known.Contains(p, StringComparison.Ordinal)).ToList();
        Add(GuardRailCheck.Places, places.Where(p => !Secret(p)));
        // The names are kept for tests; the person who asked is told only that there are some (one may be a tipster's).
        Add(GuardRailCheck.Persons, NameShapes.Persons(body).Where(p => !known.Contains(p, StringComparison.Ordinal)));

        Flag(GuardRailCheck.Secrets, secrets.Any(s => output.Contains(s, StringComparison.Ordinal)));
        Flag(GuardRailCheck.Identity, IdentityScrubber.Identifies(output) || NameShapes.NamesTipster(output));
        Flag(GuardRailCheck.Instruction, NoteInstructions.Obeyed(output, instructions, known));
        return failures.Count == 0 ? GuardRailVerdict.Pass : new GuardRailVerdict(failures);
    }

    /// <summary>Whether the answer has one of the item's texts: as written, as the same number, or as a known form of the same unit.</summary>
    private static bool Covered(RequiredItem item, string body, IReadOnlyCollection<string> stated, IReadOnlyList<string> units) =>
        item.AnyOf.Any(text => NumberForms.StatedValues(text) is { Count: > 0 } values
            ? values.All(stated.Contains) // a number as a number: "1" is not in "1.2万"
            : body.Contains(text, StringComparison.OrdinalIgnoreCase) || units.Any(u => NameShapes.IsKnownUnit(u, [text], text)));

    /// <summary>Headings missing, repeated, and out of order (each heading that comes before one it should follow).</summary>
    private static (List<string> Missing, List<string> Repeated, List<string> Misplaced) Sections(IEnumerable<string> lines, IReadOnlyList<string> headings)
    {
        var found = lines.Select(l => SectionHeadings.Find(l, headings)?.Index).OfType<int>().ToList();
        var missing = headings.Where((_, i) => !found.Contains(i)).ToList();
        var repeated = headings.Where((_, i) => found.Count(f => f == i) > 1).ToList();
        var firsts = found.Distinct().ToList();
        var misplaced = firsts.Where((index, at) => firsts.Skip(at + 1).Any(later => later < index)).Select(i => headings[i]).ToList();
        return (missing, repeated, misplaced);
    }
}
