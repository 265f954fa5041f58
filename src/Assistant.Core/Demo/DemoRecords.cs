using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Teams;

namespace Assistant.Core.Demo;

/// <summary>
/// What the demo team recorded on the second day of the visit (2 November 2023 unshifted): findings
/// over the four aspects, one major hazard, one covert, one fixed on the spot, one handed over;
/// meeting and interview notes, a tip and a highlight. Enough for <c>/summary 11-02</c>,
/// <c>/findings 11-02</c> and <c>/report</c> to show real-looking output. No deadlines are set, so
/// loading the demo plans no rectification reminders.
/// </summary>
public sealed class DemoRecords(FindingService findings, NoteStore notes, TeamStore teams)
{
    private static readonly (int Author, FindingDraft Draft)[] Findings =
    [
        (2, new FindingDraft
        {
            Aspect = Aspect.Responsibilities, Sector = Sector.UrbanGas, Method = Method.ReviewingDocuments, Covert = false,
            City = "长沙市", Unit = "湖南省住房和城乡建设厅", Severity = Severity.Problem,
            Description = "省级部门安全监管职责清单未明确瓶装燃气供应环节的监管责任",
        }),
        (3, new FindingDraft
        {
            Aspect = Aspect.Responsibilities, Sector = Sector.HazardousChemicals, Method = Method.OnSiteInspection, Covert = false,
            City = "长沙市", Place = "望城区", Unit = "长沙某化工有限公司", Severity = Severity.MajorHazard,
            Basis = "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条",
            Description = "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米",
        }),
        (4, new FindingDraft
        {
            Aspect = Aspect.Grassroots, Sector = Sector.CrowdedPlaces, Method = Method.OnSiteInspection, Covert = false,
            City = "长沙市", Place = "芙蓉区", Unit = "长沙某商场", Severity = Severity.GeneralHazard, FixedOnSpot = true,
            Description = "疏散通道堆放货物，安全出口指示标志损坏",
        }),
        (5, new FindingDraft
        {
            Aspect = Aspect.Campaigns, Sector = Sector.UrbanGas, Method = Method.OnSiteInspection, Covert = true,
            City = "株洲市", Place = "荷塘区", Unit = "株洲某液化气站", Severity = Severity.GeneralHazard, HandedOverTo = "株洲市人民政府",
            Description = "钢瓶充装前未逐瓶检查，充装记录不全",
        }),
        (3, new FindingDraft
        {
            Aspect = Aspect.Grassroots, Sector = Sector.HazardousChemicals, Method = Method.Interviews, Covert = false,
            City = "长沙市", Unit = "长沙市望城区应急管理局", Severity = Severity.Problem,
            Description = "乡镇安全监管人员对辖区危化品企业底数不清",
        }),
        (4, new FindingDraft
        {
            Aspect = Aspect.Instructions, Sector = Sector.Fire, Method = Method.ReviewingDocuments, Covert = false,
            City = "长沙市", Unit = "长沙市人民政府", Severity = Severity.Problem,
            Description = "市政府常务会议研究安全生产工作的会议纪要未明确重点任务的责任单位和完成时限",
        }),
    ];

    private static readonly (int Author, NoteKind Kind, string Text)[] Notes =
    [
        (1, NoteKind.Meeting, "省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项，整改率96%。"),
        (2, NoteKind.Interview, "望城区应急局同志表示乡镇监管力量不足，每个乡镇仅1名兼职安全员。"),
        (0, NoteKind.Highlight, "省委省政府主要负责同志定期专题研究安全生产工作，建立了省级领导包保重点企业制度。"),
    ];

    /// <summary>Adds the day's records. Call inside the loading transaction.</summary>
    public void Add(Team team, long leaderId, DateOnly visitStart, DateTime utcNow)
    {
        var day = visitStart.AddDays(1);
        var people = DemoLoader.People.Select((p, i) => teams.GetMember(i == 0 ? leaderId : p.Id)).ToList();
        foreach (var (author, draft) in Findings)
        {
            findings.Create(team, people[author]!, draft, day, utcNow);
        }

        foreach (var (author, kind, text) in Notes)
        {
            notes.Insert(Note(team, people[author]!, kind, text, day, utcNow));
        }

        var tip = Note(team, people[1]!, NoteKind.Tip, "电话举报：长沙市某液化气站违规向无资质人员销售钢瓶（举报人信息已另行登记）", day, utcNow);
        tip.TipChannel = TipChannel.Phone;
        tip.TipSubject = "长沙市某液化气站违规向无资质人员销售钢瓶";
        tip.TipHandling = "转交长沙市核查，11月8日前反馈";
        notes.Insert(tip);
    }

    private static Note Note(Team team, Member author, NoteKind kind, string text, DateOnly day, DateTime utcNow) => new()
    {
        TeamId = team.Id,
        AuthorId = author.Id,
        AuthorName = author.DisplayName,
        Kind = kind,
        Text = text,
        Day = day,
        CreatedUtc = utcNow,
    };
}
