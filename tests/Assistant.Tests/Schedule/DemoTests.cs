using Assistant.Core.Common;
using Assistant.Core.Demo;
using Assistant.Core.Findings;
using Assistant.Core.Leads;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Schedule;

public sealed class DemoTests
{
    [Fact]
    public void Demo_LoadsTeamSevenAndTheHunanItinerary()
    {
        using var h = CoreHarness.Create();

        var (team, created) = h.Get<DemoLoader>().Load();

        Assert.True(created);
        Assert.Equal("G7", team.Code);
        Assert.Equal(new DateOnly(2023, 11, 1), team.VisitFrom);
        var items = h.Get<ScheduleStore>().OfTeam(team.Id);
        Assert.True(items.Count >= 30);
        Assert.Equal(EventKind.KickOffMeeting, items[0].Kind);
        Assert.Equal(EventKind.FeedbackMeeting, items.Last(i => i.Kind != EventKind.Travel).Kind);
        Assert.Contains(items, i => i.IsCovert);
        Assert.Contains(items, i => i.Title.Contains("湘潭", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Title.Contains("株洲", StringComparison.Ordinal));
        Assert.Equal(DemoLoader.People.Count, h.Get<TeamStore>().MembersOf(team.Id).Count);
        var findings = h.Get<FindingStore>().OnDay(team.Id, new DateOnly(2023, 11, 2));
        Assert.Equal(6, findings.Count);
        Assert.Single(findings, f => f.Severity == Severity.MajorHazard);
        Assert.Single(findings, f => f.Covert);
        Assert.Single(h.Get<FindingStore>().OnDay(team.Id, new DateOnly(2023, 11, 1)));
        Assert.Contains(h.Get<NoteStore>().OfTeam(team.Id), n => n.Kind == NoteKind.Tip && n.TipSubject is not null);
        Assert.False(h.Get<DemoLoader>().Load().Created);
        Assert.Equal(7, h.Get<FindingStore>().OfTeam(team.Id).Count);
    }

    [Fact]
    public void Demo_Ledger_HasEveryStateToTry_OnItsSecondDay()
    {
        using var h = CoreHarness.Create();
        var (team, _) = h.Get<DemoLoader>().Load(leaderId: 700);
        var all = h.Get<FindingStore>().OfTeam(team.Id);
        var day2 = new DateOnly(2023, 11, 2);

        var overdue = Assert.Single(all, f => f.DaysOverdue(day2) > 0);
        Assert.Equal("G7-007", overdue.Code);
        Assert.NotEqual(700, overdue.AuthorId); // followed by a member: its notices never take the operator's buttons away
        Assert.Equal(2, all.Count(f => f.Status.IsActive() && f.Deadline is { } d && d >= day2 && d <= day2.AddDays(7) && f.Status != RectificationStatus.Rectified));
        Assert.Single(all, f => f.Status == RectificationStatus.Open && f.Deadline is null);
        var waiting = Assert.Single(all, f => f.Status == RectificationStatus.Rectified);
        Assert.NotEqual(700, waiting.RectifiedById); // the leader may verify it
        var closed = Assert.Single(all, f => f.Status == RectificationStatus.Closed);
        Assert.False(string.IsNullOrWhiteSpace(closed.VerificationOpinion));
        Assert.NotEqual(closed.RectifiedById, closed.VerifiedById);
        Assert.Contains(h.Get<FindingStore>().ChangesOf(closed.Id), c => c.Field == "status" && c.NewValue == $"Closed ({closed.VerificationOpinion})");
    }

    [Fact]
    public void Demo_StartMoved_DeadlinesMoveWithTheVisit()
    {
        using var first = CoreHarness.Create();
        using var moved = CoreHarness.Create();

        var (original, _) = first.Get<DemoLoader>().Load();
        var shift = new DateOnly(2026, 12, 3).DayNumber - DemoLoader.VisitStart.DayNumber; // demo --start 2026-12-03
        var (shifted, _) = moved.Get<DemoLoader>().Load(shiftDays: shift);

        Assert.Equal(new DateOnly(2026, 12, 3), shifted.VisitFrom);
        var before = first.Get<FindingStore>().OfTeam(original.Id).ToDictionary(f => f.Code, f => f.Deadline);
        var after = moved.Get<FindingStore>().OfTeam(shifted.Id).ToDictionary(f => f.Code, f => f.Deadline);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, pair => Assert.Equal(pair.Value?.AddDays(shift), after[pair.Key]));
        Assert.Equal(new DateOnly(2026, 12, 4), moved.Get<FindingStore>().GetByCode("G7-001")!.Day);
    }

    [Fact]
    public void Demo_LoadedLiveOnItsSecondDay_TheMorningsDeadlineRemindersGoOutAtOnce()
    {
        // 10:00 in Changsha on the second day: the reminders due at 09:00 are sent by the first pass.
        using var h = CoreHarness.Create(start: new DateTimeOffset(2023, 11, 2, 2, 0, 0, TimeSpan.Zero));
        h.Get<DemoLoader>().Load(leaderId: 700);

        h.Get<ReminderService>().RunOnce();

        Assert.Contains("G7-007 已逾期 1 天", h.AllText(DemoLoader.People[4].Id), StringComparison.Ordinal);
        Assert.Empty(h.Messages(700)); // nothing for the operator, whose current question keeps its buttons
        Assert.Contains("G7-002 还有 3 天到期", h.AllText(DemoLoader.People[3].Id), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_TheTipAndTheFindingHandedOver_AreLeads_TheTipsWithTheDateItsHandlingNames()
    {
        using var h = CoreHarness.Create();

        var (team, _) = h.Get<DemoLoader>().Load();

        var leads = h.Get<LeadStore>().OfTeam(team.Id).OrderBy(l => l.Number).ToList();
        Assert.Equal([LeadChannel.HandedOverFinding, LeadChannel.Tip], leads.Select(l => l.Channel));
        Assert.Equal("株洲市人民政府", leads[0].HandedOverTo);
        Assert.Equal("长沙市某液化气站违规向无资质人员销售钢瓶", leads[1].Subject);
        Assert.Equal(new DateOnly(2023, 11, 8), leads[1].DueDate);
        Assert.DoesNotContain(leads, l => l.Subject.Contains("举报人", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_OfAVisitLongOver_PlansNoReminders()
    {
        using var h = CoreHarness.Create(start: new DateTimeOffset(2026, 12, 4, 13, 38, 0, TimeSpan.Zero));
        h.Get<DemoLoader>().Load();

        Assert.Equal(0, h.Get<ReminderService>().RunOnce());
    }

    [Fact]
    public void Demo_ShiftedToToday_StartsToday()
    {
        using var h = CoreHarness.Create();

        var (team, _) = h.Get<DemoLoader>().Load(shiftDays: 1);

        Assert.Equal(new DateOnly(2023, 11, 2), team.VisitFrom);
        Assert.Equal(new DateTime(2023, 11, 2, 1, 0, 0), h.Get<ScheduleStore>().OfTeam(team.Id)[0].StartUtc);
    }

    [Fact]
    public async Task Console_FirstRun_TodayIsTheSecondDayOfALiveVisit()
    {
        using var folder = new TempFolder();
        var today = TimeZones.Today(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/today\n/summary\n/overdue\n/due\n", new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = folder.DatabasePath,
            ["Telegram__BotToken"] = "",
        });

        Assert.True(code == 0, stderr);
        Assert.Contains("第七组（湖南省）的刘组长", stdout, StringComparison.Ordinal);
        Assert.Contains("听取省应急管理厅、省消防救援总队专题汇报", stdout, StringComparison.Ordinal); // the second day's itinerary
        Assert.Contains("★", stdout, StringComparison.Ordinal);
        Assert.Contains("工作日报", stdout, StringComparison.Ordinal);
        Assert.Contains("长沙某化工有限公司（长沙市望城区）：甲类仓库与办公楼防火间距不足", stdout, StringComparison.Ordinal);
        Assert.Contains("（G7-002）", stdout, StringComparison.Ordinal);
        Assert.Contains("G7-007", stdout, StringComparison.Ordinal); // overdue since the first day
        Assert.Contains("G7-004", stdout, StringComparison.Ordinal); // due within the week

        // The documents are kept beside the database, in the team's folder, named by kind, day, language and version.
        var docx = Path.Combine(Path.GetDirectoryName(folder.DatabasePath)!, "documents", "G7", $"G7-brief-{today:yyyy-MM-dd}-zh-CN-v1.docx");
        Assert.Contains($"G7-brief-{today:yyyy-MM-dd}-zh-CN-v1.docx → " + docx, stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(docx), docx);
        Assert.DoesNotContain(Path.Combine(Path.GetTempPath(), "inspection-assistant"), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoVerb_LoadsTheDemoOnce()
    {
        using var folder = new TempFolder();
        var env = new Dictionary<string, string> { ["Storage__DatabasePath"] = folder.DatabasePath };

        var first = await AssistantProcess.RunAsync(folder.Path, ["demo"], environment: env);
        var second = await AssistantProcess.RunAsync(folder.Path, ["demo"], environment: env);
        var list = await AssistantProcess.RunAsync(folder.Path, ["team", "list"], environment: env);

        Assert.Contains("Loaded the demo: team 第七组 (G7)", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("exists already", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("G7\t第七组\t湖南省\t2023-11-01..2023-11-10", list.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The demo tells one consistent story wherever it is moved: every covert finding was recorded on a covert itinerary
    /// item of its city and day, with its recorder among the participants; and no text names a year other than the
    /// visit's (or the one before), so a demo moved with --start never reports another year's work.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)] // --start 2023-11-03
    [InlineData(1128)] // --start 2026-12-03
    [InlineData(2979)] // --start 2031-12-28: the visit runs into the next year
    public void Demo_CovertFindingsMatchTheirCovertItems_AndTextsNameOnlyTheVisitsYear(int shiftDays)
    {
        using var h = CoreHarness.Create();
        var (team, _) = h.Get<DemoLoader>().Load(shiftDays: shiftDays);
        var items = h.Get<ScheduleStore>().OfTeam(team.Id);
        var findings = h.Get<FindingStore>().OfTeam(team.Id);

        var covert = findings.Where(f => f.Covert).ToList();
        Assert.NotEmpty(covert);
        foreach (var finding in covert)
        {
            var city = finding.City.TrimEnd('市');
            Assert.True(
                items.Any(i => i.IsCovert && DateOnly.FromDateTime(TimeZones.ToLocal(i.StartUtc, team.Zone)) == finding.Day
                    && ((i.Place ?? "") + i.Title).Contains(city, StringComparison.Ordinal) && i.Involves(finding.AuthorId)),
                $"{finding.Code} (covert, {finding.City}, {finding.Day}, by {finding.AuthorName}) has no covert itinerary item of that city and day with its recorder");
        }

        var year = team.VisitFrom.Year;
        var texts = items.Cast<object>().Concat(findings).Concat(h.Get<NoteStore>().OfTeam(team.Id)).Concat(h.Get<LeadStore>().OfTeam(team.Id))
            .SelectMany(Texts).ToList();
        Assert.Contains(texts, t => t.Contains($"{year}年度", StringComparison.Ordinal)); // the kick-off reports the visit's year
        var years = texts.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"(?<!\d)(19|20)\d{2}(?!\d)").Select(m => (Text: t, Year: int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.All(years, y => Assert.True(y.Year == year || y.Year == year - 1, $"year {y.Year} in a demo text of a visit starting {team.VisitFrom}: {y.Text}"));
    }

    /// <summary>Every string the record holds (its properties and lists of strings).</summary>
    private static IEnumerable<string> Texts(object record) =>
        record.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).SelectMany(p => p.GetValue(record) switch
        {
            string s => [s],
            IEnumerable<string> list => list,
            _ => Array.Empty<string>(),
        });
}
