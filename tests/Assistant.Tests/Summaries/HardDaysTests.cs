using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Documents;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Summaries;

/// <summary>
/// Three days of a visit made to hold the hard cases, written from real records through <see cref="FactsBuilder"/>
/// and pinned by golden files in both languages (Golden/hard-*.md): a tipster named with his phone number in an
/// ordinary note, an aspect with a single problem, a long note with nested quotation marks, a covert visit and a covert
/// major hazard, a tip, a closure and an extension on the day, and findings recorded after the visit (feedback).
/// </summary>
public sealed class HardDaysTests
{
    private static readonly DateOnly Day1 = new(2023, 11, 3);
    private static readonly DateOnly Day2 = new(2023, 11, 4);
    private static readonly DateOnly Day3 = new(2023, 11, 9);
    private static readonly DateOnly AfterVisit = new(2023, 11, 15);
    private static readonly DateOnly Written = new(2023, 11, 16);

    private const string LongMeetingNote =
        "湘潭市政府汇报会上，市长介绍了“安全生产“一件事“全链条”监管”改革”的推进情况：全市已对1326家危化品企业建立“一企一档”，" +
        "重大事故隐患专项排查整治行动开展以来共排查隐患4210项，整改率93.5%。市应急管理局补充说明，岳塘区、雨湖区两个化工集中区已完成封闭化管理改造，" +
        "但部分乡镇街道安全监管力量仍然薄弱，专职安全员平均每个乡镇不足1名，基层执法装备配备不到位。市住建局介绍了城镇燃气安全专项整治情况，" +
        "全市共排查燃气用户21.6万户，发现隐患1.3万处，已整改1.1万处，剩余隐患正在按计划推进。市消防救援支队介绍了高层建筑消防安全整治情况，" +
        "对全市423栋高层建筑逐栋开展了检查，督促整改消防设施故障、疏散通道堵塞等问题。会上，组长要求市政府进一步压实属地责任，" +
        "对排查出的重大事故隐患逐项建立台账、明确时限、挂牌督办，确保按期整改到位，并对乡镇监管力量不足问题拿出具体措施。";

    public static TheoryData<string, string> Documents => new()
    {
        { "day1", "zh-CN" }, { "day1", "en" },
        { "day2", "zh-CN" }, { "day2", "en" },
        { "day3", "zh-CN" }, { "day3", "en" },
        { "feedback", "zh-CN" }, { "feedback", "en" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void HardDay_MatchesTheGoldenFile(string which, string language)
    {
        using var h = Seeded(out var team);

        var doc = Write(h, team, which, language == "en" ? TextCatalog.Default.English : TextCatalog.Default.Chinese);

        Golden.AssertMatches($"hard-{which}.{language}.md", BriefMarkdown.Render(doc));
    }

    [Fact]
    public void HardDays_WhatASecretaryChecksFirst()
    {
        using var h = Seeded(out var team);
        var zh = TextCatalog.Default.Chinese;
        var day1 = OfflineWriterTests.AllText(Write(h, team, "day1", zh));
        var day2 = Write(h, team, "day2", zh);
        var day3 = OfflineWriterTests.AllText(Write(h, team, "day3", zh));
        var feedback = Write(h, team, "feedback", zh);

        Assert.DoesNotContain("王建国", day1, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", day1, StringComparison.Ordinal);
        Assert.Contains("湘潭某液化气站夜间向无证人员售气", day1, StringComparison.Ordinal);
        Assert.Contains("（一）习近平总书记重要指示批示精神和党中央国务院决策部署学习贯彻方面\n\n湘潭市人民政府：", day1, StringComparison.Ordinal);
        Assert.Contains("“安全生产‘一件事“全链条”监管’改革”", day1, StringComparison.Ordinal);
        Assert.Contains("举报人〔已隐去〕（电话〔已隐去〕）反映", day1, StringComparison.Ordinal);
        Assert.NotNull(Write(h, team, "day1", zh).Sensitivity); // tomorrow's covert visit: its time is a covert detail
        Assert.Equal("内部资料　注意保存", day2.Sensitivity);
        Assert.Contains("湘潭某烟花爆竹仓库（湘潭市雨湖区，暗访）", OfflineWriterTests.AllText(day2), StringComparison.Ordinal);
        Assert.Contains("当日整改销号1项（G7-001）；延长整改期限1项（G7-005，由11月18日延至12月2日）", day3, StringComparison.Ordinal);
        Assert.Contains("（六）考核巡查结束后发现的问题", OfflineWriterTests.AllText(feedback), StringComparison.Ordinal);
        Assert.Contains("延伸检查了湘潭市。", OfflineWriterTests.AllText(feedback), StringComparison.Ordinal);
    }

    private static BriefDocument Write(CoreHarness h, Team team, string which, Texts t)
    {
        var facts = h.Get<FactsBuilder>();
        return which switch
        {
            "day1" => OfflineBriefWriter.Daily(facts.Day(team, Day1), t),
            "day2" => OfflineBriefWriter.Daily(facts.Day(team, Day2), t),
            "day3" => OfflineBriefWriter.Daily(facts.Day(team, Day3), t),
            _ => OfflineBriefWriter.Feedback(facts.Visit(team, Written), t),
        };
    }

    private static CoreHarness Seeded(out Team seeded)
    {
        var h = Team(out seeded, start: new DateTimeOffset(2023, 11, 16, 1, 0, 0, TimeSpan.Zero));
        var team = seeded;
        var store = h.Get<FindingStore>();
        var number = 0;
        Finding Add(DateOnly day, Aspect aspect, Sector sector, Severity severity, string unit, string city, string? place, string description,
            Method method = Method.OnSiteInspection, bool covert = false, string? basis = null, DateOnly? deadline = null, bool fixedOnSpot = false, string? handedOver = null)
        {
            number++;
            var f = new Finding
            {
                TeamId = team.Id, Number = number, Code = $"{team.Code}-{number:000}", AuthorId = Author, AuthorName = "李明",
                Aspect = aspect, Sector = sector, Severity = severity, Method = method, Covert = covert, Unit = unit, City = city, Place = place,
                Description = description, Basis = basis, Deadline = deadline, FixedOnSpot = fixedOnSpot, HandedOverTo = handedOver, Day = day,
                Status = fixedOnSpot ? RectificationStatus.Rectified : deadline is null ? RectificationStatus.Open : RectificationStatus.Assigned,
                CreatedUtc = Utc(day, 8),
            };
            store.Insert(f);
            return f;
        }

        // Day 1, 3 November: 湘潭, a single-item aspect, a long note, a tipster in a plain note.
        Item(h, team, Day1, 8, 30, 9, 30, EventKind.Travel, "赴湘潭市", "长沙—湘潭");
        Item(h, team, Day1, 9, 30, 11, 30, EventKind.Briefing, "听取湘潭市政府安全生产和消防工作汇报", "湘潭市人民政府");
        Item(h, team, Day1, 14, 0, 17, 0, EventKind.SiteInspection, "检查湘潭某钢铁企业煤气区域", "湘潭市岳塘区");
        var closedLater = Add(Day1, Aspect.Instructions, Sector.Other, Severity.Problem, "湘潭市人民政府", "湘潭市", null,
            "市政府常务会议研究安全生产工作的会议纪要未明确重点任务的责任单位和完成时限", Method.ReviewingDocuments, deadline: new DateOnly(2023, 11, 30));
        Add(Day1, Aspect.Campaigns, Sector.HazardousChemicals, Severity.GeneralHazard, "湘潭某钢铁企业", "湘潭市", "岳塘区煤气柜区域",
            "煤气柜区域可燃气体报警装置未定期检定", deadline: new DateOnly(2023, 11, 20));
        Add(Day1, Aspect.Campaigns, Sector.UrbanGas, Severity.GeneralHazard, "湘潭某燃气公司", "湘潭市", null, "瓶装液化气充装记录缺失 ", fixedOnSpot: true);
        Note(h, team, Day1, NoteKind.Meeting, LongMeetingNote);
        Note(h, team, Day1, NoteKind.General, "晚上接到群众电话，举报人王建国（电话13912345678）反映湘潭某液化气站夜间向无证人员售气，已请湘潭市应急局核实。");

        // Day 2, 4 November: a covert visit, a covert major hazard, a tip and an interview.
        Item(h, team, Day2, 6, 0, 8, 30, EventKind.CovertVisit, "暗访雨湖区烟花爆竹仓库", "湘潭市雨湖区", covert: true);
        Item(h, team, Day2, 14, 30, 17, 0, EventKind.Interview, "与湘潭市、区县负责同志个别谈话", "湘潭市人民政府");
        Item(h, team, Day2.AddDays(1), 9, 0, 12, 0, EventKind.DocumentReview, "调阅湘潭市安全生产责任制考核材料", "湘潭驻地");
        Add(Day2, Aspect.Grassroots, Sector.Other, Severity.MajorHazard, "湘潭某烟花爆竹仓库", "湘潭市", "雨湖区",
            "仓库超量储存烟花爆竹成品约12吨，核定储量为5吨", covert: true, basis: "《烟花爆竹生产经营单位重大生产安全事故隐患判定标准》第四条",
            deadline: new DateOnly(2023, 11, 11), handedOver: "湘潭市应急管理局");
        var extendedLater = Add(Day2, Aspect.Responsibilities, Sector.Construction, Severity.GeneralHazard, "湘潭某建筑工地", "湘潭市", "九华经开区",
            "塔吊司机无证上岗", deadline: new DateOnly(2023, 11, 18));
        Note(h, team, Day2, NoteKind.Interview, "雨湖区负责同志表示，区应急管理局执法人员仅6人，难以覆盖全区200余家重点企业。");
        var tip = Note(h, team, Day2, NoteKind.Tip, "电话举报：湘潭某化工厂夜间偷排");
        tip.TipChannel = TipChannel.Phone;
        tip.TipSubject = "湘潭某化工厂夜间偷排废液";
        tip.TipHandling = "转交湘潭市生态环境局核查，11月10日前反馈";
        h.Get<NoteStore>().Update(tip);

        // Day 3, 9 November: back in 长沙; a closure and an extension recorded that day; a document review; a highlight.
        Item(h, team, Day3, 9, 0, 11, 30, EventKind.DocumentReview, "补充调阅省直部门材料", "省应急管理厅");
        Add(Day3, Aspect.Grassroots, Sector.CrowdedPlaces, Severity.GeneralHazard, "长沙某商场", "长沙市", "芙蓉区", "疏散通道堆放货物", deadline: new DateOnly(2023, 11, 20));
        Close(h, closedLater, Utc(Day3, 10));
        extendedLater.DeadlineChanges.Add(new DeadlineChange { From = new DateOnly(2023, 11, 18), To = new DateOnly(2023, 12, 2), Reason = "需更换设备", TimeUtc = Utc(Day3, 11) });
        extendedLater.Deadline = new DateOnly(2023, 12, 2);
        store.Update(extendedLater);
        Note(h, team, Day3, NoteKind.DocumentReview, "抽查的省直部门安全生产权力和责任清单中，有3个部门未按新修订的安全生产法更新。");
        Note(h, team, Day3, NoteKind.Highlight, "湘潭市建立了重大事故隐患“发现—交办—整改—销号”闭环管理平台，实现全流程线上督办");

        // After the visit (10 November): one more finding, recorded on 15 November.
        Add(AfterVisit, Aspect.Campaigns, Sector.UrbanGas, Severity.GeneralHazard, "长沙某餐饮店", "长沙市", "岳麓区", "燃气管道穿越卧室，未安装燃气泄漏报警装置", deadline: new DateOnly(2023, 11, 30));
        return h;
    }

    private static void Close(CoreHarness h, Finding f, DateTime utc)
    {
        f.Status = RectificationStatus.Closed;
        f.VerifiedUtc = utc;
        f.VerifiedById = Liaison;
        f.VerifiedByName = "陈静";
        h.Get<FindingStore>().Update(f);
    }

    private static void Item(CoreHarness h, Team team, DateOnly day, int fromHour, int fromMinute, int toHour, int toMinute, EventKind kind, string title, string place, bool covert = false) =>
        h.Get<ScheduleStore>().Insert(new ScheduleItem
        {
            TeamId = team.Id, Kind = covert ? EventKind.CovertVisit : kind, Title = title, Place = place, WholeTeam = !covert,
            StartUtc = Utc(day, fromHour, fromMinute), EndUtc = Utc(day, toHour, toMinute),
        });

    private static Note Note(CoreHarness h, Team team, DateOnly day, NoteKind kind, string text)
    {
        var note = new Note { TeamId = team.Id, AuthorId = Author, AuthorName = "李明", Kind = kind, Text = text, Day = day, CreatedUtc = Utc(day, 12) };
        h.Get<NoteStore>().Insert(note);
        return note;
    }

    /// <summary>Team time (Asia/Shanghai, UTC+8) as UTC.</summary>
    private static DateTime Utc(DateOnly day, int hour, int minute = 0) =>
        new DateTime(day.Year, day.Month, day.Day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);
}
