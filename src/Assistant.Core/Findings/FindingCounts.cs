namespace Assistant.Core.Findings;

/// <summary>
/// Counts of findings by one field (severity, aspect, sector, status): the single definition the brief, the
/// feedback, its annex and <c>/stats</c> share. Every value of the enumeration is listed, in declaration order, zeros
/// included (a sector typed in as "other" counts as other).
/// </summary>
public static class FindingCounts
{
    public static IReadOnlyList<(T Value, int Count)> By<TItem, T>(IEnumerable<TItem> items, Func<TItem, T> key)
        where T : struct, Enum
    {
        var counts = items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enum.GetValues<T>().Select(v => (v, counts.GetValueOrDefault(v)))];
    }
}
