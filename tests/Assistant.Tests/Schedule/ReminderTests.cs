using Assistant.Core.Messaging;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Schedule;

/// <summary>Reminders before items and the morning digest, with time moved by FakeTimeProvider.</summary>
public sealed class ReminderTests
{
    private const long Leader = ScheduleTests.Leader;
    private const long Li = ScheduleTests.Li;
    private const long Zhang = ScheduleTests.Zhang;

    /// <summary>1 Nov 2023, 20:00 in Changsha.</summary>
    private static readonly DateTimeOffset Evening = new(2023, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static int Reminders(CoreHarness h, long chat, string fragment) =>
        h.Messages(chat).Count(m => Html.ToPlainText(m.Html).Contains(fragment, StringComparison.Ordinal));

    private static void At(CoreHarness h, int day, int hour, int minute)
    {
        var target = new DateTimeOffset(2023, 11, day, hour, minute, 0, TimeSpan.FromHours(8));
        h.Time.Advance(target - h.Time.GetUtcNow());
        h.Get<ReminderService>().RunOnce();
    }

    [Fact]
    public void EventReminder_IsSentThirtyMinutesBeforeToEachParticipantOnce()
    {
        using var h = ScheduleTests.Team(out var team, Evening);
        ScheduleTests.Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li, Zhang);

        At(h, 2, 13, 59);
        Assert.Equal(0, Reminders(h, Li, "30 分钟后开始"));

        At(h, 2, 14, 0);
        At(h, 2, 14, 1);
        Assert.Equal(1, Reminders(h, Li, "30 分钟后开始"));
        Assert.Equal(1, Reminders(h, Zhang, "30 分钟后开始"));
        Assert.Equal(0, Reminders(h, Leader, "分钟后开始"));
        Assert.Contains("检查望城区化工园区", h.LastText(Li), StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_EveryMorningAtHalfPastSeven_AcrossMidnight_OncePerDay()
    {
        using var h = ScheduleTests.Team(out var team, Evening);
        ScheduleTests.Add(h, team, EventKind.Briefing, "听取省应急管理厅专题汇报", new DateTime(2023, 11, 2, 8, 30, 0), 90, true);
        ScheduleTests.Add(h, team, EventKind.Travel, "赴湘潭市", new DateTime(2023, 11, 3, 8, 0, 0), 60, true);

        At(h, 1, 23, 59);
        At(h, 2, 0, 1);
        At(h, 2, 7, 29);
        Assert.Equal(0, Reminders(h, Zhang, "早上好"));
        At(h, 2, 7, 30);
        At(h, 2, 12, 0);
        Assert.Equal(1, Reminders(h, Zhang, "早上好"));
        Assert.Contains("听取省应急管理厅专题汇报", h.Messages(Zhang).Select(m => Html.ToPlainText(m.Html)).First(m => m.Contains("早上好", StringComparison.Ordinal)), StringComparison.Ordinal);

        At(h, 3, 7, 30);
        Assert.Equal(2, Reminders(h, Zhang, "早上好"));
        Assert.Contains("赴湘潭市", h.Messages(Zhang).Select(m => Html.ToPlainText(m.Html)).Last(m => m.Contains("早上好", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(0, Reminders(h, ScheduleTests.Contact, "早上好"));
    }

    [Fact]
    public void Digest_ShowsAnotherMembersCovertVisitAsABusySlot()
    {
        using var h = ScheduleTests.Team(out var team, Evening);
        ScheduleTests.Add(h, team, EventKind.CovertVisit, "暗访城区瓶装液化气供应站", new DateTime(2023, 11, 2, 9, 0, 0), 120, false, Li);

        At(h, 2, 7, 30);

        var zhang = h.Messages(Zhang).Select(m => Html.ToPlainText(m.Html)).Single(m => m.Contains("早上好", StringComparison.Ordinal));
        var li = h.Messages(Li).Select(m => Html.ToPlainText(m.Html)).Single(m => m.Contains("早上好", StringComparison.Ordinal));
        Assert.Contains("忙碌", zhang, StringComparison.Ordinal);
        Assert.DoesNotContain("液化气", zhang, StringComparison.Ordinal);
        Assert.Contains("液化气", li, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_AcrossARestart_AreSentExactlyOnce()
    {
        using var folder = new TempFolder();
        using (var h = ScheduleTests.Team(out var team, Evening, folder))
        {
            ScheduleTests.Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li);
            At(h, 2, 14, 0);
            Assert.Equal(1, Reminders(h, Li, "30 分钟后开始"));
        }

        using var restarted = ScheduleTests.Team(out _, new DateTimeOffset(2023, 11, 2, 14, 5, 0, TimeSpan.FromHours(8)), folder, seed: false);
        restarted.Get<ReminderService>().RunOnce();
        At(restarted, 2, 14, 20);

        Assert.Equal(1, Reminders(restarted, Li, "分钟后开始"));
    }

    [Fact]
    public void Reminder_DueWhileDown_IsSentOnceLateAndMarkedLate()
    {
        using var folder = new TempFolder();
        using (var h = ScheduleTests.Team(out var team, Evening, folder))
        {
            ScheduleTests.Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li);
        }

        using var restarted = ScheduleTests.Team(out _, new DateTimeOffset(2023, 11, 2, 14, 50, 0, TimeSpan.FromHours(8)), folder, seed: false);
        restarted.Get<ReminderService>().RunOnce();
        restarted.Get<ReminderService>().RunOnce();

        Assert.Equal(1, Reminders(restarted, Li, "补发：原定 14:00"));
        Assert.Equal(1, Reminders(restarted, Li, "已经开始"));
        var reminder = restarted.Get<ReminderStore>().ForRecipient(Li).Single(r => r.Kind == "event");
        Assert.True(reminder.Late);
        Assert.Equal(ReminderStatus.Sent, reminder.Status);
    }

    [Fact]
    public void Reminder_DueWhileDown_ForAnItemAlreadyOver_IsNotSent()
    {
        using var folder = new TempFolder();
        using (var h = ScheduleTests.Team(out var team, Evening, folder))
        {
            ScheduleTests.Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li);
        }

        using var restarted = ScheduleTests.Team(out _, new DateTimeOffset(2023, 11, 2, 18, 0, 0, TimeSpan.FromHours(8)), folder, seed: false);
        restarted.Get<ReminderService>().RunOnce();

        Assert.Equal(0, Reminders(restarted, Li, "检查望城区化工园区"));
        Assert.Equal(ReminderStatus.Skipped, restarted.Get<ReminderStore>().ForRecipient(Li).Single(r => r.Kind == "event").Status);
    }

    [Fact]
    public void ChangedItem_ReplansTheRemindersAndTheOldOnesNeverFire()
    {
        using var h = ScheduleTests.Team(out var team, Evening);
        var item = ScheduleTests.Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li);
        h.PressData(Leader, $"sc:e:{item.Id}:{item.Revision}");
        h.Press(Leader, "时间");
        h.Send(Leader, "11-02 16:00");
        h.Press(Leader, "2小时");
        h.Press(Leader, "保存");

        At(h, 2, 14, 0);
        Assert.Equal(0, Reminders(h, Li, "分钟后开始"));
        At(h, 2, 15, 30);
        Assert.Equal(1, Reminders(h, Li, "30 分钟后开始"));
    }

    [Fact]
    public void CancelledItem_SendsNoReminder()
    {
        using var h = ScheduleTests.Team(out var team, Evening);
        var item = ScheduleTests.Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li);
        h.PressData(Leader, $"sc:x:{item.Id}:{item.Revision}");

        At(h, 2, 14, 10);

        Assert.Equal(0, Reminders(h, Li, "分钟后开始"));
    }

    [Fact]
    public void QuietHours_HoldTheDigestButNotAReminderForAnItemInsideThem()
    {
        using var h = ScheduleTests.Team(out var team, Evening);
        h.Send(Li, "/quiet 22:00-08:00");
        Assert.Contains("已设置免打扰时段 22:00–08:00", h.LastText(Li), StringComparison.Ordinal);
        ScheduleTests.Add(h, team, EventKind.CovertVisit, "暗访城区瓶装液化气供应站", new DateTime(2023, 11, 2, 5, 30, 0), 150, false, Li);
        ScheduleTests.Add(h, team, EventKind.Briefing, "听取专题汇报", new DateTime(2023, 11, 2, 8, 30, 0), 60, true);

        At(h, 2, 5, 0);
        Assert.Equal(1, Reminders(h, Li, "暗访城区瓶装液化气供应站"));
        At(h, 2, 7, 30);
        Assert.Equal(0, Reminders(h, Li, "早上好"));
        Assert.Equal(1, Reminders(h, Zhang, "早上好"));
        At(h, 2, 8, 0);

        var digest = h.Get<ReminderStore>().ForRecipient(Li).Single(r => r.Kind == "digest");
        Assert.Equal(ReminderStatus.Sent, digest.Status);
        Assert.False(digest.Late);
        Assert.Equal(1, Reminders(h, Li, "早上好"));
    }

    [Fact]
    public void QuietCommand_RejectsNonsenseAndCanBeTurnedOff()
    {
        using var h = ScheduleTests.Team(out _, Evening);

        h.Send(Li, "/quiet 晚上");
        Assert.Contains("用法", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Li, "/quiet 23:00-06:30");
        h.Send(Li, "/quiet off");

        Assert.Null(h.Get<TeamStore>().GetMember(Li)!.QuietFrom);
    }

    [Fact]
    public void DueQuery_ReadsPendingRowsOnlyWhateverTheHistory()
    {
        using var h = ScheduleTests.Team(out _, Evening);
        var store = h.Get<ReminderStore>();
        var db = h.Get<Core.Storage.AssistantDatabase>();
        var now = h.Time.GetUtcNow().UtcDateTime;
        db.InTransaction(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                var r = store.Plan($"old:{i}", "event", 1, Li, "x", now.AddHours(-1), now)!;
                r.Status = ReminderStatus.Sent;
                r.PendingDueUtc = null;
                store.Update(r);
            }

            store.Plan("due", "event", 1, Li, "x", now.AddMinutes(-1), now);
            store.Plan("later", "event", 1, Li, "x", now.AddHours(1), now);
        });

        var due = store.Due(now, 100);

        Assert.Equal(["due"], due.Select(r => r.Key).ToArray());
        Assert.Equal(now.AddMinutes(-1), store.NextDue());
    }
}
