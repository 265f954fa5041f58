using Assistant.Core.Findings;

namespace Assistant.Core.Ledger;

/// <summary>
/// Ledger index keys: an owner prefix, then <c>S YYYYMMDD NNNNNN</c> written without spaces —
/// 0 active / 1 closed, deadline (99999999 when none), number. The owner is the team (6 digits,
/// <see cref="Finding.LedgerKey"/>) or the responsible contact (20 digits,
/// <see cref="Finding.ContactLedgerKey"/>). In key order: an owner's active items, earliest deadline
/// first (so overdue first), then the closed ones. A page, the overdue and the due lists are ranges
/// of one index, so each reads what it shows. A finding merged into another (a duplicate) gets the
/// flag 3, outside every range, and no contact key: no list, export or count of the ledger reads it.
/// </summary>
/// <remarks>
/// Digits only, in fixed widths: LiteDB compares strings with a culture collation, under which
/// punctuation sorts before digits (<c>"|~"</c> is no upper bound), but fixed-width digit strings
/// sort the same under every collation. Range bounds are prefixes, which no key equals, so an
/// inclusive range over them is half-open: [from, to).
/// </remarks>
public static class LedgerKeys
{
    public const string NoDeadline = "99999999";
    private const char ActiveFlag = '0';
    private const char ClosedFlag = '1';
    private const char AfterClosed = '2';
    private const char MergedFlag = '3';

    public static string For(Finding f) => TeamPrefix(f.TeamId) + Suffix(f);

    public static string? ForContact(Finding f) => f.ResponsibleContactId is { } contact && !f.IsMerged ? ContactPrefix(contact) + Suffix(f) : null;

    public static string TeamPrefix(int teamId) => teamId.ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>Any 64-bit user id, as 20 digits.</summary>
    public static string ContactPrefix(long userId) => unchecked((ulong)userId).ToString("00000000000000000000", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? NoDeadline;

    /// <summary>Active items whose deadline is in [from, to) (null: unbounded; items without a deadline come last).</summary>
    public static (string From, string To) Active(string owner, DateOnly? from = null, DateOnly? to = null) =>
        (owner + ActiveFlag + (from is null ? "" : Date(from)),
         to is null ? owner + ClosedFlag : owner + ActiveFlag + Date(to));

    public static (string From, string To) Closed(string owner) => (owner + ClosedFlag, owner + AfterClosed);

    public static (string From, string To) All(string owner) => (owner + ActiveFlag, owner + AfterClosed);

    private static string Suffix(Finding f) =>
        string.Create(CultureInfo.InvariantCulture, $"{(f.IsMerged ? MergedFlag : f.Status.IsActive() ? ActiveFlag : ClosedFlag)}{Date(f.Deadline)}{f.Number:000000}");
}
