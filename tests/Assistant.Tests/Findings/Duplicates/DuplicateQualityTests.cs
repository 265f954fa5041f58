using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using Xunit.Abstractions;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>
/// Precision and recall of the duplicate detector on the labelled set (Data/pairs.tsv, at least 100 pairs), through its
/// real path on a real LiteDB file. The floors guard against a regression of what was measured at the threshold
/// <see cref="DuplicateScorer.Threshold"/> (README, "Duplicate findings": precision 0.906, recall 0.750 over all 176
/// pairs): precision matters most (a card that offers a wrong finding costs the member a tap and trust), a missed
/// duplicate costs a merge by the leader or the liaison later.
/// </summary>
public sealed class DuplicateQualityTests(ITestOutputHelper output)
{
    public const double PrecisionFloor = 0.88;
    public const double RecallFloor = 0.72;

    [Fact]
    public void LabelledPairs_AtTheThreshold_MeetPrecisionAndRecallFloors()
    {
        var (findings, pairs) = LabelledPairs.Load(Repository.PathOf("tests", "Assistant.Tests", "Findings", "Duplicates", "Data"));
        Assert.True(pairs.Count >= 100, $"only {pairs.Count} labelled pairs");
        Assert.Contains(pairs, p => p.Duplicate);
        Assert.Contains(pairs, p => !p.Duplicate);

        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        Member[] authors = [h.AddMember(team, 11, Role.Member, "李明"), h.AddMember(team, 12, Role.Member, "张伟"), h.AddMember(team, 13, Role.Liaison, "王芳")];
        var leader = h.AddMember(team, 14, Role.Leader, "赵组长");
        var saved = LabelledPairs.Seed(h.Services, team, authors, findings, h.Time.GetUtcNow().UtcDateTime);

        var (quality, results) = LabelledPairs.Evaluate(h.Get<DuplicateDetector>(), leader, saved, pairs);

        output.WriteLine("duplicates: " + quality);
        foreach (var set in results.GroupBy(r => r.Pair.Set))
        {
            output.WriteLine($"  {set.Key}: {LabelledPairs.Of(set)}");
        }

        foreach (var kind in results.GroupBy(r => r.Pair.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind.Key}: {kind.Count(r => r.Offered == r.Pair.Duplicate)}/{kind.Count()} right");
        }

        foreach (var line in LabelledPairs.Mistakes(results, findings))
        {
            output.WriteLine("  " + line);
        }

        if (Environment.GetEnvironmentVariable("DUPLICATES_TRACE") == "1")
        {
            foreach (var r in results)
            {
                var e = r.Evidence;
                output.WriteLine(FormattableString.Invariant($"TRACE\t{r.Pair.New}\t{r.Pair.Recorded}\t{r.Pair.Duplicate}\t{r.Pair.Kind}\t{r.Offered}\t{e?.Score:F3}\t{e?.Unit}\t{e?.Description:F3}\t{e?.SameCity}\t{e?.SameSector}\t{e?.SameAspect}\t{e?.SharedNumbers}\t{e?.PlacesDiffer}\t{e?.QuantitiesDiffer}"));
            }
        }

        Assert.True(quality.Precision >= PrecisionFloor, $"precision {quality.Precision:F3} < {PrecisionFloor}");
        Assert.True(quality.Recall >= RecallFloor, $"recall {quality.Recall:F3} < {RecallFloor}");
    }
}
