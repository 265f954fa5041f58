using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
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
/// For random visits (seeded: a failure names its seed), every count the daily briefs, the feedback, its annex and
/// /stats state agrees with the records, counted here independently of the code's own definitions: findings by day,
/// severity, aspect, sector and status; units checked openly and covertly (distinct per day); the cities extended to
/// (prefecture-level, the capital left out, from the itinerary and the findings); findings after the visit apart.
/// </summary>
public sealed partial class DocumentConsistencyTests
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;

    private static readonly string[] Places = ["长沙市望城区", "长沙市芙蓉区", "湘潭市岳塘区", "株洲醴陵市", "株洲市芦淞区", "岳阳市", "衡阳市南岳区", "省应急管理厅"];

    private static readonly string[] Units = ["某化工有限公司", "某商场", "某液化气站", "某烟花爆竹厂", "某建筑工地", "某宾馆"];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RandomVisit_EveryCountInEveryDocumentAgreesWithTheRecords(int seed)
    {
        var random = new Random(seed);
        using var h = Team(out var team, start: new DateTimeOffset(2023, 11, 25, 1, 0, 0, TimeSpan.Zero));
        var findings = Seed(h, team, random);
        var facts = h.Get<FactsBuilder>();
        var today = new DateOnly(2023, 11, 25);
        var visitFindings = findings.Where(f => f.Day <= team.VisitTo).ToList();
        var after = findings.Where(f => f.Day > team.VisitTo).ToList();

        // Each day's brief: totals, severities, the units checked openly and covertly.
        var openSum = 0;
        var covertSum = 0;
        for (var day = team.VisitFrom; day <= team.VisitTo; day = day.AddDays(1))
        {
            var ofDay = findings.Where(f => f.Day == day).ToList();
            var text = Text(OfflineBriefWriter.Daily(facts.Day(team, day), Zh));
            var covert = ofDay.Where(f => f.Covert).Select(f => f.Unit).Distinct().ToList();
            var open = ofDay.Where(f => !f.Covert && f.Method == Method.OnSiteInspection).Select(f => f.Unit).Distinct().Except(covert).Count();
            openSum += open;
            covertSum += covert.Count;
            var context = $"seed {seed}, {day:MM-dd}";
            if (ofDay.Count == 0)
            {
                Assert.True(text.Contains("当日未发现问题隐患", StringComparison.Ordinal), context);
                continue;
            }

            Assert.True(text.Contains($"共发现问题隐患{ofDay.Count}项，其中重大事故隐患{ofDay.Count(f => f.Severity == Severity.MajorHazard)}项", StringComparison.Ordinal), context);
            Assert.Equal((open, covert.Count), SitesIn(text));
            Assert.All(ofDay, f => Assert.Contains(f.Code, text, StringComparison.Ordinal));
        }

        // The feedback: the visit's findings, the after-visit ones apart, the units summed over the days, the cities, the annexes.
        var feedback = OfflineBriefWriter.Feedback(facts.Visit(team, today), Zh);
        var basic = Text(feedback with { Sections = [feedback.Sections[0]], Annexes = [], Signature = null });
        Assert.Contains($"考核巡查期间共发现问题隐患{visitFindings.Count}项，其中重大事故隐患{visitFindings.Count(f => f.Severity == Severity.MajorHazard)}项。", basic, StringComparison.Ordinal);
        if (after.Count > 0)
        {
            var majors = after.Count(f => f.Severity == Severity.MajorHazard);
            Assert.Contains(majors > 0 ? $"考核巡查结束后跟踪发现问题隐患{after.Count}项，其中重大事故隐患{majors}项" : $"考核巡查结束后跟踪发现问题隐患{after.Count}项，单独列出", basic, StringComparison.Ordinal);
        }

        Assert.Equal((openSum, covertSum), SitesIn(basic));
        Assert.Equal(ExpectedCities(h, team, visitFindings), CitiesIn(basic));
        var annexes = feedback.Annexes.Select(a => (a.Title, Rows: (a.Content as BriefTable)?.Rows.Count ?? 0)).ToList();
        Assert.Equal(visitFindings.Count, annexes.Single(a => a.Title == "问题隐患清单").Rows);
        Assert.Equal(after.Count, annexes.SingleOrDefault(a => a.Title == "考核巡查结束后发现的问题隐患清单").Rows);
        var closedRows = feedback.Annexes.Select(a => a.Content).OfType<BriefTable>().SelectMany(t => t.Rows).Count(r => r[^1] == "已整改销号");
        Assert.Equal(findings.Count(f => f.Status == RectificationStatus.Closed), closedRows);
        var body = Text(feedback with { Annexes = [] });
        Assert.Equal(findings.Count(f => f.Status == RectificationStatus.Closed), Regex.Count(body, "已整改销号"));

        // /stats: every finding of the team, by status, sector, aspect and severity.
        h.Clear();
        h.Send(Leader, "/stats");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        var stats = h.AllText(Leader);
        Assert.Contains($"共 {findings.Count} 项", stats, StringComparison.Ordinal);
        foreach (var s in Enum.GetValues<Severity>())
        {
            Assert.Contains($"\n{Zh[s.Key()]}：{findings.Count(f => f.Severity == s)}", stats, StringComparison.Ordinal);
        }

        foreach (var a in Enum.GetValues<Aspect>())
        {
            Assert.Contains($"\n{Zh[a.ShortKey()]}：{findings.Count(f => f.Aspect == a)}", stats, StringComparison.Ordinal);
        }

        foreach (var group in findings.GroupBy(f => f.Sector))
        {
            Assert.Contains($"\n{Zh[group.Key.Key()]}：{group.Count()}", stats, StringComparison.Ordinal);
        }

        Assert.Contains($"\n{Zh[RectificationStatus.Closed.Key()]}：{findings.Count(f => f.Status == RectificationStatus.Closed)}", stats, StringComparison.Ordinal);
    }

    /// <summary>A random visit: findings on most days and a few after it (some covert, some closed), notes, and an itinerary in several cities.</summary>
    private static List<Finding> Seed(CoreHarness h, Team team, Random random)
    {
        var store = h.Get<FindingStore>();
        var schedule = h.Get<ScheduleStore>();
        var notes = h.Get<NoteStore>();
        var list = new List<Finding>();
        for (var day = team.VisitFrom; day <= team.VisitTo.AddDays(5); day = day.AddDays(1))
        {
            var during = day <= team.VisitTo;
            if (during)
            {
                var place = Places[random.Next(Places.Length)];
                var start = new DateTime(day.Year, day.Month, day.Day, 1, 0, 0, DateTimeKind.Utc);
                schedule.Insert(new ScheduleItem
                {
                    TeamId = team.Id, Kind = random.Next(3) == 0 ? EventKind.Travel : EventKind.Briefing, Title = "工作安排", Place = place,
                    StartUtc = start, EndUtc = start.AddHours(2), WholeTeam = true,
                });
                notes.Insert(new Note { TeamId = team.Id, AuthorId = Author, AuthorName = "李明", Kind = (NoteKind)random.Next(4), Text = "当日情况记录。", Day = day });
            }

            var count = during ? random.Next(0, 6) : random.Next(0, 2);
            for (var i = 0; i < count; i++)
            {
                var number = list.Count + 1;
                var place = Places[random.Next(Places.Length - 1)];
                var closed = random.Next(5) == 0;
                var finding = new Finding
                {
                    TeamId = team.Id, Number = number, Code = $"{team.Code}-{number:000}", AuthorId = Author, AuthorName = "李明",
                    Aspect = (Aspect)random.Next(1, 5), Sector = (Sector)random.Next(0, 12), Severity = (Severity)random.Next(0, 3),
                    Method = random.Next(3) == 0 ? Method.Interviews : Method.OnSiteInspection, Covert = random.Next(4) == 0,
                    City = place[..3], Place = place.Length > 3 ? place[3..] : null, Unit = place[..2] + Units[random.Next(Units.Length)],
                    Description = "存在问题" + number.ToString(CultureInfo.InvariantCulture), Day = day,
                    Deadline = day.AddDays(random.Next(5, 30)), Status = closed ? RectificationStatus.Closed : RectificationStatus.Assigned,
                    VerifiedUtc = closed ? new DateTime(day.Year, day.Month, day.Day, 8, 0, 0, DateTimeKind.Utc) : null,
                    CreatedUtc = DateTime.UtcNow,
                };
                store.Insert(finding);
                list.Add(finding);
            }
        }

        return list;
    }

    /// <summary>The cities extended to, counted from the raw records: every prefecture named by a place (travel aside) or a finding of the visit, but 长沙市.</summary>
    private static HashSet<string> ExpectedCities(CoreHarness h, Team team, List<Finding> visitFindings)
    {
        static string? Prefecture(string? text) => text switch
        {
            null => null,
            _ when text.StartsWith("株洲", StringComparison.Ordinal) => "株洲市",
            _ when text.Length >= 3 && text[2] == '市' => text[..3],
            _ => null,
        };

        var fromItinerary = h.Get<ScheduleStore>().OfTeam(team.Id).Where(i => i.Kind != EventKind.Travel).Select(i => Prefecture(i.Place));
        var fromFindings = visitFindings.Select(f => Prefecture(f.City));
        return [.. fromItinerary.Concat(fromFindings).OfType<string>().Where(c => c != "长沙市")];
    }

    private static string Text(BriefDocument doc) => OfflineWriterTests.AllText(doc);

    private static (int Open, int Covert) SitesIn(string text)
    {
        if (SitesBoth().Match(text) is { Success: true } both)
        {
            return (int.Parse(both.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(both.Groups[3].Value, CultureInfo.InvariantCulture));
        }

        var open = SitesOpen().Match(text);
        var covert = SitesCovert().Match(text);
        return (open.Success ? int.Parse(open.Groups[1].Value, CultureInfo.InvariantCulture) : 0, covert.Success ? int.Parse(covert.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    private static HashSet<string> CitiesIn(string text) =>
        CitiesSentence().Match(text) is { Success: true } m ? [.. m.Groups[1].Value.Split('、')] : [];

    [GeneratedRegex(@"实地检查生产经营单位(\d+)家，其中明查(\d+)家、暗访(\d+)家")]
    private static partial Regex SitesBoth();

    [GeneratedRegex(@"实地检查生产经营单位(\d+)家(?!，其中)")]
    private static partial Regex SitesOpen();

    [GeneratedRegex(@"暗访生产经营单位(\d+)家")]
    private static partial Regex SitesCovert();

    [GeneratedRegex(@"延伸检查了([^。]+)。")]
    private static partial Regex CitiesSentence();
}
