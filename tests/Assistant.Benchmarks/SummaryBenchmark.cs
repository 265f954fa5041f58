using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Documents;
using Assistant.Core.Summaries.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Benchmarks;

/// <summary>
/// The brief writers at scale: the offline writer's time (text, chat HTML, Markdown and Word) for
/// a day with 1,000 findings, and the model's narrative prompt for 5, 50 and 200 notes (findings
/// never go to the model): how many calls the day takes within the budget, and their sizes.
/// </summary>
public static class SummaryBenchmark
{
    private static readonly DateOnly Day = new(2023, 11, 2);

    public static async Task RunAsync(string root)
    {
        var t = TextCatalog.Default.Chinese;
        Console.WriteLine("Summaries");

        foreach (var count in new[] { 100, 1_000 })
        {
            var facts = DayOf(count);
            var write = Samples.Of(count >= 1_000 ? 100 : 200, () => OfflineBriefWriter.Daily(facts, t).Sections.Count);
            var full = Samples.Of(count >= 1_000 ? 50 : 100, () =>
            {
                var doc = OfflineBriefWriter.Daily(facts, t);
                return BriefHtml.Render(doc).Length + BriefMarkdown.Render(doc).Length + BriefDocx.Render(doc).Length;
            });
            var before = GC.GetAllocatedBytesForCurrentThread();
            var document = OfflineBriefWriter.Daily(facts, t);
            var bytes = BriefDocx.Render(document).Length;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  offline daily brief, {count} findings: text p50 {write.Percentile(50) / 1000:F1} ms; with HTML + Markdown + .docx p50 {full.Percentile(50) / 1000:F1} ms, p99 {full.Percentile(99) / 1000:F1} ms ({bytes / 1024} KB docx, {allocated:F1} MB allocated)"));
        }

        var options = Options.Create(new AiOptions { Endpoint = "http://localhost:1/v1", Model = "bench", PromptsPath = Path.Combine(root, "prompts", "Briefs") });
        var prompts = new PromptLibrary(options, new Microsoft.SemanticKernel.Kernel());
        var narratives = new ModelNarratives(options, prompts, TimeProvider.System, NullLogger<ModelNarratives>.Instance);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  narrative prompt budget: {narratives.PromptBudget} tokens (AI:ContextTokens {options.Value.ContextTokens} / 2)"));
        foreach (var notes in new[] { 5, 50, 200 })
        {
            var (safe, redaction) = Redaction.Of(BriefKinds.Daily.Job(DayOf(100, notes), t), t);
            var calls = await narratives.CallsAsync(safe, redaction.Secrets, t, CancellationToken.None);
            var sizes = new List<int>();
            foreach (var call in calls)
            {
                sizes.Add(TokenEstimate.Of(await prompts.RenderAsync(call.Prompt, call.Arguments)));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {notes} notes: {calls.Count} call(s), largest prompt {sizes.Max()} tokens, smallest {sizes.Min()}"));
        }
    }

    /// <summary>A busy day: findings over the four aspects and the sectors, a tenth major, some covert; notes of four kinds; a tip.</summary>
    public static DayFacts DayOf(int findings, int notes = 1)
    {
        var random = new Random(11);
        var sectors = Enum.GetValues<Sector>();
        var cities = new[] { "长沙市", "湘潭市", "株洲市", "岳阳市" };
        var team = new TeamFacts(1, "第七组", "G7", "湖南省", new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10));
        var list = Enumerable.Range(1, findings).Select(i =>
        {
            var major = i % 10 == 0;
            return new FindingFact(i, "G7-" + i.ToString("000", CultureInfo.InvariantCulture), (Aspect)(1 + (i % 4)), sectors[random.Next(sectors.Length)], null,
                major ? Severity.MajorHazard : Severity.GeneralHazard, (Method)(i % 6), i % 7 == 0, $"某化工有限公司{i}号", cities[i % cities.Length], "化工园区",
                $"第{i}处：甲类仓库与办公楼防火间距不足，疏散通道被占用，消防设施未定期维护保养", major ? "《判定标准》第十条" : null, "某化工有限公司",
                Day.AddDays(14), i % 5 == 0, null, Day);
        }).ToList();
        return new DayFacts(team, Day,
            [new ItineraryFact(1, Day, new TimeOnly(8, 30), new TimeOnly(10, 0), EventKind.Briefing, "听取省应急管理厅专题汇报", "省应急管理厅", false)],
            [new ItineraryFact(2, Day.AddDays(1), new TimeOnly(8, 30), new TimeOnly(12, 0), EventKind.SiteInspection, "实地检查湘潭某钢铁企业", "湘潭市", false)],
            new ActivityCounts(2, 46, 8, 5, 40, 6, 2),
            list,
            [.. Enumerable.Range(1, notes).Select(i => new NoteFact(i, new[] { NoteKind.Meeting, NoteKind.Interview, NoteKind.DocumentReview, NoteKind.General }[i % 4], "陈静",
                $"第{i}条：省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项，整改率96%，乡镇监管力量不足。"))],
            [new TipFact(2, TipChannel.Phone, "长沙市某液化气站违规充装", "转交长沙市核查")]);
    }
}
