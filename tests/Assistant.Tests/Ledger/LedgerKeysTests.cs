using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Tests.Support;

namespace Assistant.Tests.Ledger;

/// <summary>The ledger ranges read through LiteDB's index, with its string collation, return exactly the right items in order.</summary>
public sealed class LedgerKeysTests
{
    private static readonly DateOnly Today = new(2023, 11, 20);

    private static Finding Add(FindingStore store, int team, int number, DateOnly? deadline, RectificationStatus status = RectificationStatus.Assigned, long? contact = null)
    {
        var f = new Finding { TeamId = team, Number = number, Code = $"T{team}-{number}", Deadline = deadline, Status = status, ResponsibleContactId = contact };
        store.Insert(f);
        return f;
    }

    private static string[] Codes(FindingStore store, (string From, string To) range) =>
        [.. store.LedgerRange(range.From, range.To).Select(f => f.Code)];

    private static string[] ContactCodes(FindingStore store, (string From, string To) range) =>
        [.. store.ContactLedgerRange(range.From, range.To).Select(f => f.Code)];

    [Fact]
    public void Ranges_SelectTheRightItems_InDeadlineOrder_AndStayWithinTheTeam()
    {
        using var h = CoreHarness.Create();
        var store = h.Get<FindingStore>();
        foreach (var team in new[] { 9, 10, 11, 100 })
        {
            Add(store, team, 3, null);
            Add(store, team, 1, Today.AddDays(-5));
            Add(store, team, 2, Today);
            Add(store, team, 4, Today.AddDays(3));
            Add(store, team, 5, Today.AddDays(-1), RectificationStatus.Closed);
            Add(store, team, 6, null, RectificationStatus.Closed);
            Add(store, team, 7, Today.AddDays(8));
        }

        var ten = LedgerKeys.TeamPrefix(10);
        Assert.Equal(["T10-1", "T10-2", "T10-4", "T10-7", "T10-3"], Codes(store, LedgerKeys.Active(ten)));
        Assert.Equal(["T10-1"], Codes(store, LedgerKeys.Active(ten, to: Today)));
        Assert.Equal(["T10-2", "T10-4"], Codes(store, LedgerKeys.Active(ten, Today, Today.AddDays(8))));
        Assert.Equal(["T10-5", "T10-6"], Codes(store, LedgerKeys.Closed(ten)));
        Assert.Equal(["T10-1", "T10-2", "T10-4", "T10-7", "T10-3", "T10-5", "T10-6"], Codes(store, LedgerKeys.All(ten)));
        Assert.Equal(7, Codes(store, LedgerKeys.All(LedgerKeys.TeamPrefix(9))).Length);
        Assert.Equal(7, Codes(store, LedgerKeys.All(LedgerKeys.TeamPrefix(100))).Length);
    }

    [Fact]
    public void ContactRanges_HoldOnlyThatContactsItems_WhateverTheirId()
    {
        using var h = CoreHarness.Create();
        var store = h.Get<FindingStore>();
        long[] contacts = [5, 50, 5_000_000_000, -7];
        foreach (var (contact, i) in contacts.Select((c, i) => (c, i)))
        {
            Add(store, 1, (i * 10) + 1, Today.AddDays(2), contact: contact);
            Add(store, 1, (i * 10) + 2, Today.AddDays(-2), contact: contact);
            Add(store, 1, (i * 10) + 3, Today, RectificationStatus.Closed, contact);
        }

        Add(store, 1, 99, Today);

        var fifty = LedgerKeys.ContactPrefix(50);
        Assert.Equal(["T1-12", "T1-11"], ContactCodes(store, LedgerKeys.Active(fifty)));
        Assert.Equal(["T1-12"], ContactCodes(store, LedgerKeys.Active(fifty, to: Today)));
        Assert.Equal(["T1-13"], ContactCodes(store, LedgerKeys.Closed(fifty)));
        Assert.Equal(["T1-32", "T1-31", "T1-33"], ContactCodes(store, LedgerKeys.All(LedgerKeys.ContactPrefix(-7))));
        Assert.Null(store.Get(store.GetByCode("T1-99")!.Id)!.ContactLedgerKey);
    }

    [Fact]
    public void Keys_AreFixedWidthDigits()
    {
        var key = LedgerKeys.For(new Finding { TeamId = 12, Number = 345, Deadline = new DateOnly(2023, 12, 1), Status = RectificationStatus.InProgress });

        Assert.Equal("000012" + "0" + "20231201" + "000345", key);
        Assert.All(key, c => Assert.True(char.IsAsciiDigit(c)));
    }
}
