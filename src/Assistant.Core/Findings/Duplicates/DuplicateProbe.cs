namespace Assistant.Core.Findings.Duplicates;

/// <summary>A finding about to be saved (or edited), as the duplicate check reads it.</summary>
public sealed record DuplicateProbe(string? Unit, string? City, string? Place, string? Description, Sector? Sector, Aspect? Aspect)
{
    /// <summary>The saved finding being edited, never its own duplicate.</summary>
    public int? ExcludeFindingId { get; init; }

    public static DuplicateProbe Of(FindingDraft draft) =>
        new(draft.Unit, draft.City, draft.Place, draft.Description, draft.Sector, draft.Aspect) { ExcludeFindingId = draft.EditingFindingId };

    public static DuplicateProbe Of(Finding finding) =>
        new(finding.Unit, finding.City, finding.Place, finding.Description, finding.Sector, finding.Aspect) { ExcludeFindingId = finding.Id };
}

/// <summary>A recorded finding the one being saved most likely duplicates, with why. Only ever one the person may see.</summary>
public sealed record DuplicateCandidate(Finding Finding, DuplicateEvidence Evidence)
{
    public double Score => Evidence.Score;
}
