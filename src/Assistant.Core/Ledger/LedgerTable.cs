using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Ledger;

/// <summary>What a ledger table is sorted by.</summary>
public enum LedgerSort
{
    /// <summary>The ledger's own order (its index): active items by deadline, so overdue first, then closed ones.</summary>
    Ledger,
    Number,
    Unit,
    Sector,
    Aspect,
    Severity,
    Status,
    Deadline,
    DaysOverdue,
}

/// <summary>One page of a ledger table, with the number of matching items in all.</summary>
public sealed record LedgerTablePage(IReadOnlyList<Finding> Items, int Total, int Page, int PageSize)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// The ledger as a sortable, paged table (the Mini App's list): the same query, the same visibility and the same
/// index ranges as <c>/ledger</c> (<see cref="LedgerQueries.All"/>), sorted by any column, ties by number.
/// </summary>
public sealed class LedgerTable(LedgerQueries queries)
{
    public const int MaxPageSize = 100;

    public LedgerTablePage Read(LedgerQuery query, Member reader, DateOnly today, LedgerSort sort, bool descending, int page, int pageSize, CultureInfo culture)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var all = queries.All(query, reader, today).ToList();
        IEnumerable<Finding> ordered = sort == LedgerSort.Ledger
            ? (descending ? Enumerable.Reverse(all) : all)
            : Sorted(all, sort, descending, today, culture);
        return new LedgerTablePage([.. ordered.Skip(page * pageSize).Take(pageSize)], all.Count, page, pageSize);
    }

    private static IOrderedEnumerable<Finding> Sorted(List<Finding> all, LedgerSort sort, bool descending, DateOnly today, CultureInfo culture)
    {
        var text = StringComparer.Create(culture, ignoreCase: true);
        var sorted = sort switch
        {
            LedgerSort.Number => By(all, f => f.Number, descending),
            LedgerSort.Unit => descending ? all.OrderByDescending(f => f.Unit, text) : all.OrderBy(f => f.Unit, text),
            LedgerSort.Sector => By(all, f => (int)f.Sector, descending),
            LedgerSort.Aspect => By(all, f => (int)f.Aspect, descending),
            LedgerSort.Severity => By(all, f => (int)f.Severity, descending),
            LedgerSort.Status => By(all, f => (int)f.Status, descending),

            // Items without a deadline come last either way.
            LedgerSort.Deadline => descending
                ? all.OrderBy(f => f.Deadline is null).ThenByDescending(f => f.Deadline)
                : all.OrderBy(f => f.Deadline is null).ThenBy(f => f.Deadline),
            _ => By(all, f => f.DaysOverdue(today), descending),
        };
        return sorted.ThenBy(f => f.Number);
    }

    private static IOrderedEnumerable<Finding> By<T>(List<Finding> all, Func<Finding, T> key, bool descending) =>
        descending ? all.OrderByDescending(key) : all.OrderBy(key);
}
