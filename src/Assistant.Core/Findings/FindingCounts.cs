namespace Assistant.Core.Findings;

/// <summary>
/// Counts of findings by one field (severity, aspect, sector, status): the single definition the brief, the
/// feedback, its annex and <c>/stats</c> share. Every value of the enumeration is listed, in declaration order, zeros
/// included (a sector typed in as "other" counts as other). A finding merged into another as its duplicate is not a
/// finding of its own: it is counted nowhere, the one it was merged into is (<see cref="IsCounted"/>).
/// </summary>
public static class FindingCounts
{
    public static IReadOnlyList<(T Value, int Count)> By<TItem, T>(IEnumerable<TItem> items, Func<TItem, T> key)
        where T : struct, Enum
    {
        var counts = items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enum.GetValues<T>().Select(v => (v, counts.GetValueOrDefault(v)))];
    }

    /// <summary>Whether a finding counts as one: every finding except a duplicate merged into another.</summary>
    public static bool IsCounted(Finding finding) => !finding.IsMerged;

    /// <summary>The findings that count (see <see cref="IsCounted"/>).</summary>
    public static IEnumerable<Finding> Counted(IEnumerable<Finding> findings) => findings.Where(IsCounted);
}
