using Assistant.Core.Audit;
using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;

namespace Assistant.Tests.Ledger;

public sealed class LedgerTests
{
    internal const long Leader = 901;
    internal const long Liaison = 902;
    internal const long Author = 903;
    internal const long Colleague = 904;
    internal const long Contact = 905;
    internal const long OtherContact = 906;

    internal static CoreHarness Team(out Team team, DateTimeOffset? start = null, TempFolder? folder = null)
    {
        var h = CoreHarness.Create(folder, start);
        team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader, "刘组长");
        h.AddMember(team, Liaison, Role.Liaison, "陈静");
        h.AddMember(team, Author, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        h.AddMember(team, Contact, Role.Contact, "王责任人");
        h.AddMember(team, OtherContact, Role.Contact, "赵责任人");
        return h;
    }

    internal static Finding Current(CoreHarness h, Finding f) => h.Get<FindingStore>().Get(f.Id)!;

    internal static void Do(CoreHarness h, long user, Finding f, string code) =>
        h.PressData(user, $"lg:{code}:{f.Id}:{Current(h, f).Revision}");

    /// <summary>The liaison assigns the finding to the registered contact, deadline typed.</summary>
    internal static void Assign(CoreHarness h, Finding f, string deadline = "11-20", long contactButtonOf = Contact)
    {
        Do(h, Liaison, f, "a");
        h.Send(Liaison, "望城区应急管理局");
        h.Press(Liaison, contactButtonOf == Contact ? "王责任人" : "赵责任人");
        h.Send(Liaison, deadline);
        h.Press(Liaison, "确认");
    }

    internal static void SubmitFix(CoreHarness h, long user, Finding f)
    {
        Do(h, user, f, "f");
        h.Dispatch(FindingFlowTests.Photo(user, "fix-photo-" + Guid.NewGuid().ToString("N")[..6]) with { Text = "已拆除违建，间距满足要求" });
        h.Press(user, "下一步");
        h.Press(user, "确认");
    }

    /// <summary>Verifies and closes (销号): the opinion, no evidence, confirmed.</summary>
    internal static void Verify(CoreHarness h, long user, Finding f, string opinion = "经现场复核，整改到位，同意销号")
    {
        Do(h, user, f, "ok");
        h.Send(user, opinion);
        h.Press(user, "无验收材料");
        h.Press(user, "确认");
    }

    [Fact]
    public void SubmitFix_ThePhotoAndItsCaption_AreAcknowledgedInOneCleanSentence()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f);
        Do(h, Contact, f, "s");
        Do(h, Contact, f, "f");

        h.Dispatch(FindingFlowTests.Photo(Contact, "fix-photo-1") with { Text = "已组织拆除，间距满足要求。" });

        var ack = h.LastText(Contact);
        Assert.Contains("已收到：照片1张；说明：已组织拆除，间距满足要求。可以继续发送", ack.Replace(" ", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("。。", ack, StringComparison.Ordinal);
        Assert.DoesNotContain(" 。", ack, StringComparison.Ordinal);
    }

    [Fact]
    public void FullLoop_AssignStartFixRejectFixVerify_EachStepRecordedAndTheRightPeopleTold()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assert.Equal(RectificationStatus.Open, f.Status);

        Assign(h, f);
        var assigned = Current(h, f);
        Assert.Equal(RectificationStatus.Assigned, assigned.Status);
        Assert.Equal("望城区应急管理局", assigned.ResponsibleUnit);
        Assert.Equal(Contact, assigned.ResponsibleContactId);
        Assert.Equal("王责任人", assigned.ResponsiblePerson);
        Assert.Equal(new DateOnly(2023, 11, 20), assigned.Deadline);
        Assert.Contains("陈静已指派责任", h.LastText(Contact), StringComparison.Ordinal);

        Do(h, Contact, f, "s");
        Assert.Equal(RectificationStatus.InProgress, Current(h, f).Status);
        SubmitFix(h, Contact, f);
        Assert.Equal(RectificationStatus.Rectified, Current(h, f).Status);
        Assert.Contains("王责任人已提交整改材料", h.LastText(Author), StringComparison.Ordinal);

        Do(h, Colleague, f, "r");
        h.Send(Colleague, "照片看不清间距");
        h.Press(Colleague, "确认");
        Assert.Equal(RectificationStatus.InProgress, Current(h, f).Status);
        Assert.Contains("退回理由：照片看不清间距", h.LastText(Contact), StringComparison.Ordinal);

        SubmitFix(h, Contact, f);
        Verify(h, Author, f, "复核照片，间距已满足要求，同意销号");
        var closed = Current(h, f);
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Equal("李明", closed.VerifiedByName);
        Assert.Equal("复核照片，间距已满足要求，同意销号", closed.VerificationOpinion);
        Assert.Equal(2, closed.FixEvidence.Count);
        var statuses = h.Get<FindingStore>().ChangesOf(f.Id).Where(c => c.Field == "status").Select(c => c.NewValue).ToList();
        Assert.Equal(["Assigned", "InProgress", "Rectified", "InProgress (照片看不清间距)", "Rectified", "Closed (复核照片，间距已满足要求，同意销号)"], statuses);
    }

    [Fact]
    public void Assign_TypingTheButtonsLabels_WorksLikePressingThem()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);

        Do(h, Liaison, f, "a");
        h.Send(Liaison, "望城区应急管理局");
        h.Send(Liaison, "王责任人");
        h.Send(Liaison, "11-20");
        h.Send(Liaison, "确认");

        var assigned = Current(h, f);
        Assert.Equal(RectificationStatus.Assigned, assigned.Status);
        Assert.Equal(Contact, assigned.ResponsibleContactId);
        Assert.Equal(new DateOnly(2023, 11, 20), assigned.Deadline);
    }

    [Fact]
    public void Assign_OffersTheUnitInspectedAndTheTeamsLatestResponsibleUnits_OneTapSetsIt()
    {
        using var h = Team(out _);
        const string Long = "长沙市望城区人民政府安全生产委员会办公室";
        var earlier = FindingFlowTests.Record(h, Author, unit: "长沙市望城区应急管理局");
        Do(h, Liaison, earlier, "a");
        h.Send(Liaison, Long);
        h.Press(Liaison, "王责任人");
        h.Send(Liaison, "11-20");
        h.Press(Liaison, "确认");
        var f = FindingFlowTests.Record(h, Author, unit: "长沙某化工有限公司");

        Do(h, Liaison, f, "a");
        var buttons = h.LatestButtons(Liaison).Select(b => b.Label).ToList();
        Assert.Equal(["长沙某化工有限公司", Long, "✖ 取消"], buttons);

        // One unit a row, and the cancel button on a row of its own: beside a long name it would cut it short.
        var rows = h.Messages(Liaison).Last(m => m.Keyboard is { Count: > 0 }).Keyboard!;
        Assert.All(rows, row => Assert.Single(row));
        h.Press(Liaison, "长沙某化工有限公司");
        h.Press(Liaison, "王责任人");
        h.Send(Liaison, "11-20");
        h.Press(Liaison, "确认");

        Assert.Equal(("长沙某化工有限公司", RectificationStatus.Assigned), (Current(h, f).ResponsibleUnit, Current(h, f).Status));
    }

    [Fact]
    public void Refused_MemberAssigning_SaysWhoMayAndWhatTheMemberCanDo()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);

        h.PressData(Colleague, $"lg:a:{f.Id}:{f.Revision}");

        var text = h.LastText(Colleague);
        Assert.Null(h.Get<Core.Conversations.DraftStore>().Get(Colleague));
        Assert.Contains("由组长或联络员操作", text, StringComparison.Ordinal);
        Assert.Contains("您现在可以：立行立改", text, StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Open, Current(h, f).Status);
    }

    [Fact]
    public void Refused_ContactVerifying_IsRefusedAndNothingChanges()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f);
        SubmitFix(h, Contact, f);

        Do(h, Contact, f, "ok");

        Assert.Equal(RectificationStatus.Rectified, Current(h, f).Status);
        Assert.Contains("由巡查组成员操作", h.LastText(Contact), StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_FromTheWrongState_NamesTheStateAndTheAllowedSteps()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);

        Do(h, Author, f, "ok");

        var text = h.LastText(Author);
        Assert.Contains("目前是“待整改”", text, StringComparison.Ordinal);
        Assert.Contains("立行立改", text, StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Open, Current(h, f).Status);
    }

    [Fact]
    public void Refused_AnythingOnAClosedItem()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Do(h, Author, f, "fs");
        Verify(h, Colleague, f);
        Assert.Equal(RectificationStatus.Closed, Current(h, f).Status);

        foreach (var code in new[] { "s", "ok", "fs" })
        {
            Do(h, Leader, f, code);
            Assert.Contains("已销号", h.LastText(Leader), StringComparison.Ordinal);
        }

        Assert.Equal(RectificationStatus.Closed, Current(h, f).Status);
    }

    [Fact]
    public void SubmitFix_WithoutEvidence_IsNotAccepted()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f);

        Do(h, Contact, f, "f");
        h.Press(Contact, "下一步");

        Assert.Contains("请先发送整改照片", h.AllText(Contact), StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Assigned, Current(h, f).Status);
    }

    [Fact]
    public void SubmitFix_VoiceAndAudio_AreKeptAsEvidenceLikeAFindings_AStickerIsAnsweredAndNotKept()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f);

        Do(h, Contact, f, "f");
        h.Dispatch(CoreHarness.Text(Contact, "") with { Text = null, Files = [new IncomingFile(FileKind.Sticker, "fix-sticker")] });
        Assert.Contains("这种消息不能作为证据", h.AllText(Contact), StringComparison.Ordinal);
        h.Dispatch(CoreHarness.Text(Contact, "") with { Text = null, Files = [new IncomingFile(FileKind.Voice, "fix-voice", null, "audio/ogg", 2000)] });
        h.Dispatch(CoreHarness.Text(Contact, "") with { Text = null, Files = [new IncomingFile(FileKind.Audio, "fix-audio", "说明.mp3", "audio/mpeg", 3000)] });
        h.Press(Contact, "下一步");
        h.Press(Contact, "确认");

        var fixedOne = Current(h, f);
        Assert.Equal(RectificationStatus.Rectified, fixedOne.Status);
        Assert.Equal(["fix-voice", "fix-audio"], fixedOne.FixEvidence.Select(e => e.FileId));
        Assert.All(fixedOne.FixEvidence, e => Assert.Equal(EvidenceKind.Voice, e.Kind));
    }

    [Fact]
    public void FixedOnSpot_GoesStraightToRectifiedAndWaitsForVerification()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);

        Do(h, Author, f, "fs");

        var fixedNow = Current(h, f);
        Assert.Equal(RectificationStatus.Rectified, fixedNow.Status);
        Assert.True(fixedNow.FixedOnSpot);
        Assert.Equal("立行立改", fixedNow.FixNote);
    }

    [Fact]
    public void Extend_NeedsALaterDateAndAReason_AndKeepsTheHistory()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");

        Do(h, Liaison, f, "x");
        h.Send(Liaison, "11-10");
        Assert.Contains("新期限2023年11月10日不晚于原期限2023年11月20日", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.DoesNotContain("延期的理由", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 11, 20), Current(h, f).Deadline);

        h.Send(Liaison, "12-15");
        h.Send(Liaison, "需要购置设备");
        h.Press(Liaison, "确认");

        var extended = Current(h, f);
        Assert.Equal(new DateOnly(2023, 12, 15), extended.Deadline);
        var change = Assert.Single(extended.DeadlineChanges);
        Assert.Equal(new DateOnly(2023, 11, 20), change.From);
        Assert.Equal("需要购置设备", change.Reason);
        Assert.Equal("陈静", change.ByName);
        Assert.Contains("期限由2023年11月20日调整为2023年12月15日（需要购置设备，陈静）", h.LastText(Liaison), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotesTests.IdentifyingForms), MemberType = typeof(NotesTests))]
    public void Extend_AReasonNamingATipster_IsStoredScrubbed_InTheDraftAndOnTheFinding(string reason, string secret)
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");
        Do(h, Liaison, f, "x");
        h.Send(Liaison, "12-15");

        h.Send(Liaison, reason);

        var drafted = h.Get<DraftStore>().Get(Liaison)!.Data["Reason"].AsString;
        Assert.DoesNotContain(secret, drafted, StringComparison.Ordinal);
        Assert.Contains(IdentityScrubber.Removed, drafted, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "确认");
        var change = Assert.Single(Current(h, f).DeadlineChanges);
        Assert.Equal(drafted, change.Reason);
        Assert.DoesNotContain(secret, h.AllText(Liaison), StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_ByAMember_IsRefused()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");

        Do(h, Author, f, "x");

        Assert.Contains("由组长或联络员操作", h.LastText(Author), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 11, 20), Current(h, f).Deadline);
    }

    [Fact]
    public void StaleCard_ActionFromBeforeAChange_DoesNothing()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        var stale = $"lg:fs:{f.Id}:{f.Revision}";
        Assign(h, f);

        h.PressData(Author, stale);

        Assert.Contains("这张卡片已过期", h.LastText(Author), StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Assigned, Current(h, f).Status);
    }

    [Fact]
    public void Contact_SeesAndActsOnlyOnTheirOwnFindings()
    {
        using var h = Team(out _);
        var mine = FindingFlowTests.Record(h, Author, "甲单位");
        var theirs = FindingFlowTests.Record(h, Author, "乙单位");
        var unassigned = FindingFlowTests.Record(h, Author, "丙单位");
        Assign(h, mine);
        Assign(h, theirs, contactButtonOf: OtherContact);
        h.Clear();

        h.Send(Contact, "/ledger");
        var list = h.LastText(Contact);
        Assert.Contains(mine.Code, list, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Code, list, StringComparison.Ordinal);
        Assert.DoesNotContain(unassigned.Code, list, StringComparison.Ordinal);

        foreach (var data in new[] { $"lg:v:{theirs.Id}", $"lg:s:{theirs.Id}:{Current(h, theirs).Revision}", $"lg:f:{unassigned.Id}:{unassigned.Revision}" })
        {
            h.PressData(Contact, data);
            Assert.Contains("没有找到", h.LastText(Contact), StringComparison.Ordinal);
        }

        h.Send(Contact, "/finding " + theirs.Code);
        h.Send(Contact, "/findings");
        Assert.DoesNotContain("乙单位", h.AllText(Contact), StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Assigned, Current(h, theirs).Status);
        Assert.True(h.Get<AuditLog>().ForActor(Contact).Count(a => a.Action == "denied") >= 2);
    }

    [Fact]
    public void Browsing_FiltersAndOverdueAndDue()
    {
        using var h = Team(out _, start: new DateTimeOffset(2023, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var late = FindingFlowTests.Record(h, Author, "逾期单位");
        var soon = FindingFlowTests.Record(h, Author, "临期单位");
        var later = FindingFlowTests.Record(h, Author, "远期单位");
        Assign(h, late, "11-05");
        Assign(h, soon, "11-12");
        Assign(h, later, "12-30");
        h.Time.Advance(TimeSpan.FromDays(6));

        h.Send(Colleague, "/overdue");
        Assert.Contains("逾期单位", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains("逾期3天", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.DoesNotContain("临期单位", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/due");
        Assert.Contains("临期单位", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.DoesNotContain("远期单位", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/ledger 远期");
        Assert.Contains("远期单位", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.DoesNotContain("逾期单位", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/ledger 已销号");
        Assert.Contains("没有符合条件", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/ledger 危险化学品 已指派");
        Assert.Contains("逾期单位", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/ledger overdue");
        Assert.Contains("逾期单位", h.LastText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void Browsing_PagesThroughAndTheButtonsBelongToTheirOwner()
    {
        using var h = Team(out _);
        for (var i = 0; i < 19; i++)
        {
            FindingFlowTests.Record(h, Author, $"单位{i:00}");
        }

        h.Send(Colleague, "/ledger");
        var next = h.LatestButtons(Colleague).Single(b => b.Label.Contains("下一页", StringComparison.Ordinal)).Data;
        h.PressData(Colleague, next);
        var pageTwo = h.Get<Core.Storage.AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName).FindAll().Last(m => m.ChatId == Colleague).Html;
        Assert.Contains("第 2 页", pageTwo, StringComparison.Ordinal);

        h.PressData(Author, next);
        Assert.Contains("过期", h.LastText(Author), StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_WithUnitAndDeadline_StartsAssigned_AndFixedOnSpotStartsRectified()
    {
        using var h = Team(out var team);
        FindingFlowTests.WalkToReview(h, Author);
        h.Press(Author, "整改信息");
        h.Press(Author, "责任单位");
        h.Send(Author, "某局");
        h.Press(Author, "整改期限");
        h.Send(Author, "11-30");
        h.Press(Author, "下一步：核对");
        h.Press(Author, "保存");
        FindingFlowTests.WalkToReview(h, Author);
        h.Press(Author, "整改信息");
        h.Press(Author, "立行立改");
        h.Press(Author, "下一步：核对");
        h.Press(Author, "保存");

        var all = h.Get<FindingStore>().OfTeam(team.Id);
        Assert.Equal(RectificationStatus.Assigned, all[0].Status);
        Assert.Equal(RectificationStatus.Rectified, all[1].Status);
    }

    [Fact]
    public void EditingASavedFinding_CannotChangeItsRectification()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");

        h.PressData(Author, $"fd:e:{f.Id}:{Current(h, f).Revision}");

        Assert.DoesNotContain(h.LatestButtons(Author), b => b.Label.Contains("整改信息", StringComparison.Ordinal));
        h.Press(Author, "被检查单位");
        h.Send(Author, "新名称");
        h.Press(Author, "保存");
        Assert.Equal(new DateOnly(2023, 11, 20), Current(h, f).Deadline);
        Assert.Equal(RectificationStatus.Assigned, Current(h, f).Status);
    }
}
