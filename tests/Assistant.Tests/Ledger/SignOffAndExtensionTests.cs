using Assistant.Core.Conversations;
using Assistant.Core.Ledger;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Ledger;

/// <summary>
/// Closing an item (销号) with a verification opinion, four eyes and a confirmation; extending a deadline with
/// dates from the current one, checked as typed; deadlines far ahead confirmed first. Through the real core.
/// </summary>
public sealed class SignOffAndExtensionTests
{
    [Fact]
    public void Verify_OneTap_ClosesNothing_UntilTheOpinionIsGivenAndConfirmed()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Do(h, Author, f, "fs");

        Do(h, Colleague, f, "ok");
        Assert.Contains("请输入验收意见", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Rectified, Current(h, f).Status);
        h.Dispatch(FindingFlowTests.Photo(Colleague, "too-early"));
        Assert.Contains("这一步需要文字回答", h.AllText(Colleague), StringComparison.Ordinal); // the opinion is required first
        h.Send(Colleague, "现场复核，通道已清理");
        h.Dispatch(FindingFlowTests.Photo(Colleague, "verify-photo-1"));
        h.Send(Colleague, "指示标志已更换");
        h.Press(Colleague, "下一步");
        var confirm = h.LastText(Colleague);
        Assert.Contains("验收意见：现场复核，通道已清理\n指示标志已更换", confirm, StringComparison.Ordinal);
        Assert.Contains("验收材料：照片1张", confirm, StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Rectified, Current(h, f).Status);

        h.Press(Colleague, "确认");

        var closed = Current(h, f);
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Equal("现场复核，通道已清理\n指示标志已更换", closed.VerificationOpinion);
        Assert.Equal("verify-photo-1", Assert.Single(closed.VerificationEvidence).FileId);
        Assert.Equal("张伟", closed.VerifiedByName);
        var card = h.LastText(Colleague);
        Assert.Contains("整改情况：立行立改（李明提交）", card, StringComparison.Ordinal);
        Assert.Contains("验收人：张伟，2023年11月2日 09:00", card, StringComparison.Ordinal); // 01:00 UTC is 09:00 in Changsha
        Assert.Contains("验收意见：现场复核", card, StringComparison.Ordinal);
        Assert.Contains("张伟已验收销号", h.LastText(Author), StringComparison.Ordinal);
        Assert.Contains("验收意见：现场复核", h.LastText(Author), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ByWhoeverSubmittedTheFix_IsRefused_FourEyes()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Do(h, Author, f, "fs");
        h.Clear();

        h.PressData(Author, $"lg:v:{f.Id}");
        Assert.DoesNotContain(h.LatestButtons(Author), b => b.Label == "验收销号");
        Do(h, Author, f, "ok");

        Assert.Contains("由提交整改材料以外的巡查组成员验收", h.LastText(Author), StringComparison.Ordinal);
        Assert.Null(h.Get<DraftStore>().Get(Author)); // refused before anything is asked
        Assert.Equal(RectificationStatus.Rectified, Current(h, f).Status);
        h.PressData(Leader, $"lg:v:{f.Id}");
        Assert.Contains(h.LatestButtons(Leader), b => b.Label == "验收销号");
    }

    [Fact]
    public void Verify_BySubmitter_WhenTheSettingWaivesFourEyes_IsAllowed()
    {
        using var h = CoreHarness.Create(settings: new Dictionary<string, string?> { ["Ledger:AllowSelfVerification"] = "true" });
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader, "刘组长");
        var f = FindingFlowTests.Record(h, Leader);
        Do(h, Leader, f, "fs");

        Verify(h, Leader, f, "本组仅一人，自行复核，同意销号");

        Assert.Equal(RectificationStatus.Closed, Current(h, f).Status);
        Assert.Equal("刘组长", Current(h, f).VerifiedByName);
    }

    [Fact]
    public void Verify_StateChangedWhileTheOpinionWasTyped_KeepsTheItemOpen()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f);
        SubmitFix(h, Contact, f);
        Do(h, Colleague, f, "ok");
        h.Send(Colleague, "同意销号");
        Do(h, Leader, f, "r");
        h.Send(Leader, "照片不清楚");
        h.Press(Leader, "确认");

        h.Press(Colleague, "无验收材料");
        h.Press(Colleague, "确认");

        Assert.Equal(RectificationStatus.InProgress, Current(h, f).Status);
        Assert.Contains("这张卡片已过期", h.LastText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_QuickButtons_CountFromTheCurrentDeadline()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");

        Do(h, Liaison, f, "x");

        Assert.Contains("原期限为2023年11月20日", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Equal(["+7天（11月27日）", "+15天（12月5日）", "+30天（12月20日）", "✖ 取消"], h.LatestButtons(Liaison).Select(b => b.Label));
        h.Press(Liaison, "+7天");
        Assert.Contains("新期限：2023年11月27日。延期的理由？", h.LastText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "设备到货延迟");
        h.Press(Liaison, "确认");
        Assert.Equal(new DateOnly(2023, 11, 27), Current(h, f).Deadline);
    }

    [Fact]
    public void Extend_LongOverdue_OffersDatesFromToday_AndRefusesATypedPastDate_NeverAskingTheReason()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-05");
        h.Time.Advance(TimeSpan.FromDays(20)); // 22 November: 17 days overdue
        h.Clear();

        Do(h, Liaison, f, "x");
        Assert.Equal(["+7天（11月29日）", "+15天（12月7日）", "+30天（12月22日）", "✖ 取消"], h.LatestButtons(Liaison).Select(b => b.Label));
        h.Send(Liaison, "2023-11-10");
        Assert.Contains("2023年11月10日已经过去了", h.AllText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "11-10"); // without a year, a deadline is never past: next year's, so it is confirmed first

        Assert.Contains("整改期限2024年11月10日距今354天", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.DoesNotContain("延期的理由", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 11, 5), Current(h, f).Deadline);
    }

    [Fact]
    public void Extend_FarAhead_IsConfirmedFirst_AndChangingItKeepsTheFlow()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");

        Do(h, Liaison, f, "x");
        h.Send(Liaison, "2024-09-30");
        Assert.Contains("整改期限2024年9月30日距今333天，超过180天。确认采用这个期限吗？", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "修改期限");
        Assert.Contains("新的整改期限", h.LastText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "2024-06-30");
        h.Press(Liaison, "确认期限");
        h.Send(Liaison, "需要整体搬迁");
        h.Press(Liaison, "确认");

        var extended = Current(h, f);
        Assert.Equal(new DateOnly(2024, 6, 30), extended.Deadline);
        Assert.Equal("需要整体搬迁", Assert.Single(extended.DeadlineChanges).Reason);
    }

    [Fact]
    public void Assign_FarDeadline_IsConfirmed_KeepingTheUnitAndPerson()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);

        Do(h, Liaison, f, "a");
        h.Send(Liaison, "望城区应急管理局");
        h.Press(Liaison, "王责任人");
        h.Send(Liaison, "6月30日");
        Assert.Contains("整改期限2024年6月30日距今241天", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "确认期限");
        var confirm = h.LastText(Liaison);
        Assert.Contains("责任单位：望城区应急管理局", confirm, StringComparison.Ordinal);
        Assert.Contains("整改期限：2024年6月30日", confirm, StringComparison.Ordinal);
        h.Press(Liaison, "确认");

        Assert.Equal(new DateOnly(2024, 6, 30), Current(h, f).Deadline);
        Assert.Equal(Contact, Current(h, f).ResponsibleContactId);
    }
}
