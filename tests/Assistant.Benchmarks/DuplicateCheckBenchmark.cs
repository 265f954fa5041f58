using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Assistant.Benchmarks;

/// <summary>
/// The duplicate check a finding gets at save (<see cref="DuplicateDetector.Check"/>), against a team holding 5,000
/// findings on a real LiteDB file: units and descriptions drawn from the labelled set's (tests/…/Duplicates/Data), so
/// the posting lists are as long as a real team's, with numbers and units varied. BenchmarkDotNet measures the warm
/// check (the team's index in memory: every save after the first) for a new hazard and for a duplicate of a recorded
/// one; a plain loop then gives the per-check p50/p99 over 2,000 checks and the first check of a team (the index built
/// from the database), which BenchmarkDotNet's per-iteration means cannot show.
/// </summary>
[Config(typeof(DuplicateCheckConfig))]
public class DuplicateCheckBenchmark : IDisposable
{
    public const int Findings = 5_000;

    private BenchHost? _bench;
    private DuplicateDetector? _detector;
    private Member? _member;
    private DuplicateProbe[] _fresh = [];
    private DuplicateProbe[] _repeats = [];
    private int _next;

    /// <summary>The team's size.</summary>
    [Params(Findings)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bench = new BenchHost();
        (_member, _fresh, _repeats) = Seed(_bench, Size);
        _detector = _bench.Get<DuplicateDetector>();
        _detector.Check(_member, _fresh[0]);
    }

    /// <summary>A finding about a hazard the team has not recorded in these words (most saves).</summary>
    [Benchmark(Baseline = true)]
    public int CheckNewHazard() => _detector!.Check(_member!, _fresh[_next++ % _fresh.Length]).Count;

    /// <summary>A finding that repeats a recorded one in other words (the card then offers it).</summary>
    [Benchmark]
    public int CheckDuplicate() => _detector!.Check(_member!, _repeats[_next++ % _repeats.Length]).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _bench?.Dispose();
        _bench = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>BenchmarkDotNet's table, then the per-check percentiles and the cold first check.</summary>
    public static void Run(string[] args)
    {
        BenchmarkRunner.Run<DuplicateCheckBenchmark>(args: args);
        Percentiles();
    }

    private static void Percentiles()
    {
        using var bench = new BenchHost();
        var clock = Stopwatch.StartNew();
        var (member, fresh, repeats) = Seed(bench, Findings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duplicates: team of {Findings:N0} findings seeded in {clock.Elapsed.TotalSeconds:F1}s"));
        var detector = bench.Get<DuplicateDetector>();
        var start = Stopwatch.GetTimestamp();
        detector.Check(member, fresh[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first check of the team (index built from LiteDB): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms"));
        var offered = 0;
        var i = 0;
        Report("check at save, new hazard", Samples.Of(2_000, () => detector.Check(member, fresh[i++ % fresh.Length]).Count));
        Report("check at save, duplicate", Samples.Of(2_000, () => offered += detector.Check(member, repeats[i++ % repeats.Length]).Count > 0 ? 1 : 0), $"a candidate offered in {offered} of 2005");
        var db = bench.Get<AssistantDatabase>();
        Report("check at save inside the save's transaction", Samples.Of(500, () => db.InTransaction(() => detector.Check(member, repeats[i++ % repeats.Length]).Count)));
    }

    /// <summary>One team of <paramref name="count"/> findings; probes that match none and probes that repeat one.</summary>
    internal static (Member Member, DuplicateProbe[] Fresh, DuplicateProbe[] Repeats) Seed(BenchHost bench, int count)
    {
        var team = bench.CreateTeam("第七组", "G7");
        bench.AddMembers(team, 300_000, 10);
        var members = Enumerable.Range(0, 10).Select(i => bench.Get<TeamStore>().GetMember(300_000 + i)!).ToList();
        var (units, descriptions) = LabelledText();
        var random = new Random(7);
        var cities = new[] { "长沙市", "株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "益阳市", "郴州市", "永州市", "怀化市" };
        var heads = "华强金源鑫达国泰天马恒通宏远新星兴旺顺发永安长青东方红星富民百盛中天安泰鼎盛联合创新".ToCharArray();
        string Unit() => string.Concat(heads[random.Next(heads.Length)], heads[random.Next(heads.Length)]) + units[random.Next(units.Length)];
        string Description() => descriptions[random.Next(descriptions.Length)].Replace("8", random.Next(2, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var service = bench.Get<FindingService>();
        var db = bench.Get<AssistantDatabase>();
        var utc = new DateTime(2023, 11, 2, 1, 0, 0, DateTimeKind.Utc);
        var saved = new List<Finding>(count);
        for (var batch = 0; batch < count; batch += 500)
        {
            db.InTransaction(() =>
            {
                for (var n = batch; n < Math.Min(count, batch + 500); n++)
                {
                    var draft = new FindingDraft
                    {
                        Aspect = (Aspect)(1 + random.Next(4)),
                        Sector = Enum.GetValues<Sector>()[random.Next(Enum.GetValues<Sector>().Length)],
                        Method = Method.OnSiteInspection,
                        Covert = random.Next(10) == 0,
                        City = cities[random.Next(cities.Length)],
                        Unit = Unit(),
                        Description = Description(),
                        Severity = Severity.GeneralHazard,
                    };
                    saved.Add(service.Create(team, members[n % members.Count], draft, DateOnly.FromDateTime(utc), utc));
                }
            });
        }

        var fresh = Enumerable.Range(0, 200).Select(_ => new DuplicateProbe(Unit(), cities[random.Next(cities.Length)], null, Description(), Sector.Fire, Aspect.Responsibilities)).ToArray();
        var repeats = Enumerable.Range(0, 200).Select(_ => saved[random.Next(saved.Count)])
            .Select(f => new DuplicateProbe(f.Unit, f.City, null, "现场" + f.Description.TrimEnd('。') + "，未整改。", f.Sector, f.Aspect)).ToArray();
        return (members[0], fresh, repeats);
    }

    /// <summary>The kinds of unit and the descriptions of the labelled set.</summary>
    private static (string[] UnitKinds, string[] Descriptions) LabelledText()
    {
        var path = Path.Combine(Root(), "tests", "Assistant.Tests", "Findings", "Duplicates", "Data", "findings.tsv");
        var rows = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t')).ToList();
        string[] kinds = ["化工有限公司", "购物广场", "大酒店", "养老院", "加油站", "物流有限公司", "农贸市场", "建材厂", "网吧", "小区", "人民医院", "煤矿", "烟花厂", "项目部"];
        return (kinds, [.. rows.Select(r => r[7])]);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private static void Report(string what, Samples samples, string? note = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {samples.Percentile(50) / 1000:F3} ms, p99 {samples.Percentile(99) / 1000:F3} ms, max {samples.Percentile(100) / 1000:F3} ms{(note is null ? "" : " (" + note + ")")}"));

    /// <summary>In process (no separate build), short runs, with the tail columns.</summary>
    private sealed class DuplicateCheckConfig : ManualConfig
    {
        public DuplicateCheckConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.P95, StatisticColumn.Max);
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
