using Assistant.Core.Findings;
using Assistant.Core.Leads;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Teams;

namespace Assistant.Core.Demo;

/// <summary>
/// What the demo team recorded: on the second day of the visit (2 November 2023 unshifted) findings
/// over the four aspects, one major hazard, one covert, one fixed on the spot, one handed over;
/// meeting and interview notes, a tip and a highlight; on the first day one finding from an interview.
/// Enough for <c>/summary</c>, <c>/findings</c> and <c>/report</c> to show real-looking output. Their
/// rectification covers the whole ledger, with deadlines counted from the visit (so they move with
/// it): one overdue since the first day, two due within a week of the second, one without a deadline
/// to assign, one whose fix waits to be verified, one verified and closed with an opinion.
/// </summary>
public sealed class DemoRecords(
    FindingService findings,
    FindingStore store,
    NoteStore notes,
    TeamStore teams,
    LedgerReminders reminders,
    ReminderStore reminderRows,
    LeadIntake leads,
    LeadStore leadRows,
    LeadReminders leadReminders)
{
    /// <summary>The day of the visit a finding was recorded on (1 is the first) and its rectification.</summary>
    private sealed record DemoFinding(int Author, int Day, FindingDraft Draft, int? DeadlineDay = null, Fix? Fix = null, Verification? Verified = null);

    /// <summary>The fix was submitted (or, fixed on the spot, described) by a member, in words.</summary>
    private sealed record Fix(int By, string Note);

    private sealed record Verification(int By, string Opinion);

    /// <summary>Made afresh for each load: the drafts get the deadlines of that load's visit.</summary>
    private static DemoFinding[] Findings() =>
    [
        new(2, 2, new FindingDraft
        {
            Aspect = Aspect.Responsibilities, Sector = Sector.UrbanGas, Method = Method.ReviewingDocuments, Covert = false,
            City = "长沙市", Unit = "湖南省住房和城乡建设厅", Severity = Severity.Problem,
            Description = "省级部门安全监管职责清单未明确瓶装燃气供应环节的监管责任",
            ResponsibleUnit = "湖南省住房和城乡建设厅",
        }, DeadlineDay: 31),
        new(3, 2, new FindingDraft
        {
            Aspect = Aspect.Responsibilities, Sector = Sector.HazardousChemicals, Method = Method.OnSiteInspection, Covert = false,
            City = "长沙市", Place = "望城区", Unit = "长沙某化工有限公司", Severity = Severity.MajorHazard,
            Basis = "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条",
            Description = "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米",
            ResponsibleUnit = "长沙某化工有限公司",
        }, DeadlineDay: 5),
        new(4, 2, new FindingDraft
        {
            Aspect = Aspect.Grassroots, Sector = Sector.CrowdedPlaces, Method = Method.OnSiteInspection, Covert = false,
            City = "长沙市", Place = "芙蓉区", Unit = "长沙某商场", Severity = Severity.GeneralHazard, FixedOnSpot = true,
            Description = "疏散通道堆放货物，安全出口指示标志损坏",
            ResponsibleUnit = "长沙某商场",
        }, DeadlineDay: 2, Fix: new(4, "现场督促清理疏散通道货物，更换损坏的安全出口指示标志"), Verified: new(1, "经现场复核，疏散通道内货物已清理，损坏的安全出口指示标志已更换，整改到位，同意销号。")),
        // Recorded by 赵强 on the dawn covert visit of the second day (暗访瓶装液化气充装站, 株洲市荷塘区, 赵强、周敏).
        new(5, 2, new FindingDraft
        {
            Aspect = Aspect.Campaigns, Sector = Sector.UrbanGas, Method = Method.OnSiteInspection, Covert = true,
            City = "株洲市", Place = "荷塘区", Unit = "株洲某液化气站", Severity = Severity.GeneralHazard, HandedOverTo = "株洲市人民政府",
            Description = "钢瓶充装前未逐瓶检查，充装记录不全",
            ResponsibleUnit = "株洲某液化气站",
        }, DeadlineDay: 7),
        new(3, 2, new FindingDraft
        {
            Aspect = Aspect.Grassroots, Sector = Sector.HazardousChemicals, Method = Method.Interviews, Covert = false,
            City = "长沙市", Unit = "长沙市望城区应急管理局", Severity = Severity.Problem,
            Description = "乡镇安全监管人员对辖区危化品企业底数不清",
        }),
        new(4, 2, new FindingDraft
        {
            Aspect = Aspect.Instructions, Sector = Sector.Fire, Method = Method.ReviewingDocuments, Covert = false,
            City = "长沙市", Unit = "长沙市人民政府", Severity = Severity.Problem,
            Description = "市政府常务会议研究安全生产工作的会议纪要未明确重点任务的责任单位和完成时限",
            ResponsibleUnit = "长沙市人民政府办公厅",
        }, DeadlineDay: 15, Fix: new(4, "长沙市人民政府办公厅已印发补充通知，逐项明确重点任务的责任单位和完成时限（附通知文本）。")),
        // Followed by 王芳, who held the interviews with the leader: its reminders go to her, not to the console's
        // operator (a reminder's button would replace the question the operator is answering).
        new(4, 1, new FindingDraft
        {
            Aspect = Aspect.Responsibilities, Sector = Sector.Other, SectorOther = "综合监管", Method = Method.Interviews, Covert = false,
            City = "长沙市", Unit = "湖南省安委会办公室", Severity = Severity.Problem,
            Description = "省安委会成员单位联络员名单未及时更新，3家单位的联络员已调离仍在名单上，要求当日更新",
            ResponsibleUnit = "湖南省安委会办公室",
        }, DeadlineDay: 1),
    ];

    private static readonly (int Author, NoteKind Kind, string Text)[] Notes =
    [
        (1, NoteKind.Meeting, "省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项，整改率96%。"),
        (2, NoteKind.Interview, "望城区应急局同志表示乡镇监管力量不足，每个乡镇仅1名兼职安全员。"),
        (0, NoteKind.Highlight, "省委省政府主要负责同志定期专题研究安全生产工作，建立了省级领导包保重点企业制度。"),
    ];

    /// <summary>
    /// Adds the records. Call inside the loading transaction. Deadline reminders are planned as from the start
    /// of today (team time), so those due this morning go out at once: the ledger's reminders can be tried.
    /// A visit that ended more than a month ago is a record, not a live ledger: it plans no reminders
    /// (else every item would escalate to the leader at once). The tip and the finding handed over become leads,
    /// as they do when recorded in the chat.
    /// </summary>
    public void Add(Team team, long leaderId, DateOnly visitStart, DateTime utcNow)
    {
        var day = visitStart.AddDays(1);
        var people = DemoLoader.People.Select((p, i) => teams.GetMember(i == 0 ? leaderId : p.Id)).ToList();
        var today = TimeZones.Today(new DateTimeOffset(utcNow, TimeSpan.Zero), team.Zone);
        var startOfToday = TimeZones.ToUtc(today, TimeOnly.MinValue, team.Zone);
        var live = team.VisitTo.AddDays(30) >= today;
        foreach (var demo in Findings())
        {
            var draft = demo.Draft;
            draft.Deadline = demo.DeadlineDay is { } n ? visitStart.AddDays(n - 1) : null;
            var recorded = visitStart.AddDays(demo.Day - 1);
            var finding = findings.Create(team, people[demo.Author]!, draft, recorded, utcNow);
            leads.Created(draft, people[demo.Author]!, finding);

            // The fix and the verification happened on the day the finding was recorded (by its evening), or now if earlier.
            var stepTime = TimeZones.ToUtc(recorded, new TimeOnly(18, 0), team.Zone);
            stepTime = stepTime < utcNow ? stepTime : utcNow;
            if (demo.Fix is { } fix)
            {
                var by = people[fix.By]!;
                finding.FixNote = fix.Note;
                finding.RectifiedUtc = stepTime;
                finding.RectifiedById = by.Id;
                finding.RectifiedByName = by.DisplayName;
                Move(finding, RectificationStatus.Rectified, by, stepTime, null);
            }

            if (demo.Verified is { } verified)
            {
                var by = people[verified.By]!;
                finding.VerifiedById = by.Id;
                finding.VerifiedByName = by.DisplayName;
                finding.VerifiedUtc = stepTime;
                finding.VerificationOpinion = verified.Opinion;
                Move(finding, RectificationStatus.Closed, by, stepTime, verified.Opinion);
            }

            if (live)
            {
                reminders.Plan(finding, startOfToday < utcNow ? startOfToday : utcNow);
            }
            else
            {
                reminderRows.Withdraw(LedgerReminders.Subject(finding));
            }
        }

        foreach (var (author, kind, text) in Notes)
        {
            notes.Insert(Note(team, people[author]!, kind, text, day, utcNow));
        }

        var tip = Note(team, people[1]!, NoteKind.Tip, "电话举报：长沙市某液化气站违规向无资质人员销售钢瓶（举报人信息已另行登记）", day, utcNow);
        tip.TipChannel = TipChannel.Phone;
        tip.TipSubject = "长沙市某液化气站违规向无资质人员销售钢瓶";
        tip.TipHandling = "转交长沙市核查，" + visitStart.AddDays(7).ToString("M月d日", CultureInfo.InvariantCulture) + "前反馈";
        notes.Insert(tip);
        leads.FromTip(team, tip, day, new DateInputOptions(DateQuestion.Plan, team.VisitFrom, team.VisitTo), utcNow);
        if (!live)
        {
            foreach (var lead in leadRows.OfTeam(team.Id))
            {
                leadReminders.Skip(lead);
            }
        }
    }

    /// <summary>A rectification step, kept in the finding's history like one taken in the ledger.</summary>
    private void Move(Finding finding, RectificationStatus to, Member by, DateTime utcNow, string? note)
    {
        var from = finding.Status;
        finding.Status = to;
        finding.Revision++;
        store.Update(finding);
        if (from != to)
        {
            store.AddChange(finding, by, utcNow, "status", from.ToString(), note is null ? to.ToString() : $"{to} ({note})");
        }
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
