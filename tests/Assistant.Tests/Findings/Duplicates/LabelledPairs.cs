using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>A finding of the labelled set (Data/findings.tsv).</summary>
public sealed record LabelledFinding(string Id, string Unit, string City, string Place, Sector Sector, Aspect Aspect, bool Covert, string Description);

/// <summary>
/// A labelled pair (Data/pairs.tsv): <see cref="New"/> is being saved, <see cref="Recorded"/> is saved. <see cref="Set"/>
/// is "tuning" (written first; the detector was tuned on them) or "held-out" (written after, evaluated once).
/// </summary>
public sealed record LabelledPair(string New, string Recorded, bool Duplicate, string Kind, string Set);

/// <summary>What the detector said about one pair: whether the recorded finding was offered, and its evidence if so.</summary>
public sealed record PairResult(LabelledPair Pair, bool Offered, DuplicateEvidence? Evidence);

/// <summary>Precision and recall over the labelled pairs.</summary>
public sealed record DuplicateQuality(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public int Pairs => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Pairs} pairs ({TruePositives + FalseNegatives} duplicates): precision {Precision:F3}, recall {Recall:F3} (TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, TN {TrueNegatives}) at threshold {DuplicateScorer.Threshold:F2}, top {DuplicateDetector.DefaultMax}");
}

/// <summary>
/// The labelled set of duplicate pairs and its evaluation through the detector's real path: every finding of the set
/// is saved in one team (authors rotating among the members), then for each pair the "new" finding is checked as the
/// leader sees it (excluding itself) and the pair counts as found when the "recorded" one is among the candidates
/// offered (at most <see cref="DuplicateDetector.DefaultMax"/>, as the card shows). Shared with the benchmarks as source.
/// </summary>
public static class LabelledPairs
{
    public static (IReadOnlyList<LabelledFinding> Findings, IReadOnlyList<LabelledPair> Pairs) Load(string folder)
    {
        var findings = Rows(Path.Combine(folder, "findings.tsv"))
            .Select(r => new LabelledFinding(r[0], r[1], r[2], r[3], Enum.Parse<Sector>(r[4]), (Aspect)int.Parse(r[5], CultureInfo.InvariantCulture), r[6] == "1", r[7]))
            .ToList();
        var pairs = Rows(Path.Combine(folder, "pairs.tsv"))
            .Select(r => new LabelledPair(r[0], r[1], r[2] switch
            {
                "duplicate" => true,
                "distinct" => false,
                _ => throw new InvalidDataException("label must be duplicate or distinct: " + r[2]),
            }, r[3], r[4]))
            .ToList();
        return (findings, pairs);
    }

    /// <summary>Saves every finding of the set in the team, in file order; returns them by their set id.</summary>
    public static Dictionary<string, Finding> Seed(IServiceProvider services, Team team, IReadOnlyList<Member> authors, IReadOnlyList<LabelledFinding> findings, DateTime utc)
    {
        var service = services.GetRequiredService<FindingService>();
        var saved = new Dictionary<string, Finding>(StringComparer.Ordinal);
        services.GetRequiredService<AssistantDatabase>().InTransaction(() =>
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                saved[f.Id] = service.Create(team, authors[i % authors.Count], Draft(f), DateOnly.FromDateTime(utc), utc);
            }
        });
        return saved;
    }

    public static FindingDraft Draft(LabelledFinding f) => new()
    {
        Aspect = f.Aspect,
        Sector = f.Sector,
        Method = Method.OnSiteInspection,
        Covert = f.Covert,
        City = f.City,
        Place = f.Place.Length == 0 ? null : f.Place,
        Unit = f.Unit,
        Description = f.Description,
        Severity = Severity.GeneralHazard,
    };

    /// <summary>The figures of some of the results (one set, one kind).</summary>
    public static DuplicateQuality Of(IEnumerable<PairResult> results)
    {
        var list = results.ToList();
        return new DuplicateQuality(
            list.Count(r => r.Pair.Duplicate && r.Offered), list.Count(r => !r.Pair.Duplicate && r.Offered),
            list.Count(r => r.Pair.Duplicate && !r.Offered), list.Count(r => !r.Pair.Duplicate && !r.Offered));
    }

    public static (DuplicateQuality Quality, IReadOnlyList<PairResult> Results) Evaluate(
        DuplicateDetector detector, Member viewer, IReadOnlyDictionary<string, Finding> saved, IReadOnlyList<LabelledPair> pairs)
    {
        var results = new List<PairResult>();
        foreach (var pair in pairs)
        {
            var probe = DuplicateProbe.Of(saved[pair.New]);
            var candidates = detector.Check(viewer, probe);
            var hit = candidates.FirstOrDefault(c => c.Finding.Id == saved[pair.Recorded].Id);
            results.Add(new PairResult(pair, hit is not null, hit?.Evidence ?? detector.Explain(viewer.TeamId, probe, saved[pair.Recorded].Id)));
        }

        return (Of(results), results);
    }

    /// <summary>One line per pair the detector got wrong, with its evidence, for the test output.</summary>
    public static IEnumerable<string> Mistakes(IEnumerable<PairResult> results, IReadOnlyList<LabelledFinding> findings)
    {
        var byId = findings.ToDictionary(f => f.Id, StringComparer.Ordinal);
        return results.Where(r => r.Offered != r.Pair.Duplicate).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{(r.Pair.Duplicate ? "missed" : "false alarm")} {r.Pair.New}→{r.Pair.Recorded} ({r.Pair.Kind}): score {r.Evidence?.Score:F2}, unit {r.Evidence?.Unit}, description {r.Evidence?.Description:F2} | {byId[r.Pair.New].Unit}：{byId[r.Pair.New].Description} | {byId[r.Pair.Recorded].Unit}：{byId[r.Pair.Recorded].Description}"));
    }

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t'));
}
