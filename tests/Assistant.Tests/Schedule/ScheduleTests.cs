using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Messaging;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Schedule;

public sealed class ScheduleTests
{
    internal const long Leader = 801;
    internal const long Liaison = 802;
    internal const long Li = 803;
    internal const long Zhang = 804;
    internal const long Contact = 805;
    private const long Group = -1009;

    internal static readonly TimeZoneInfo Shanghai = TimeZones.Find("Asia/Shanghai")!;

    internal static CoreHarness Team(out Team team, DateTimeOffset? start = null, TempFolder? folder = null, bool seed = true)
    {
        var h = CoreHarness.Create(folder, start);
        team = seed ? h.CreateTeam() : h.Get<TeamStore>().FindTeamByName("第七组")!;
        if (seed)
        {
            h.AddMember(team, Leader, Role.Leader, "刘组长");
            h.AddMember(team, Liaison, Role.Liaison, "陈静");
            h.AddMember(team, Li, Role.Member, "李明");
            h.AddMember(team, Zhang, Role.Member, "张伟");
            h.AddMember(team, Contact, Role.Contact, "刘责任人");
        }

        return h;
    }

    /// <summary>Adds an item directly (as an import would), times in team time.</summary>
    internal static ScheduleItem Add(CoreHarness h, Team team, EventKind kind, string title, DateTime localStart, int minutes, bool wholeTeam, params long[] participants)
    {
        var item = new ScheduleItem
        {
            Kind = kind,
            Title = title,
            Place = title.Contains("暗访", StringComparison.Ordinal) ? "城区某液化气站" : "省应急管理厅",
            StartUtc = TimeZones.ToUtc(DateOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localStart), Shanghai),
            EndUtc = TimeZones.ToUtc(DateOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localStart.AddMinutes(minutes)), Shanghai),
            WholeTeam = wholeTeam,
            Participants = [.. participants],
        };
        h.Get<Core.Storage.AssistantDatabase>().InTransaction(() => h.Get<ScheduleService>().Import(team.Id, TeamAdministration.OperatorActor, [item], h.Time.GetUtcNow().UtcDateTime));
        return item;
    }

    private static CoreHarness WithDay(out Team team)
    {
        var h = Team(out team);
        Add(h, team, EventKind.Briefing, "听取省应急管理厅专题汇报", new DateTime(2023, 11, 2, 8, 30, 0), 90, true);
        Add(h, team, EventKind.CovertVisit, "暗访城区瓶装液化气供应站", new DateTime(2023, 11, 2, 5, 30, 0), 150, false, Li);
        Add(h, team, EventKind.SiteInspection, "检查望城区化工园区", new DateTime(2023, 11, 2, 14, 30, 0), 180, false, Li, Zhang);
        Add(h, team, EventKind.Travel, "赴湘潭市", new DateTime(2023, 11, 3, 8, 30, 0), 60, true);
        return h;
    }

    [Fact]
    public void Today_ShowsTheDayInTeamTimeWithWhoGoesAndMyItemsStarred()
    {
        using var h = WithDay(out _);

        h.Send(Zhang, "/today");

        var text = h.LastText(Zhang);
        Assert.Contains("11月2日 星期四", text, StringComparison.Ordinal);
        Assert.Contains("08:30–10:00 汇报会 · 听取省应急管理厅专题汇报 · 省应急管理厅 · 全体", text, StringComparison.Ordinal);
        Assert.Contains("★ 14:30–17:30 实地检查 · 检查望城区化工园区 · 省应急管理厅 · 李明、张伟", text, StringComparison.Ordinal);
        Assert.DoesNotContain("赴湘潭市", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("05:30", StringComparison.Ordinal) < text.IndexOf("08:30", StringComparison.Ordinal));
    }

    [Fact]
    public void CovertVisit_IsABusySlotForOthersAndFullForItsParticipantAndTheLeader()
    {
        using var h = WithDay(out _);

        h.Send(Zhang, "/today");
        h.Send(Liaison, "/today");
        h.Send(Li, "/today");
        h.Send(Leader, "/today");

        foreach (var other in new[] { Zhang, Liaison })
        {
            Assert.Contains("05:30–08:00 忙碌（暗访安排，详情不公开）", h.LastText(other), StringComparison.Ordinal);
            Assert.DoesNotContain("液化气", h.LastText(other), StringComparison.Ordinal);
        }

        Assert.Contains("暗访城区瓶装液化气供应站", h.LastText(Li), StringComparison.Ordinal);
        Assert.Contains("暗访城区瓶装液化气供应站", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void CovertVisit_ForTheWholeTeam_EveryMemberSeesItInPrivate_NeverInTheGroup()
    {
        using var h = Team(out var team);
        Add(h, team, EventKind.CovertVisit, "暗访城区瓶装液化气供应站", new DateTime(2023, 11, 2, 5, 30, 0), 150, true);
        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);

        h.Send(Zhang, "/today");
        h.Send(Liaison, "/today");
        h.Send(Zhang, "/today", Group, ChatKind.Group);

        // Precondition: both are members who got the day, not a refusal.
        Assert.Contains("11月2日", h.LastText(Zhang), StringComparison.Ordinal);
        Assert.Contains("暗访城区瓶装液化气供应站", h.LastText(Zhang), StringComparison.Ordinal);
        Assert.Contains("暗访城区瓶装液化气供应站", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.DoesNotContain("液化气", h.AllText(Group), StringComparison.Ordinal);
        Assert.Contains("忙碌", h.AllText(Group), StringComparison.Ordinal);
    }

    [Fact]
    public void CovertVisit_InAGroupChat_IsABusySlotEvenForItsParticipant()
    {
        using var h = WithDay(out _);
        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);

        h.Send(Li, "/today", Group, ChatKind.Group);
        h.Send(Leader, "/week@inspection_test_bot", Group, ChatKind.Group);

        var text = h.AllText(Group);
        Assert.Contains("忙碌", text, StringComparison.Ordinal);
        Assert.DoesNotContain("液化气", text, StringComparison.Ordinal);
        Assert.DoesNotContain("城区某", text, StringComparison.Ordinal);
        Assert.Contains("听取省应急管理厅专题汇报", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TomorrowWeekDateAndWholeVisit_ShowTheRightDays()
    {
        using var h = WithDay(out _);

        h.Send(Li, "/tomorrow");
        Assert.Contains("赴湘潭市", h.LastText(Li), StringComparison.Ordinal);
        Assert.DoesNotContain("汇报", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Li, "/week");
        Assert.Contains("11月3日 星期五", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Li, "/schedule 11月3日");
        Assert.Contains("赴湘潭市", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Li, "/schedule");
        Assert.Contains("第七组行程", h.LastText(Li), StringComparison.Ordinal);
        Assert.Contains("11月2日", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Li, "/schedule 2月30日");
        Assert.Contains("不是一个存在的日期", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Li, "/schedule 11-20");
        Assert.Contains("没有安排", h.LastText(Li), StringComparison.Ordinal);
    }

    [Fact]
    public void Next_ShowsMyNextItemOnly()
    {
        using var h = WithDay(out _);

        h.Send(Zhang, "/next");

        // 09:00 in Changsha: the 08:30 briefing has begun, so the next is the 14:30 inspection.
        Assert.Contains("检查望城区化工园区", h.LastText(Zhang), StringComparison.Ordinal);
        Assert.Contains("5 小时 30 分钟后", h.LastText(Zhang), StringComparison.Ordinal);
    }

    [Fact]
    public void TeamTime_IsShownWhateverTheClockOfTheServer()
    {
        // 23:10 UTC on 1 Nov is 07:10 on 2 Nov in Changsha: "today" is the 2nd.
        using var h = CoreHarness.Create(start: new DateTimeOffset(2023, 11, 1, 23, 10, 0, TimeSpan.Zero));
        var team = h.CreateTeam();
        h.AddMember(team, Li, Role.Member, "李明", Core.Localization.Language.English);
        Add(h, team, EventKind.Briefing, "Provincial briefing", new DateTime(2023, 11, 2, 8, 30, 0), 90, true);

        h.Send(Li, "/today");

        Assert.Contains("Thursday 2 November", h.LastText(Li), StringComparison.Ordinal);
        Assert.Contains("08:30–10:00 briefing · Provincial briefing", h.LastText(Li), StringComparison.Ordinal);
    }

    [Fact]
    public void Contact_CannotSeeTheSchedule()
    {
        using var h = WithDay(out _);

        h.Send(Contact, "/today");

        Assert.Contains("角色不能进行此操作", h.LastText(Contact), StringComparison.Ordinal);
    }

    [Fact]
    public void AddFlow_ByTheLiaison_SavesTheItemAndTellsTheParticipants()
    {
        using var h = Team(out var team);

        h.Send(Liaison, "/schedule add");
        h.Press(Liaison, "汇报会");
        h.Send(Liaison, "听取湘潭市政府汇报");
        h.Send(Liaison, "11-03 09:30");
        h.Press(Liaison, "2小时");
        h.Send(Liaison, "湘潭市人民政府");
        h.Press(Liaison, "李明");
        Assert.Contains("09:30 · 至11:30 · 湘潭市人民政府", h.LastText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "张伟、省应急厅陪同人员");
        Assert.Contains("“省应急厅陪同人员”不是本组成员", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "省应急厅陪同人员作为外部人员");
        h.Press(Liaison, "下一步");
        Assert.Contains("请核对", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Contains("省应急厅陪同人员（外部）", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "保存");
        Assert.Contains("外部人员省应急厅陪同人员不是本组成员，不会收到通知", h.LastText(Liaison), StringComparison.Ordinal);

        var item = Assert.Single(h.Get<ScheduleStore>().OfTeam(team.Id));
        Assert.Equal(new DateTime(2023, 11, 3, 1, 30, 0), item.StartUtc);
        Assert.Equal(new DateTime(2023, 11, 3, 3, 30, 0), item.EndUtc);
        Assert.Equal([Li, Zhang], item.Participants.ToArray());
        Assert.Equal(["省应急厅陪同人员"], item.OtherParticipants.ToArray());
        Assert.Contains("陈静为您安排了", h.LastText(Li), StringComparison.Ordinal);
        Assert.Contains("听取湘潭市政府汇报", h.LastText(Zhang), StringComparison.Ordinal);
        Assert.Empty(h.Messages(Leader));
    }

    [Fact]
    public void AddFlow_BadTimesAreExplainedAndAskedAgain()
    {
        using var h = Team(out _);
        h.Send(Liaison, "/schedule add");
        h.Press(Liaison, "培训");
        h.Send(Liaison, "专题培训");

        h.Send(Liaison, "2月30日 9:00");
        Assert.Contains("不是一个存在的日期", h.AllText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "明天 25:00");
        Assert.Contains("没看懂", h.AllText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "明天 14:00");
        h.Send(Liaison, "13:00");
        Assert.Contains("结束时间要晚于开始时间", h.AllText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "17:30");

        Assert.Contains("地点", h.LastText(Liaison), StringComparison.Ordinal);
    }

    [Fact]
    public void AddFlow_ByAMember_IsRefused()
    {
        using var h = Team(out _);

        h.Send(Li, "/schedule add");

        Assert.Contains("您的角色不能进行此操作", h.LastText(Li), StringComparison.Ordinal);
        Assert.Null(h.Get<DraftStore>().Get(Li));
    }

    [Fact]
    public void EditFromTheCard_ChangesTheItemAndTellsOldAndNewParticipants()
    {
        using var h = WithDay(out var team);
        var item = h.Get<ScheduleStore>().OfTeam(team.Id).Single(i => i.Title == "检查望城区化工园区");
        h.Clear();

        h.PressData(Leader, $"sc:v:{item.Id}");
        h.Press(Leader, "修改");
        h.Press(Leader, "时间");
        h.Send(Leader, "11-02 15:00");
        h.Press(Leader, "3小时");
        h.Press(Leader, "保存");

        var saved = h.Get<ScheduleStore>().Get(item.Id)!;
        Assert.Equal(new DateTime(2023, 11, 2, 7, 0, 0), saved.StartUtc);
        Assert.Equal(2, saved.Revision);
        Assert.Contains("刘组长修改", h.LastText(Li), StringComparison.Ordinal);
        Assert.Contains("15:00–18:00", h.LastText(Zhang), StringComparison.Ordinal);
    }

    /// <summary>Adds an interview through the flow up to its review card, and returns the card.</summary>
    private static string InterviewCard(CoreHarness h, long by, string start, params string[] people)
    {
        h.Send(by, "/schedule add");
        h.Press(by, "个别谈话");
        h.Send(by, "约谈市燃气办负责同志");
        h.Send(by, start);
        h.Press(by, "1小时");
        h.Press(by, "跳过");
        foreach (var person in people)
        {
            h.Press(by, person);
        }

        h.Press(by, "下一步");
        Assert.Contains("请核对", h.LastText(by), StringComparison.Ordinal);
        return h.LastText(by);
    }

    [Fact]
    public void AddFlow_PeopleAlreadyBusyThen_AreNamedUnderTheCard_AndTheItemCanStillBeSaved()
    {
        using var h = WithDay(out var team);

        var card = InterviewCard(h, Liaison, "11-02 09:00", "李明", "张伟");

        Assert.Contains("时间冲突", card, StringComparison.Ordinal);
        Assert.Contains("· 李明、张伟：08:30–10:00 听取省应急管理厅专题汇报", card, StringComparison.Ordinal);
        Assert.DoesNotContain("检查望城区化工园区", card, StringComparison.Ordinal);
        h.Press(Liaison, "保存");
        Assert.Contains(h.Get<ScheduleStore>().OfTeam(team.Id), i => i.Title == "约谈市燃气办负责同志");
    }

    [Fact]
    public void AddFlow_NotesAreNotAsked_ButAddedFromTheCard()
    {
        using var h = WithDay(out var team);

        var card = InterviewCard(h, Liaison, "11-02 10:00", "李明");
        Assert.DoesNotContain("备注：", card, StringComparison.Ordinal);
        h.Press(Liaison, "备注");
        Assert.Contains("备注", h.LastText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "请市燃气办准备瓶装液化气供应站名单");
        Assert.Contains("备注：请市燃气办准备瓶装液化气供应站名单", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "保存");

        var item = h.Get<ScheduleStore>().OfTeam(team.Id).Single(i => i.Title == "约谈市燃气办负责同志");
        Assert.Equal("请市燃气办准备瓶装液化气供应站名单", item.Notes);
    }

    [Fact]
    public void AddFlow_AWholeTeamItemAtTheTimeOfAnother_NamesTheWholeTeamOnce()
    {
        using var h = WithDay(out _);

        var card = InterviewCard(h, Liaison, "11-02 09:00", "全体");

        Assert.Contains("· 全体：08:30–10:00 听取省应急管理厅专题汇报", card, StringComparison.Ordinal);
        Assert.DoesNotContain("刘组长、", card, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFlow_RightAfterAnotherItem_IsNoClash()
    {
        using var h = WithDay(out _);

        var card = InterviewCard(h, Liaison, "11-02 10:00", "李明");

        Assert.DoesNotContain("时间冲突", card, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFlow_ACovertVisitTheReaderMayNotSee_IsNotNamedAsAClash_ButTheLeaderSeesIt()
    {
        using var h = WithDay(out _);

        var liaison = InterviewCard(h, Liaison, "11-02 07:00", "李明");
        Assert.DoesNotContain("时间冲突", liaison, StringComparison.Ordinal);
        Assert.DoesNotContain("暗访", liaison, StringComparison.Ordinal);
        Assert.DoesNotContain("05:30", liaison, StringComparison.Ordinal);
        h.Press(Liaison, "取消");

        var leader = InterviewCard(h, Leader, "11-02 07:00", "李明");
        Assert.Contains("· 李明：05:30–08:00 暗访城区瓶装液化气供应站", leader, StringComparison.Ordinal);
    }

    [Fact]
    public void EditFromTheCard_TheItemDoesNotClashWithItself()
    {
        using var h = WithDay(out var team);
        var item = h.Get<ScheduleStore>().OfTeam(team.Id).Single(i => i.Title == "检查望城区化工园区");

        h.PressData(Leader, $"sc:v:{item.Id}");
        h.Press(Leader, "修改");
        Assert.Contains("修改日程", h.LastText(Leader), StringComparison.Ordinal);
        Assert.DoesNotContain("时间冲突", h.LastText(Leader), StringComparison.Ordinal);

        h.Press(Leader, "时间");
        h.Send(Leader, "11-02 09:00");
        h.Press(Leader, "3小时");
        Assert.Contains("· 李明、张伟：08:30–10:00 听取省应急管理厅专题汇报", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void Week_OfManyItems_PointsToTheDaysList_ForChanges_InsteadOfAButtonPerItem()
    {
        using var h = WithDay(out var team);
        h.Send(Liaison, "/week");
        Assert.NotEmpty(h.LatestButtons(Liaison));

        for (var n = 0; n < 6; n++)
        {
            Add(h, team, EventKind.Interview, "个别谈话" + n, new DateTime(2023, 11, 3, 9 + n, 0, 0), 45, false, Li);
        }

        h.Clear();
        h.Send(Liaison, "/week");
        Assert.Contains("个别谈话5", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Contains("修改或取消某项安排：发送那一天的日程，如 /schedule 11-02。", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Empty(h.LatestButtons(Liaison));

        h.Send(Liaison, "/schedule 11-03");
        Assert.Equal(7, h.LatestButtons(Liaison).Count);
    }

    [Fact]
    public void CancelFromTheCard_AsksThenCancelsAndTellsTheParticipants()
    {
        using var h = WithDay(out var team);
        var item = h.Get<ScheduleStore>().OfTeam(team.Id).Single(i => i.Title == "检查望城区化工园区");

        h.PressData(Liaison, $"sc:c:{item.Id}:{item.Revision}");
        Assert.Contains("确定取消", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "确定取消");

        Assert.True(h.Get<ScheduleStore>().Get(item.Id)!.Cancelled);
        Assert.Contains("陈静取消", h.LastText(Li), StringComparison.Ordinal);
        h.Send(Zhang, "/today");
        Assert.DoesNotContain("望城区化工园区", h.LastText(Zhang), StringComparison.Ordinal);
    }

    [Fact]
    public void CardButtons_ForgedByAMemberOrAnotherTeam_AreRefused()
    {
        using var h = WithDay(out var team);
        var covert = h.Get<ScheduleStore>().OfTeam(team.Id).Single(i => i.IsCovert);
        var other = h.CreateTeam("第八组", "广东省");
        h.AddMember(other, 990, Role.Leader, "钱组长");

        h.PressData(Zhang, $"sc:x:{covert.Id}:{covert.Revision}");
        h.PressData(990, $"sc:v:{covert.Id}");
        h.PressData(990, $"sc:x:{covert.Id}:{covert.Revision}");
        h.PressData(Zhang, $"sc:v:{covert.Id}");

        Assert.False(h.Get<ScheduleStore>().Get(covert.Id)!.Cancelled);
        Assert.DoesNotContain("液化气", h.AllText(990), StringComparison.Ordinal);
        Assert.DoesNotContain("液化气", h.AllText(Zhang), StringComparison.Ordinal);
    }

    [Fact]
    public void StaleCard_FromBeforeAnEdit_DoesNothingAndShowsTheCurrentItem()
    {
        using var h = WithDay(out var team);
        var item = h.Get<ScheduleStore>().OfTeam(team.Id).Single(i => i.Title == "检查望城区化工园区");
        var staleCancel = $"sc:c:{item.Id}:{item.Revision}";
        h.PressData(Leader, $"sc:e:{item.Id}:{item.Revision}");
        h.Press(Leader, "地点");
        h.Send(Leader, "长沙市望城区");
        h.Press(Leader, "保存");

        h.PressData(Liaison, staleCancel);

        Assert.Contains("这张卡片已过期", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.False(h.Get<ScheduleStore>().Get(item.Id)!.Cancelled);
    }
}
