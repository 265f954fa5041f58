namespace Assistant.Core.Findings;

/// <summary>
/// Keeps a tipster's identity out of a finding: every free text of a saved finding (what was found, the unit and the place,
/// a sector of one's own, the basis, the responsible unit, to whom it was handed over, and the ledger's notes, opinions and
/// reasons) is scrubbed by <see cref="IdentityScrubber"/> each time the finding is written, whichever path wrote it (the
/// flow, the one-message capture, an edit, a ledger step, a merge), and so is its change history. The name of the person
/// responsible for the rectification is kept: it names the inspected side's contact, not a tipster.
/// </summary>
public static class FindingText
{
    /// <summary>The history field whose values are kept as typed (see <see cref="Finding.ResponsiblePerson"/>).</summary>
    private const string ResponsiblePersonField = "responsible_person";

    /// <summary>
    /// Every free text of a finding that may carry a tipster's identity, each read and written through one accessor: the
    /// one list both scrubbing and "was anything removed" go over, so a text added here is covered by both.
    /// </summary>
    private static readonly IReadOnlyList<TextField> Fields =
    [
        new(f => f.SectorOther, (f, v) => f.SectorOther = v),
        new(f => f.City, (f, v) => f.City = v ?? ""),
        new(f => f.Place, (f, v) => f.Place = v),
        new(f => f.Unit, (f, v) => f.Unit = v ?? ""),
        new(f => f.Description, (f, v) => f.Description = v ?? ""),
        new(f => f.Basis, (f, v) => f.Basis = v),
        new(f => f.ResponsibleUnit, (f, v) => f.ResponsibleUnit = v),
        new(f => f.HandedOverTo, (f, v) => f.HandedOverTo = v),
        new(f => f.FixNote, (f, v) => f.FixNote = v),
        new(f => f.RejectReason, (f, v) => f.RejectReason = v),
        new(f => f.VerificationOpinion, (f, v) => f.VerificationOpinion = v),
    ];

    /// <summary>Scrubs every free text of the finding, the reasons of its deadline changes included.</summary>
    public static void ScrubIdentities(Finding f)
    {
        foreach (var text in Texts(f))
        {
            text.Set(IdentityScrubber.ScrubOrNull(text.Get()));
        }
    }

    /// <summary>A value kept in a finding's history, scrubbed like the field it was.</summary>
    public static string? ScrubChange(string field, string? value) =>
        field == ResponsiblePersonField ? value : IdentityScrubber.ScrubOrNull(value);

    /// <summary>Whether something identifying was taken out of the finding's texts (the same texts <see cref="ScrubIdentities"/> scrubs): its card says so.</summary>
    public static bool HadIdentityRemoved(Finding f) =>
        Texts(f).Any(text => text.Get()?.Contains(IdentityScrubber.Removed, StringComparison.Ordinal) == true);

    /// <summary>The finding's free texts, each with its reader and writer: the fields, then each deadline change's reason.</summary>
    private static IEnumerable<(Func<string?> Get, Action<string?> Set)> Texts(Finding f)
    {
        foreach (var field in Fields)
        {
            yield return (() => field.Get(f), v => field.Set(f, v));
        }

        foreach (var change in f.DeadlineChanges)
        {
            yield return (() => change.Reason, v => change.Reason = v ?? "");
        }
    }

    /// <summary>A free text of a finding: how to read it and how to write it (null written as "" where the field takes no null).</summary>
    private sealed record TextField(Func<Finding, string?> Get, Action<Finding, string?> Set);
}
