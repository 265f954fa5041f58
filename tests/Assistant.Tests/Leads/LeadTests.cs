using System.Globalization;
using Assistant.Core.Audit;
using Assistant.Core.Common;
using Assistant.Core.Findings;
using Assistant.Core.Leads;
using Assistant.Core.Messaging;
using Assistant.Core.Reminders;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Documents;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Ledger;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Leads;

/// <summary>A lead's life end to end on the real core: made from a tip or a handed-over finding, /leads by role, its flow, reminders, the annex.</summary>
public sealed class LeadTests
{
    private const long Stranger = 950;
    private const long Newcomer = 907;

    internal static Lead Tip(CoreHarness h, long user = Author, string subject = "长沙市某液化气站违规充装", string handling = "转交长沙市核查，11月8日前反馈")
    {
        h.Send(user, "王某某 13812345678 来电举报某液化气站违规充装");
        h.Press(user, "举报线索");
        h.Press(user, "电话");
        h.Send(user, subject);
        h.Send(user, handling);
        return Leads(h).OrderBy(l => l.Id).Last();
    }

    internal static Finding HandedOver(CoreHarness h, long user, string handover)
    {
        FindingFlowTests.WalkToReview(h, user);
        h.Press(user, "整改信息");
        h.Press(user, "移交属地");
        h.Send(user, handover);
        h.Press(user, "下一步：核对");
        h.Press(user, "保存");
        return h.Get<FindingStore>().ByAuthor(h.Get<TeamStore>().GetMember(user)!.TeamId, user)[0];
    }

    private static List<Lead> Leads(CoreHarness h) => [.. h.Get<LeadStore>().OfTeam(h.Get<TeamStore>().GetMember(Leader)!.TeamId)];

    private static Lead Current(CoreHarness h, Lead lead) => h.Get<LeadStore>().Get(lead.Id)!;

    private static void SendFile(CoreHarness h, long user, string name) => h.Dispatch(CoreHarness.Text(user, "") with
    {
        Text = null,
        Files = [new IncomingFile(FileKind.Document, "file-" + name, name, null, 1000)],
    });

    private static void Through(CoreHarness h, int month, int day) =>
        DeadlineReminderTests.Through(h, new DateTimeOffset(2023, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

    private static List<string> Texts(CoreHarness h, long chat, string fragment) =>
        [.. h.Messages(chat).Select(m => Html.ToPlainText(m.Html)).Where(m => m.Contains(fragment, StringComparison.Ordinal))];

    [Fact]
    public void TheHandlingQuestionsExample_NamesADateAWeekAhead_WhichTypedAsShownBecomesTheLeadsDate()
    {
        using var h = Team(out _);
        var today = TimeZones.Today(h.Time.GetUtcNow(), TimeZones.Find("Asia/Shanghai")!);
        var example = "转交长沙市核查，" + today.AddDays(7).ToString("M月d日", CultureInfo.InvariantCulture) + "前反馈";

        h.Send(Author, "来电举报某液化气站违规充装");
        h.Press(Author, "举报线索");
        h.Press(Author, "电话");
        h.Send(Author, "某液化气站违规充装");
        Assert.Contains("例如：" + example + "。", h.LastText(Author), StringComparison.Ordinal);
        h.Send(Author, example);

        Assert.Equal(today.AddDays(7), Leads(h).Single().DueDate);
    }

    [Fact]
    public void ATip_BecomesALead_WithTheDateItsHandlingNames_AndNoTipsterIdentity()
    {
        using var h = Team(out var team);

        var lead = Tip(h);

        Assert.Equal(LeadChannel.Tip, lead.Channel);
        Assert.Equal("XS001", lead.Code);
        Assert.Equal("长沙市某液化气站违规充装", lead.Subject);
        Assert.Equal("转交长沙市核查，11月8日前反馈", lead.HandedOverTo);
        Assert.Equal(new DateOnly(2023, 11, 8), lead.DueDate);
        Assert.Equal(Author, lead.TakenBy);
        Assert.NotNull(lead.SourceNoteId);
        Assert.Contains("已建立线索XS001，11月8日前反馈", h.AllText(Author), StringComparison.Ordinal);
        var stored = System.Text.Json.JsonSerializer.Serialize(lead);
        Assert.DoesNotContain("13812345678", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("王某某", stored, StringComparison.Ordinal);
        Assert.Equal(team.Id, lead.TeamId);
    }

    [Fact]
    public void ATipWhoseTextIdentifiesTheTipster_IsRefused_AndTheLeadHoldsOnlyTheCleanText()
    {
        using var h = Team(out _);
        h.Send(Author, "王某某 13812345678 来电举报某液化气站违规充装");
        h.Press(Author, "举报线索");
        h.Press(Author, "电话");
        h.Send(Author, "王某某 13812345678 反映液化气站违规充装");
        Assert.Contains("识别举报人", h.AllText(Author), StringComparison.Ordinal);
        Assert.Empty(Leads(h));
        h.Send(Author, "长沙市某液化气站违规充装");
        h.Send(Author, "举报人李四，电话13900001111，转交长沙市核查");
        Assert.Empty(Leads(h));
        h.Press(Author, "转交属地核查");

        var lead = Assert.Single(Leads(h));
        Assert.Equal("转交属地核查", lead.HandedOverTo);
        Assert.Null(lead.DueDate);
        Assert.Contains("还没有反馈期限", h.AllText(Author), StringComparison.Ordinal);
        foreach (var text in new[] { lead.Subject, lead.HandedOverTo })
        {
            Assert.DoesNotContain("1390000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1381234", text, StringComparison.Ordinal);
            Assert.DoesNotContain("王某某", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ATipSavedAgain_UpdatesItsLead_InsteadOfAddingOne()
    {
        using var h = Team(out _);
        var lead = Tip(h);
        var note = lead.SourceNoteId!.Value;
        h.PressData(Author, $"n:{note}:k:Tip");
        h.Press(Author, "电话");
        h.Send(Author, "长沙市某液化气站违规充装");
        h.Send(Author, "转交长沙市核查，11月12日前反馈");

        var again = Assert.Single(Leads(h));
        Assert.Equal(new DateOnly(2023, 11, 12), again.DueDate);
    }

    [Fact]
    public void AFindingHandedOver_BecomesALead_LinkedToIt_AndOneNotHandedOverDoesNot()
    {
        using var h = Team(out _);
        FindingFlowTests.Record(h, Colleague);
        Assert.Empty(Leads(h));

        var finding = HandedOver(h, Author, "转交株洲市应急管理局核查，11月20日前反馈");

        var lead = Assert.Single(Leads(h));
        Assert.Equal(LeadChannel.HandedOverFinding, lead.Channel);
        Assert.Equal([finding.Code], lead.FindingCodes);
        Assert.Equal(finding.Id, lead.SourceFindingId);
        Assert.StartsWith("长沙某化工有限公司：甲类仓库与办公楼防火间距不足", lead.Subject, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 11, 20), lead.DueDate);
        Assert.Equal(Author, lead.TakenBy);
    }

    [Theory]
    [InlineData("转交长沙市核查，11月8日前反馈", 2023, 11, 8)]
    [InlineData("请于2024年1月15日前书面反馈", 2024, 1, 15)]
    [InlineData("转交长沙市，1月10日前反馈", 2024, 1, 10)]
    [InlineData("reply by 20 Nov", 2023, 11, 20)]
    [InlineData("转交属地核查", 0, 0, 0)]
    [InlineData("13月40日前反馈", 0, 0, 0)]
    public void DueDate_IsReadFromTheHandover_InTheVisitsYear(string text, int year, int month, int day)
    {
        var options = new Assistant.Core.Common.DateInputOptions(Assistant.Core.Common.DateQuestion.Plan, new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10));
        var due = LeadDueDate.In(text, new DateOnly(2023, 11, 9), options);
        Assert.Equal(year == 0 ? null : new DateOnly(year, month, day), due);
    }

    [Fact]
    public void Leads_AreListedByRole_AndOnlyToThoseWhoMaySeeThem()
    {
        using var h = Team(out _);
        h.AddMember(h.Get<TeamStore>().GetTeam(h.Get<TeamStore>().GetMember(Leader)!.TeamId)!, Newcomer, Role.Member, "新成员");
        var tip = Tip(h);
        HandedOver(h, Colleague, "株洲市人民政府");
        var handed = Leads(h).Single(l => l.Channel == LeadChannel.HandedOverFinding);
        var other = h.CreateTeam("第八组", "湖北省", "T8");
        h.AddMember(other, Stranger, Role.Leader, "别组组长");
        h.Clear();

        foreach (var reader in new[] { Leader, Liaison })
        {
            h.Send(reader, "/leads");
            Assert.Contains("XS001", h.LastText(reader), StringComparison.Ordinal);
            Assert.Contains("XS002", h.LastText(reader), StringComparison.Ordinal);
        }

        h.Send(Author, "/leads");
        Assert.Contains("XS001", h.LastText(Author), StringComparison.Ordinal);
        Assert.DoesNotContain("XS002", h.LastText(Author), StringComparison.Ordinal);
        h.Send(Colleague, "/leads");
        Assert.DoesNotContain("XS001", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains("XS002", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Newcomer, "/leads");
        Assert.Contains("没有符合条件的线索", h.LastText(Newcomer), StringComparison.Ordinal);
        h.Send(Contact, "/leads");
        Assert.DoesNotContain("XS00", h.AllText(Contact), StringComparison.Ordinal);
        h.Send(Stranger, "/leads");
        Assert.Contains("没有符合条件的线索", h.LastText(Stranger), StringComparison.Ordinal);

        // Forged buttons for a lead one may not see: nothing shown, nothing changed, an audit line.
        h.Clear();
        h.PressData(Stranger, $"ld:v:{tip.Id}");
        h.PressData(Stranger, $"ld:a:{tip.Id}:Close");
        h.PressData(Colleague, $"ld:v:{tip.Id}");
        h.PressData(Newcomer, $"ld:a:{handed.Id}:Answer");
        h.PressData(Contact, $"ld:v:{tip.Id}");
        foreach (var user in new[] { Stranger, Colleague, Newcomer, Contact })
        {
            Assert.DoesNotContain("液化气站", h.AllText(user), StringComparison.Ordinal);
            Assert.DoesNotContain("化工", h.AllText(user), StringComparison.Ordinal);
        }

        Assert.Contains("没有找到这条线索", h.LastText(Stranger), StringComparison.Ordinal);
        Assert.True(Current(h, tip).IsOpen);
        Assert.Null(h.Get<Assistant.Core.Conversations.DraftStore>().Get(Stranger));
        Assert.Null(h.Get<Assistant.Core.Conversations.DraftStore>().Get(Newcomer));
        Assert.Contains(h.Get<AuditLog>().Recent(50), e => e.Action == "denied" && e.ActorUserId == Stranger && e.Detail!.StartsWith("lead", StringComparison.Ordinal));
    }

    [Fact]
    public void Answer_Result_AndClose_ByRole_WithWhoClosedItRecorded()
    {
        using var h = Team(out _);
        var lead = Tip(h);
        h.Clear();

        h.Send(Author, "/leads");
        h.Press(Author, "XS001");
        Assert.Equal(["登记反馈", "设定反馈期限", "关联问题"], h.LatestButtons(Author).Select(b => b.Label).ToArray());
        h.Press(Author, "登记反馈");
        SendFile(h, Author, "长沙市核查报告.pdf");
        Assert.Contains("长沙市核查报告.pdf", h.LastText(Author), StringComparison.Ordinal);
        h.Send(Author, "经核查，该站存在违规充装行为，已责令停业整顿");
        h.Press(Author, "查实");

        var answered = Current(h, lead);
        Assert.Equal("经核查，该站存在违规充装行为，已责令停业整顿", answered.Answer);
        Assert.Equal("长沙市核查报告.pdf", Assert.Single(answered.AnswerDocuments).FileName);
        Assert.Equal(LeadResult.Substantiated, answered.Result);
        Assert.True(answered.IsOpen);
        Assert.Contains("已反馈：查实", h.LastText(Author), StringComparison.Ordinal);

        h.PressData(Author, $"ld:a:{lead.Id}:Close");
        Assert.Equal("只有组长和联络员可以办结线索。", h.LastText(Author));
        Assert.True(Current(h, lead).IsOpen);

        h.Send(Liaison, "/leads");
        h.Press(Liaison, "XS001");
        h.Press(Liaison, "办结");
        Assert.DoesNotContain(h.LatestButtons(Liaison), b => b.Label == "仍在核查");
        h.Press(Liaison, "部分查实");
        var closed = Current(h, lead);
        Assert.False(closed.IsOpen);
        Assert.Equal(Liaison, closed.ClosedBy);
        Assert.Equal(LeadResult.PartlySubstantiated, closed.Result);
        Assert.Contains("办结人：陈静", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Contains("已办结（部分查实）", h.LastText(Liaison), StringComparison.Ordinal);

        // A closed lead takes only links; the list's filters find it among the closed ones.
        h.PressData(Liaison, $"ld:a:{lead.Id}:Answer");
        Assert.Contains("已办结", h.LastText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "/leads");
        Assert.DoesNotContain("XS001", h.LastText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "/leads 已办结");
        Assert.Contains("XS001", h.LastText(Liaison), StringComparison.Ordinal);
    }

    [Fact]
    public void DueDate_AndLink_BadInputIsAnswered_AndNothingIsLost()
    {
        using var h = Team(out _);
        var lead = Tip(h);
        var finding = FindingFlowTests.Record(h, Colleague);
        h.Clear();

        h.PressData(Leader, $"ld:a:{lead.Id}:Due");
        h.Send(Leader, "明天的明天的后天");
        Assert.Contains("没看懂", h.AllText(Leader), StringComparison.Ordinal);
        h.Send(Leader, "2023-10-01");
        Assert.Contains("已经过去", h.AllText(Leader), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 11, 8), Current(h, lead).DueDate);
        h.Send(Leader, "11月15日");
        Assert.Equal(new DateOnly(2023, 11, 15), Current(h, lead).DueDate);

        h.PressData(Leader, $"ld:a:{lead.Id}:Link");
        h.Send(Leader, "G7-999");
        Assert.Contains("没有找到本组的问题“G7-999”", h.AllText(Leader), StringComparison.Ordinal);
        h.Send(Leader, finding.Code);
        Assert.Equal([finding.Code], Current(h, lead).FindingCodes);
        Assert.Contains("关联问题：" + finding.Code, h.LastText(Leader), StringComparison.Ordinal);

        // Forged or stale data: nothing starts, nothing changes.
        h.Clear();
        h.PressData(Leader, $"ld:a:{lead.Id}:Bogus");
        h.PressData(Leader, $"ld:a:{lead.Id}:7");
        h.PressData(Leader, "ld:p:9:0:");
        h.PressData(Leader, "ld:x");
        Assert.True(h.Messages(Leader).All(m => Html.ToPlainText(m.Html).Contains("已过期", StringComparison.Ordinal)), h.AllText(Leader));
        Assert.Null(h.Get<Assistant.Core.Conversations.DraftStore>().Get(Leader));
    }

    [Fact]
    public void List_IsOverdueFirst_Filtered_AndPaged()
    {
        using var h = Team(out var team);
        var store = h.Get<LeadStore>();
        var now = h.Time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 12; i++)
        {
            store.Add(team.Id, LeadChannel.Tip, $"线索{i:00}", "长沙市", new DateOnly(2023, 11, 20).AddDays(-i), Liaison, now);
        }

        store.Add(team.Id, LeadChannel.Tip, "燃气管道占压", "岳阳市", new DateOnly(2023, 10, 30), Liaison, now);
        h.Send(Leader, "/leads");
        var first = h.LastText(Leader);
        Assert.StartsWith("线索（未办结）第1页\nXS013 燃气管道占压 · 逾期3天未反馈", first, StringComparison.Ordinal);
        h.Press(Leader, "下一页");
        var pageTwo = Html.ToPlainText(h.Get<Assistant.Core.Storage.AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName).FindAll().Last(m => m.ChatId == Leader).Html);
        Assert.StartsWith("线索（未办结）第2页\nXS003", pageTwo, StringComparison.Ordinal);
        Assert.Contains("XS001", pageTwo, StringComparison.Ordinal);
        Assert.DoesNotContain("XS013", pageTwo, StringComparison.Ordinal);

        h.Send(Leader, "/leads 逾期");
        Assert.Contains("XS013", h.LastText(Leader), StringComparison.Ordinal);
        Assert.DoesNotContain("XS001", h.LastText(Leader), StringComparison.Ordinal);
        h.Send(Leader, "/leads 燃气");
        Assert.Contains("XS013", h.LastText(Leader), StringComparison.Ordinal);
        Assert.DoesNotContain("XS002", h.LastText(Leader), StringComparison.Ordinal);

        h.Send(Leader, "/lang en");
        h.Send(Leader, "/leads overdue");
        Assert.StartsWith("Leads (overdue), page 1\nXS013 燃气管道占压 · no feedback, 3 days overdue", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_BeforeAndWhenPassed_ToTheLiaisonAndTheLeader_EachOnce()
    {
        using var h = Team(out _);
        Tip(h);
        h.Clear();

        Through(h, 11, 5);
        Assert.Empty(Texts(h, Liaison, "线索"));
        Through(h, 11, 20);

        foreach (var user in new[] { Liaison, Leader })
        {
            var before = Assert.Single(Texts(h, user, "线索反馈提醒"));
            Assert.Contains("XS001“长沙市某液化气站违规充装”（转交长沙市核查，11月8日前反馈）应于2023年11月8日前反馈，还有 2 天", before, StringComparison.Ordinal);
            Assert.Single(Texts(h, user, "线索逾期"));
        }

        Assert.Empty(Texts(h, Author, "线索"));
        Assert.Empty(Texts(h, Colleague, "线索"));
    }

    [Fact]
    public void Reminders_StopOnceAnswered_AndFollowANewDate()
    {
        using var h = Team(out _);
        var answered = Tip(h);
        var moved = Tip(h, subject: "某烟花爆竹仓库超量储存", handling: "转交浏阳市核查，11月9日前反馈");
        h.PressData(Author, $"ld:a:{answered.Id}:Answer");
        h.Send(Author, "已收到浏阳市的书面答复");
        h.Press(Author, "仍在核查");
        h.PressData(Leader, $"ld:a:{moved.Id}:Due");
        h.Send(Leader, "11月15日");
        h.Clear();

        Through(h, 11, 12);
        Assert.Empty(Texts(h, Liaison, "XS001"));
        Assert.Empty(Texts(h, Liaison, "XS002")); // its first date, 9 November, no longer holds
        Through(h, 11, 17);
        Assert.Single(Texts(h, Liaison, "线索反馈提醒"));
        Assert.Contains("2023年11月15日", Texts(h, Liaison, "线索逾期").Single(), StringComparison.Ordinal);
        Assert.Empty(Texts(h, Liaison, "XS001"));
    }

    [Fact]
    public void ReminderScan_ReadsOnlyLeadsStillToPlan()
    {
        using var h = Team(out var team);
        var store = h.Get<LeadStore>();
        var now = h.Time.GetUtcNow().UtcDateTime;
        var near = store.Add(team.Id, LeadChannel.Tip, "甲", null, new DateOnly(2023, 11, 3), Liaison, now)!;
        var far = store.Add(team.Id, LeadChannel.Tip, "乙", null, new DateOnly(2023, 12, 30), Liaison, now)!;
        var orphan = store.Add(9_999, LeadChannel.Tip, "丙", null, new DateOnly(2023, 11, 2), Liaison, now)!;
        Assert.Equal([orphan.Id, near.Id], store.AllOpenDueBefore(new DateOnly(2023, 11, 6)).Select(l => l.Id));

        h.Get<ReminderService>().RunOnce();

        Assert.Empty(store.AllOpenDueBefore(new DateOnly(2023, 11, 6)));
        Assert.Equal([far.Id], store.AllOpenDueBefore(new DateOnly(2024, 1, 1)).Select(l => l.Id));
        Assert.Equal(4, h.Get<ReminderStore>().About(LeadReminders.Subject(near)).Count); // before and passed, liaison and leader
        Assert.Empty(h.Get<ReminderStore>().About(LeadReminders.Subject(orphan)));
    }

    [Fact]
    public void Reminder_WaitsForTheEndOfQuietHours()
    {
        using var h = Team(out _);
        Tip(h);
        h.Send(Liaison, "/quiet 08:00-12:00");
        Through(h, 11, 5);
        h.Clear();

        Through(h, 11, 6);
        Assert.Empty(Texts(h, Liaison, "线索反馈提醒"));
        Assert.Single(Texts(h, Leader, "线索反馈提醒"));
        h.Time.Advance(TimeSpan.FromHours(2.5));
        h.Get<ReminderService>().RunOnce();
        Assert.Single(Texts(h, Liaison, "线索反馈提醒"));
        h.Time.Advance(TimeSpan.FromHours(3));
        h.Get<ReminderService>().RunOnce();
        Assert.Single(Texts(h, Liaison, "线索反馈提醒"));
    }

    [Fact]
    public void FeedbackAnnex_ShowsEachLeadsStatus_InBothLanguages()
    {
        using var h = Team(out var team);
        var tip = Tip(h);
        var finding = HandedOver(h, Colleague, "株洲市人民政府");
        h.PressData(Liaison, $"ld:a:{tip.Id}:Close");
        h.Press(Liaison, "查实");

        var facts = h.Get<FactsBuilder>().Visit(team, new DateOnly(2023, 11, 2));
        Assert.Equal(LeadStage.Substantiated, facts.Leads.Single(l => l.What.Contains("液化气站", StringComparison.Ordinal)).Status!.Stage);
        Assert.True(facts.Leads.Single(l => l.What.Contains("液化气站", StringComparison.Ordinal)).Status!.Closed);
        Assert.Equal(LeadStage.Awaiting, facts.Leads.Single(l => l.What.Contains(finding.Code, StringComparison.Ordinal)).Status!.Stage);

        var zh = BriefMarkdown(h, facts, Assistant.Core.Localization.Language.Chinese);
        Assert.Contains("办理情况", zh, StringComparison.Ordinal);
        Assert.Contains("查实，已办结", zh, StringComparison.Ordinal);
        Assert.Contains("待反馈", zh, StringComparison.Ordinal);
        var en = BriefMarkdown(h, facts, Assistant.Core.Localization.Language.English);
        Assert.Contains("substantiated, closed", en, StringComparison.Ordinal);
        Assert.Contains("awaiting feedback", en, StringComparison.Ordinal);
    }

    private static string BriefMarkdown(CoreHarness h, VisitFacts facts, Assistant.Core.Localization.Language language)
    {
        var t = h.Get<Assistant.Core.Localization.TextCatalog>().For(language);
        var document = OfflineBriefWriter.Feedback(facts, t);
        var tables = document.Annexes.Select(a => a.Content).OfType<BriefTable>().ToList();
        return string.Join("\n", tables.SelectMany(x => x.Headings.Concat(x.Rows.SelectMany(r => r))));
    }
}
