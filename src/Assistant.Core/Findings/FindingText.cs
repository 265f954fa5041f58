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

    public static void ScrubIdentities(Finding f)
    {
        f.SectorOther = IdentityScrubber.ScrubOrNull(f.SectorOther);
        f.City = IdentityScrubber.Scrub(f.City);
        f.Place = IdentityScrubber.ScrubOrNull(f.Place);
        f.Unit = IdentityScrubber.Scrub(f.Unit);
        f.Description = IdentityScrubber.Scrub(f.Description);
        f.Basis = IdentityScrubber.ScrubOrNull(f.Basis);
        f.ResponsibleUnit = IdentityScrubber.ScrubOrNull(f.ResponsibleUnit);
        f.HandedOverTo = IdentityScrubber.ScrubOrNull(f.HandedOverTo);
        f.FixNote = IdentityScrubber.ScrubOrNull(f.FixNote);
        f.RejectReason = IdentityScrubber.ScrubOrNull(f.RejectReason);
        f.VerificationOpinion = IdentityScrubber.ScrubOrNull(f.VerificationOpinion);
        foreach (var change in f.DeadlineChanges)
        {
            change.Reason = IdentityScrubber.Scrub(change.Reason);
        }
    }

    /// <summary>A value kept in a finding's history, scrubbed like the field it was.</summary>
    public static string? ScrubChange(string field, string? value) =>
        field == ResponsiblePersonField ? value : IdentityScrubber.ScrubOrNull(value);

    /// <summary>Whether something identifying was taken out of the finding's texts: its card says so.</summary>
    public static bool HadIdentityRemoved(Finding f) =>
        new[] { f.SectorOther, f.City, f.Place, f.Unit, f.Description, f.Basis, f.ResponsibleUnit, f.HandedOverTo, f.FixNote, f.RejectReason, f.VerificationOpinion }
            .Any(text => text?.Contains(IdentityScrubber.Removed, StringComparison.Ordinal) == true);
}
