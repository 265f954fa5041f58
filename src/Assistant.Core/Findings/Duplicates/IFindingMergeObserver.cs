using Assistant.Core.Teams;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// What a capability above Findings does when a finding is merged into another (in the merge's transaction): Leads
/// moves the links of its leads from the merged finding to the one it went into. Findings knows no lead.
/// </summary>
public interface IFindingMergeObserver
{
    /// <summary><paramref name="source"/> is now merged into <paramref name="target"/> by <paramref name="actor"/>.</summary>
    void Merged(Member actor, Finding source, Finding target, DateTime utcNow);
}
