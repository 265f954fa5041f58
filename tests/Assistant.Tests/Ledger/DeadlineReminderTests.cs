using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Messaging;
using Assistant.Core.Reminders;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;

namespace Assistant.Tests.Ledger;

/// <summary>Deadline reminders over a simulated month, time moved with FakeTimeProvider.</summary>
public sealed class DeadlineReminderTests
{
    private const long Leader = LedgerTests.Leader;
    private const long Author = LedgerTests.Author;
    private const long Contact = LedgerTests.Contact;

    private static readonly DateTimeOffset Start = new(2023, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Moves time day by day (at 10:00 team time) to the given date, running the reminder service each day.</summary>
    private static void Through(CoreHarness h, int month, int day) => Through(h, new DateTimeOffset(2023, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>Moves time a day at a time to <paramref name="target"/>, running the reminder service after each step.</summary>
    internal static void Through(CoreHarness h, DateTimeOffset target)
    {
        while (h.Time.GetUtcNow() < target)
        {
            var next = h.Time.GetUtcNow().AddDays(1);
            h.Time.Advance((next < target ? next : target) - h.Time.GetUtcNow());
            h.Get<ReminderService>().RunOnce();
        }
    }

    private static List<string> Texts(CoreHarness h, long chat, string fragment) =>
        [.. h.Messages(chat).Select(m => Html.ToPlainText(m.Html)).Where(m => m.Contains(fragment, StringComparison.Ordinal))];

    private static Finding Assigned(CoreHarness h, string deadline = "11-20")
    {
        var f = FindingFlowTests.Record(h, Author);
        LedgerTests.Assign(h, f, deadline);
        h.Clear();
        return LedgerTests.Current(h, f);
    }

    [Fact]
    public void Month_BeforeOnAndAfterTheDeadline_ThenEscalation_EachOnce()
    {
        using var h = LedgerTests.Team(out _, Start);
        var f = Assigned(h);

        Through(h, 12, 5);

        foreach (var recipient in new[] { Contact, Author })
        {
            Assert.Equal(["还有 7 天到期", "还有 3 天到期", "还有 1 天到期"], Texts(h, recipient, "还有").Select(m => m[m.IndexOf("还有", StringComparison.Ordinal)..(m.IndexOf("到期", StringComparison.Ordinal) + 2)]).ToArray());
            Assert.Single(Texts(h, recipient, "今天到期"));
            Assert.Equal(7, Texts(h, recipient, "已逾期").Count);
        }

        var escalation = Assert.Single(Texts(h, Leader, "督办"));
        Assert.Contains("已逾期 8 天", escalation, StringComparison.Ordinal);
        Assert.Empty(Texts(h, Contact, "督办"));
        var sent = h.Get<ReminderStore>().About(LedgerReminders.Subject(f)).Where(r => r.Status == ReminderStatus.Sent).ToList();
        Assert.Equal(2 * 11 + 1, sent.Count);
        Assert.All(sent, r => Assert.False(r.Late));
    }

    [Fact]
    public void ClosedItem_GetsNothingMore()
    {
        using var h = LedgerTests.Team(out _, Start);
        var f = Assigned(h);
        Through(h, 11, 14);
        Assert.Single(Texts(h, Contact, "还有 7 天"));

        LedgerTests.Do(h, Author, f, "fs");
        LedgerTests.Verify(h, LedgerTests.Colleague, f);
        h.Clear();
        Through(h, 12, 10);

        Assert.Empty(Texts(h, Contact, "到期"));
        Assert.Empty(Texts(h, Contact, "逾期"));
        Assert.Empty(Texts(h, Leader, "督办"));
    }

    [Fact]
    public void Extension_ReschedulesTheChain()
    {
        using var h = LedgerTests.Team(out _, Start);
        var f = Assigned(h);
        Through(h, 11, 18);
        Assert.Single(Texts(h, Contact, "还有 3 天"));

        LedgerTests.Do(h, LedgerTests.Liaison, f, "x");
        h.Send(LedgerTests.Liaison, "11-30");
        h.Send(LedgerTests.Liaison, "设备采购周期长");
        h.Press(LedgerTests.Liaison, "确认");
        h.Clear();
        Through(h, 11, 29);

        Assert.Empty(Texts(h, Contact, "已逾期"));
        Assert.Empty(Texts(h, Contact, "今天到期"));
        Assert.Single(Texts(h, Contact, "还有 1 天到期（2023年11月30日）"));
        Assert.Single(Texts(h, Contact, "还有 3 天到期（2023年11月30日）"));
    }

    [Fact]
    public void AcrossARestart_EachStepIsSentExactlyOnce()
    {
        using var folder = new TempFolder();
        int sentBefore;
        using (var h = LedgerTests.Team(out _, Start, folder))
        {
            Assigned(h);
            Through(h, 11, 19);
            sentBefore = Texts(h, Contact, "到期").Count;
        }

        using var restarted = CoreHarness.Create(folder, new DateTimeOffset(2023, 11, 19, 10, 0, 0, TimeSpan.FromHours(8)));
        restarted.Get<ReminderService>().RunOnce();
        Through(restarted, 11, 21);

        // The outbox keeps every message (no sender runs here): counts are over both runs.
        Assert.Equal(3, sentBefore);
        Assert.Single(Texts(restarted, Contact, "还有 1 天"));
        Assert.Single(Texts(restarted, Contact, "今天到期"));
        Assert.Single(Texts(restarted, Contact, "已逾期 1 天"));
    }

    [Fact]
    public void QuietHours_HoldDeadlineReminders()
    {
        using var h = LedgerTests.Team(out _, Start);
        h.Send(Contact, "/quiet 08:00-12:00");
        Assigned(h);

        var target = new DateTimeOffset(2023, 11, 13, 9, 30, 0, TimeSpan.FromHours(8));
        h.Time.Advance(target - h.Time.GetUtcNow());
        h.Get<ReminderService>().RunOnce();
        Assert.Empty(Texts(h, Contact, "还有 7 天"));
        Assert.Single(Texts(h, Author, "还有 7 天"));

        h.Time.Advance(TimeSpan.FromHours(3));
        h.Get<ReminderService>().RunOnce();
        Assert.Single(Texts(h, Contact, "还有 7 天"));
    }

    [Fact]
    public void Reminders_AreInTheRecipientsLanguage()
    {
        using var h = LedgerTests.Team(out _, Start);
        h.Send(Contact, "/lang en");
        Assigned(h);

        Through(h, 11, 13);

        Assert.Single(Texts(h, Contact, "is due in 7 days"));
        Assert.Single(Texts(h, Author, "还有 7 天"));
    }
}
