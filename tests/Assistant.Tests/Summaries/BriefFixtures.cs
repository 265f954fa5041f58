using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Summaries;

namespace Assistant.Tests.Summaries;

/// <summary>
/// A fixed day modelled on the illustrative brief in shared/examples: team 7 in Hunan on Thursday
/// 2 November 2023, nine findings (one major hazard, two fixed on the spot, one handed over), two
/// tips, notes, today's itinerary and tomorrow's with a covert visit.
/// </summary>
public static class BriefFixtures
{
    public static readonly DateOnly Day = new(2023, 11, 2);

    public static readonly TeamFacts Team = new(1, "第七组", "G7", "湖南省", new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10));

    public const string TipsterPhone = "13912345678";

    public static FindingFact Finding(int number, Aspect aspect, Sector sector, Severity severity, string unit, string city, string description,
        Method method = Method.OnSiteInspection, bool covert = false, string? place = null, string? basis = null, string? responsible = null,
        DateOnly? deadline = null, bool fixedOnSpot = false, string? handedOver = null) =>
        new(number, "G7-" + number.ToString("000", CultureInfo.InvariantCulture), aspect, sector, null, severity, method, covert, unit, city, place,
            description, basis, responsible, deadline, fixedOnSpot, handedOver, Day);

    public static IReadOnlyList<FindingFact> Findings { get; } =
    [
        Finding(1, Aspect.Responsibilities, Sector.UrbanGas, Severity.Problem, "湖南省住房和城乡建设厅", "长沙市",
            "省级部门安全监管职责清单未明确瓶装燃气供应环节的监管责任", Method.ReviewingDocuments),
        Finding(2, Aspect.Campaigns, Sector.HazardousChemicals, Severity.GeneralHazard, "湘潭某化工有限公司", "湘潭市",
            "重大事故隐患专项排查整治行动台账与现场不一致，3处隐患未录入", place: "岳塘区", deadline: new DateOnly(2023, 11, 20)),
        Finding(3, Aspect.Grassroots, Sector.CrowdedPlaces, Severity.GeneralHazard, "长沙某商场", "长沙市",
            "疏散通道堆放货物，安全出口指示标志损坏", place: "芙蓉区", fixedOnSpot: true),
        Finding(4, Aspect.Responsibilities, Sector.HazardousChemicals, Severity.MajorHazard, "长沙某化工有限公司", "长沙市",
            "甲类仓库与办公楼防火间距不足", place: "望城区", basis: "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条",
            responsible: "长沙某化工有限公司", deadline: new DateOnly(2023, 11, 16)),
        Finding(5, Aspect.Campaigns, Sector.UrbanGas, Severity.GeneralHazard, "株洲某液化气站", "株洲市",
            "钢瓶充装前未逐瓶检查，充装记录不全", covert: true, place: "荷塘区 站内充装间", deadline: new DateOnly(2023, 11, 9)),
        Finding(6, Aspect.Responsibilities, Sector.Fire, Severity.GeneralHazard, "长沙某酒店", "长沙市",
            "消防控制室值班人员未持证上岗", place: "开福区", deadline: new DateOnly(2023, 11, 12)),
        Finding(7, Aspect.Grassroots, Sector.CrowdedPlaces, Severity.GeneralHazard, "长沙某农贸市场", "长沙市",
            "电动自行车在室内充电", place: "雨花区", fixedOnSpot: true),
        Finding(8, Aspect.Grassroots, Sector.HazardousChemicals, Severity.Problem, "湘潭市岳塘区应急管理局", "湘潭市",
            "乡镇安全监管人员对辖区危化品企业底数不清", Method.Interviews, deadline: new DateOnly(2023, 11, 30)),
        Finding(9, Aspect.Campaigns, Sector.Other, Severity.GeneralHazard, "株洲某烟花爆竹批发企业", "株洲市",
            "超量储存烟花爆竹成品", covert: true, deadline: new DateOnly(2023, 11, 10), handedOver: "株洲市人民政府"),
    ];

    public static DayFacts DayFacts { get; } = new(
        Team,
        Day,
        [
            new ItineraryFact(11, Day, new TimeOnly(8, 30), new TimeOnly(10, 0), EventKind.Briefing, "听取省应急管理厅专题汇报", "省应急管理厅", false),
            new ItineraryFact(12, Day, new TimeOnly(10, 30), new TimeOnly(12, 0), EventKind.Briefing, "听取省消防救援总队专题汇报", "省消防救援总队", false),
            new ItineraryFact(13, Day, new TimeOnly(14, 0), new TimeOnly(17, 0), EventKind.CovertVisit, null, null, true),
        ],
        [
            new ItineraryFact(21, Day.AddDays(1), new TimeOnly(8, 30), new TimeOnly(10, 0), EventKind.Briefing, "延伸湘潭市，听取市政府汇报", "湘潭市人民政府", false),
            new ItineraryFact(22, Day.AddDays(1), new TimeOnly(10, 0), new TimeOnly(12, 0), EventKind.SiteInspection, "实地检查湘潭某钢铁企业", "湘潭市岳塘区", false),
            new ItineraryFact(23, Day.AddDays(1), new TimeOnly(14, 30), new TimeOnly(17, 0), EventKind.CovertVisit, null, null, true),
            new ItineraryFact(24, Day.AddDays(1), new TimeOnly(19, 30), new TimeOnly(20, 30), EventKind.Other, "组内碰头会", null, false),
        ],
        new ActivityCounts(2, 46, 8, 5, 4, 2, 2) { Tallied = new HashSet<TallyItem> { TallyItem.Documents, TallyItem.Interviews, TallyItem.Visits } },
        Findings,
        [
            new NoteFact(31, NoteKind.Meeting, "陈静", "省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项，整改率96%。"),
            new NoteFact(32, NoteKind.Interview, "李明", "岳塘区应急局同志表示乡镇监管力量不足，每个乡镇仅1名兼职安全员。"),
        ],
        [
            new TipFact(41, TipChannel.Phone, "长沙市某液化气站违规向无资质人员销售钢瓶", "转交长沙市核查，11月8日前反馈"),
            new TipFact(42, TipChannel.Email, "株洲市某企业违规储存烟花爆竹", "转交株洲市核查，11月8日前反馈"),
        ])
    {
        IssueNumber = 2,
    };

    public static VisitFacts VisitFacts { get; } = new(
        Team,
        Team.VisitFrom,
        Team.VisitTo,
        new ActivityCounts(14, 320, 56, 31, 38, 12, 9),
        ["湘潭市", "株洲市"],
        Findings,
        [
            new NoteFact(51, NoteKind.Highlight, "刘组长", "省委省政府主要负责同志定期专题研究安全生产工作，建立了省级领导包保重点企业制度"),
            new NoteFact(52, NoteKind.Highlight, "陈静", "全省重大事故隐患专项排查整治行动部署早、推进实"),
        ],
        [
            new LeadFact("株洲某烟花爆竹批发企业：超量储存烟花爆竹成品（G7-009）", "株洲市人民政府"),
            new LeadFact("长沙市某液化气站违规向无资质人员销售钢瓶", "转交长沙市核查，11月8日前反馈"),
        ],
        new DateOnly(2023, 12, 10))
    {
        Written = new DateOnly(2023, 11, 10),
    };
}
