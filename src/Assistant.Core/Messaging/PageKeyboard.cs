namespace Assistant.Core.Messaging;

/// <summary>
/// The keyboard under one page of a list (/findings, /ledger, /leads): a button per item, a few to a row, and under
/// them "previous" and "next" where the list has such a page.
/// </summary>
public static class PageKeyboard
{
    /// <param name="t">The reader's texts.</param>
    /// <param name="items">The page's items, in order.</param>
    /// <param name="perRow">How many item buttons to a row.</param>
    /// <param name="open">An item's button.</param>
    /// <param name="previous">The data of the button to the previous page; null on the first page.</param>
    /// <param name="next">The data of the button to the next page; null on the last page.</param>
    public static List<IReadOnlyList<Button>> For<T>(Texts t, IEnumerable<T> items, int perRow, Func<T, Button> open, string? previous, string? next)
    {
        ArgumentNullException.ThrowIfNull(t);
        var rows = items.Chunk(perRow).Select(row => (IReadOnlyList<Button>)[.. row.Select(open)]).ToList();
        var nav = new List<Button>();
        if (previous is not null)
        {
            nav.Add(new Button(t["common.previous"], previous));
        }

        if (next is not null)
        {
            nav.Add(new Button(t["common.next_page"], next));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        return rows;
    }
}
