using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Localization;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using static Assistant.Tests.Findings.Duplicates.FindingMergerTests;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>
/// The detector's guarantees besides its quality: it offers only what the person may see, of their own team, never a
/// merged finding, and its in-memory index follows what is committed (a save is found at once, a rolled-back one never).
/// </summary>
public sealed class DuplicateDetectorTests
{
    private const string Recorded = "甲类仓库与办公楼之间防火间距不足，实测约8米，不符合规范要求。";
    private const string Again = "公司甲类库房距离办公楼只有8米左右，防火间距明显不够。";

    [Fact]
    public void Check_FindsTheSameHazardReworded_AndSaysWhyInBothLanguages()
    {
        using var h = Team(out var team);
        var a = Save(h, team, 953, Draft("湖南华强化工有限公司", Recorded));
        Save(h, team, 953, Draft("湖南华强化工有限公司", "动火作业未办理动火作业票，现场无监护人。"));

        var found = h.Get<DuplicateDetector>().Check(Member(h, 954), new DuplicateProbe("华强化工", "长沙市", null, Again, Sector.HazardousChemicals, Aspect.Responsibilities));

        var best = Assert.Single(found);
        Assert.Equal(a.Id, best.Finding.Id);
        Assert.Equal(UnitMatch.Similar, best.Evidence.Unit);
        var zh = best.Evidence.Describe(h.Get<TextCatalog>().For(Language.Chinese));
        var en = best.Evidence.Describe(h.Get<TextCatalog>().For(Language.English));
        Assert.StartsWith("单位名称相近；描述相似度0.", zh, StringComparison.Ordinal);
        Assert.Contains("数字一致", zh, StringComparison.Ordinal);
        Assert.StartsWith("similar unit name; description similarity 0.", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MoreTeamsThanItKeeps_EachCheckAnswers_AndTheLeastRecentlyUsedIndexIsDropped()
    {
        using var h = Team(out var first);
        var detector = h.Get<DuplicateDetector>();
        var probe = new DuplicateProbe("华强化工", "长沙市", null, Again, Sector.HazardousChemicals, Aspect.Responsibilities);
        var teams = new List<(Team Team, Member Member, Finding Finding)> { (first, Member(h, 953), Save(h, first, 953, Draft("湖南华强化工有限公司", Recorded))) };
        for (var i = 1; i <= DuplicateDetector.MaxTeams; i++)
        {
            var team = h.CreateTeam($"第{i + 10}组", "湖南省", $"T{i}");
            var leader = h.AddMember(team, 5000 + i, Role.Leader, $"组长{i}");
            teams.Add((team, leader, Save(h, team, 5000 + i, Draft("湖南华强化工有限公司", Recorded))));
        }

        // One team more than the detector keeps indexes of, checked on a thread of its own with a bound: before the fix
        // the last team's index, built but not used yet, was the least recently used, dropped at once and built again,
        // so its check (on the dispatcher's thread, inside its transaction) never returned and the bot stopped answering.
        List<IReadOnlyList<DuplicateCandidate>>? found = null;
        var checks = new Thread(() =>
        {
            try
            {
                found = [.. teams.Select(t => detector.Check(t.Member, probe))];
            }
            catch (LiteDB.LiteException)
            {
                // A check that never answered meets the database closed under it once the test has failed.
            }
        })
        { IsBackground = true };
        checks.Start();
        Assert.True(checks.Join(TimeSpan.FromMinutes(1)), "every check answers");

        Assert.Equal(teams.Select(t => t.Finding.Id), found!.Select(f => Assert.Single(f).Finding.Id));
        Assert.True(detector.IsIndexed(teams[^1].Team.Id), "the team checked last keeps its index");
        Assert.False(detector.IsIndexed(first.Id), "the least recently used team's index is dropped");
        Assert.Equal(DuplicateDetector.MaxTeams, teams.Count(t => detector.IsIndexed(t.Team.Id)));
    }

    [Fact]
    public void Check_NeverOffersACovertFindingToAMemberWhoMayNotSeeIt_NorAnotherTeamsFinding()
    {
        using var h = Team(out var team);
        var covertDraft = Draft("湖南华强化工有限公司", Recorded);
        covertDraft.Covert = true;
        var covert = Save(h, team, 953, covertDraft);
        var probe = new DuplicateProbe("华强化工", "长沙市", null, Again, Sector.HazardousChemicals, Aspect.Responsibilities);
        var detector = h.Get<DuplicateDetector>();

        Assert.Empty(detector.Check(Member(h, 954), probe));
        Assert.Equal(covert.Id, Assert.Single(detector.Check(Member(h, 951), probe)).Finding.Id);
        Assert.Equal(covert.Id, Assert.Single(detector.Check(Member(h, 953), probe)).Finding.Id);

        var other = h.CreateTeam("第八组", "湖北省");
        var stranger = h.AddMember(other, 999, Role.Leader, "外组组长");
        Assert.Empty(detector.Check(stranger, probe));
    }

    [Fact]
    public void Check_ReadsNoCovertFindingTheViewerMayNotSee_AndFollowsOneMadeOpen()
    {
        using var h = Team(out var team);
        var detector = h.Get<DuplicateDetector>();
        var probe = new DuplicateProbe("华强化工", "长沙市", null, Again, Sector.HazardousChemicals, Aspect.Responsibilities);
        var covert = new List<Finding>();
        for (var i = 0; i < 5; i++)
        {
            var draft = Draft("湖南华强化工有限公司", Recorded);
            draft.Covert = true;
            covert.Add(Save(h, team, 953, draft));
        }

        // The author sees all five alike and reads the three it shows; another member none, reading nothing.
        Assert.Equal(3, detector.Check(Member(h, 953), probe).Count);
        var read = detector.CandidatesRead;
        Assert.InRange(read, 3, 5);
        Assert.Empty(detector.Check(Member(h, 954), probe));
        Assert.Equal(read, detector.CandidatesRead);

        // Made open (same text, so the bigrams stay as they were): offered to the other member at once.
        var opened = h.Get<FindingStore>().Get(covert[2].Id)!;
        opened.Covert = false;
        h.Get<AssistantDatabase>().InTransaction(() => h.Get<FindingStore>().Update(opened));
        Assert.Equal(opened.Id, Assert.Single(detector.Check(Member(h, 954), probe)).Finding.Id);
        Assert.Equal(read + 1, detector.CandidatesRead);

        // Covert again: hidden again, and again unread.
        opened.Covert = true;
        h.Get<AssistantDatabase>().InTransaction(() => h.Get<FindingStore>().Update(opened));
        Assert.Empty(detector.Check(Member(h, 954), probe));
        Assert.Equal(read + 1, detector.CandidatesRead);
    }

    [Fact]
    public void Index_FollowsCommitsAndMerges_AndForgetsARolledBackSave()
    {
        using var h = Team(out var team);
        var detector = h.Get<DuplicateDetector>();
        var probe = new DuplicateProbe("华强化工", "长沙市", null, Again, Sector.HazardousChemicals, Aspect.Responsibilities);
        Save(h, team, 953, Draft("湖南华强化工有限公司", "动火作业未办理动火作业票。"));
        Assert.Empty(detector.Check(Member(h, 951), probe));
        Assert.True(detector.IsIndexed(team.Id));

        // Rolled back: never offered.
        Assert.ThrowsAny<InvalidOperationException>(() => h.Get<AssistantDatabase>().InTransaction(() =>
        {
            h.Get<FindingService>().Create(team, Member(h, 953), Draft("湖南华强化工有限公司", Recorded), DateOnly.FromDateTime(Now(h)), Now(h));
            throw new InvalidOperationException("rolled back");
        }));
        Assert.Empty(detector.Check(Member(h, 951), probe));

        // Committed: offered at once, without rebuilding the index.
        var a = Save(h, team, 953, Draft("湖南华强化工有限公司", Recorded));
        Assert.Equal(a.Id, Assert.Single(detector.Check(Member(h, 951), probe)).Finding.Id);

        // Merged into another: the one it went into is offered, never the merged one.
        var b = Save(h, team, 954, Draft("华强化工", "甲类仓库距办公楼约8米，防火间距不足。"));
        var target = h.Get<FindingStore>().Get(a.Id)!;
        Tx(h, () => h.Get<FindingMerger>().Merge(Member(h, 952), b.Id, b.Revision, a.Id, target.Revision, Now(h)));
        var found = detector.Check(Member(h, 951), probe);
        Assert.DoesNotContain(found, c => c.Finding.Id == b.Id);
        Assert.Contains(found, c => c.Finding.Id == a.Id);

        // Editing a finding never offers itself.
        Assert.DoesNotContain(detector.Check(Member(h, 951), DuplicateProbe.Of(h.Get<FindingStore>().Get(a.Id)!)), c => c.Finding.Id == a.Id);
    }
}
