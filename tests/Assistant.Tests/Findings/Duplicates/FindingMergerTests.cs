using Assistant.Core.Messaging;
using Assistant.Core.Audit;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Ledger;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>
/// Merging a duplicate into the finding it repeats, at the service level, on a real LiteDB file: both authors, all
/// evidence and the history are kept; the brief's facts, the ledger and its reminders see one finding; who may merge
/// what is checked in the service whatever the caller.
/// </summary>
public sealed class FindingMergerTests
{
    private const long Leader = 951;
    private const long Liaison = 952;
    private const long Author = 953;
    private const long Colleague = 954;
    private const long Observer = 955;

    [Fact]
    public void SaveInto_KeepsBothAuthorsAllEvidenceAndHistory_AndEveryCountSeesOneFinding()
    {
        using var h = Team(out var team);
        var a = Save(h, team, Author, Draft("湖南华强化工有限公司", "甲类仓库与办公楼之间防火间距不足，实测约8米。", "photo-a"));
        var day = DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime);
        Assert.Single(h.Get<FactsBuilder>().Day(team, day).Findings);

        var draft = Draft("华强化工", "甲类库房距离办公楼只有8米左右，安全距离不够。", "photo-b");
        var outcome = Tx(h, () => h.Get<FindingMerger>().SaveInto(team, Member(h, Colleague), draft, complete: true, day, a.Id, a.Revision, Now(h)));

        var merged = Assert.IsType<MergeOutcome.Merged>(outcome);
        var target = h.Get<FindingStore>().Get(a.Id)!;
        var source = h.Get<FindingStore>().Get(merged.Source.Id)!;
        Assert.Equal(["photo-a", "photo-b"], target.Evidence.Select(e => e.FileId));
        Assert.Equal("李明", target.AuthorName);
        Assert.Equal("张伟", Assert.Single(target.Contributors).Name);
        Assert.Equal(source.Code, target.Contributors[0].FromCode);
        Assert.Equal(a.Revision + 1, target.Revision);

        // The duplicate is kept, whole, and says where it went; its own number leads there.
        Assert.Equal(a.Id, source.MergedIntoId);
        Assert.Equal(a.Code, source.MergedIntoCode);
        Assert.Equal("甲类库房距离办公楼只有8米左右，安全距离不够。", source.Description);
        Assert.Equal(target.Code, h.Get<FindingMerger>().Resolve(source).Code);

        // The audit trail: the history of both findings and the audit log.
        var history = h.Get<FindingStore>().ChangesOf(a.Id);
        Assert.Contains(history, c => c.Field == "merged" && c.NewValue == source.Code);
        Assert.Contains(history, c => c.Field == "merged_description" && c.NewValue!.Contains("安全距离不够", StringComparison.Ordinal));
        Assert.Contains(history, c => c.Field == "contributors" && c.NewValue == "张伟");
        Assert.Contains(h.Get<FindingStore>().ChangesOf(source.Id), c => c.Field == "merged_into" && c.NewValue == a.Code);
        Assert.Contains(h.Get<AuditLog>().ForActor(Colleague), e => e.Action == "merge" && e.Detail == $"{source.Code} into {a.Code}");

        // Counted once: the brief's facts, the ledger, the statistics.
        Assert.Equal(a.Id, Assert.Single(h.Get<FactsBuilder>().Day(team, day).Findings).Id);
        var ledger = h.Get<LedgerQueries>().All(new LedgerQuery { Scope = LedgerScope.All }, Member(h, Leader), day).ToList();
        Assert.Equal(a.Id, Assert.Single(ledger).Id);
        Assert.Single(FindingCounts.Counted(h.Get<FindingStore>().OfTeam(team.Id)));

        // The duplicate takes no further step and no edit; the colleague edits the finding it went into.
        Assert.NotNull(LedgerService.Check(source, Member(h, Leader), RectificationAction.Assign));
        Assert.False(FindingVisibility.CanEdit(Member(h, Colleague), source));
        Assert.True(FindingVisibility.CanEdit(Member(h, Colleague), target));
    }

    [Fact]
    public void Merge_OfTwoSavedFindings_OnlyByLeaderOrLiaison_AndRefusalsSayWhy()
    {
        using var h = Team(out var team);
        var a = Save(h, team, Author, Draft("长沙国泰购物广场", "商场三楼东侧安全出口被货物堵塞。", "p1"));
        var b = Save(h, team, Colleague, Draft("国泰购物广场", "3楼东面疏散出口堆满货物。", "p2"));
        var merger = h.Get<FindingMerger>();

        var byMember = Tx(h, () => merger.Merge(Member(h, Colleague), b.Id, b.Revision, a.Id, a.Revision, Now(h)));
        Assert.Equal(MergeRefusal.NotAllowed, Assert.IsType<MergeOutcome.Refused>(byMember).Reason);
        Assert.False(h.Get<FindingStore>().Get(b.Id)!.IsMerged);
        Assert.Contains(h.Get<AuditLog>().ForActor(Colleague), e => e.Action == "denied");

        var self = Tx(h, () => merger.Merge(Member(h, Liaison), a.Id, a.Revision, a.Id, a.Revision, Now(h)));
        Assert.Equal(MergeRefusal.SameFinding, Assert.IsType<MergeOutcome.Refused>(self).Reason);

        var stale = Tx(h, () => merger.Merge(Member(h, Liaison), b.Id, b.Revision - 1, a.Id, a.Revision, Now(h)));
        Assert.IsType<MergeOutcome.Stale>(stale);

        var done = Tx(h, () => merger.Merge(Member(h, Liaison), b.Id, b.Revision, a.Id, a.Revision, Now(h)));
        Assert.IsType<MergeOutcome.Merged>(done);

        // Into the duplicate: refused, naming the finding to use instead.
        var c = Save(h, team, Observer, Draft("国泰购物广场", "三楼安全出口堵塞。", "p3"));
        var current = h.Get<FindingStore>().Get(b.Id)!;
        var intoMerged = Tx(h, () => merger.Merge(Member(h, Leader), c.Id, c.Revision, b.Id, current.Revision, Now(h)));
        var refused = Assert.IsType<MergeOutcome.Refused>(intoMerged);
        Assert.Equal(MergeRefusal.TargetMerged, refused.Reason);
        Assert.Equal(a.Id, refused.Other!.Id);
    }

    [Fact]
    public void Merge_CovertWithOpen_OrIntoClosed_OrAcrossTeams_IsRefused()
    {
        using var h = Team(out var team);
        var open = Save(h, team, Author, Draft("某网吧", "灭火器过期。", "o1"));
        var covertDraft = Draft("某网吧", "暗访发现灭火器过期。", "c1");
        covertDraft.Covert = true;
        var covert = Save(h, team, Colleague, covertDraft);
        var merger = h.Get<FindingMerger>();
        var mixed = Tx(h, () => merger.Merge(Member(h, Leader), covert.Id, covert.Revision, open.Id, open.Revision, Now(h)));
        Assert.Equal(MergeRefusal.OpennessDiffers, Assert.IsType<MergeOutcome.Refused>(mixed).Reason);

        var closedDraft = Draft("某网吧", "疏散指示标志损坏。", "x1");
        closedDraft.FixedOnSpot = true;
        var closed = Save(h, team, Author, closedDraft);
        var stored = h.Get<FindingStore>().Get(closed.Id)!;
        stored.Status = RectificationStatus.Closed;
        h.Get<AssistantDatabase>().InTransaction(() => h.Get<FindingStore>().Update(stored));
        var intoClosed = Tx(h, () => merger.Merge(Member(h, Leader), open.Id, open.Revision, closed.Id, stored.Revision, Now(h)));
        Assert.Equal(MergeRefusal.TargetClosed, Assert.IsType<MergeOutcome.Refused>(intoClosed).Reason);

        // Another team's leader: the same answer as for a finding that does not exist.
        var other = h.CreateTeam("第八组", "湖北省");
        var stranger = h.AddMember(other, 999, Role.Leader, "外组组长");
        Assert.IsType<MergeOutcome.NotFound>(Tx(h, () => merger.Merge(stranger, open.Id, open.Revision, covert.Id, covert.Revision, Now(h))));
        Assert.False(h.Get<FindingStore>().Get(open.Id)!.IsMerged);
    }

    [Fact]
    public void SaveInto_ACovertFindingTheAuthorMayNotSee_IsNotFound_AndNothingIsSaved()
    {
        using var h = Team(out var team);
        var covertDraft = Draft("某酒店", "暗访发现客房未配备逃生面罩。", "c1");
        covertDraft.Covert = true;
        var covert = Save(h, team, Author, covertDraft);
        var before = h.Get<FindingStore>().OfTeam(team.Id).Count;
        var draft = Draft("某酒店", "客房未配备逃生面罩。", "c2");
        draft.Covert = true;

        var outcome = Tx(h, () => h.Get<FindingMerger>().SaveInto(team, Member(h, Colleague), draft, complete: true, DateOnly.FromDateTime(Now(h)), covert.Id, covert.Revision, Now(h)));

        Assert.IsType<MergeOutcome.NotFound>(outcome);
        Assert.Equal(before, h.Get<FindingStore>().OfTeam(team.Id).Count);
        Assert.Empty(h.Get<FindingStore>().Get(covert.Id)!.Contributors);
    }

    internal static CoreHarness Team(out Team team)
    {
        var h = CoreHarness.Create();
        team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader, "刘组长");
        h.AddMember(team, Liaison, Role.Liaison, "陈静");
        h.AddMember(team, Author, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        h.AddMember(team, Observer, Role.Member, "王芳");
        return h;
    }

    internal static Member Member(CoreHarness h, long userId) => h.Get<TeamStore>().GetMember(userId)!;

    internal static DateTime Now(CoreHarness h) => h.Time.GetUtcNow().UtcDateTime;

    internal static T Tx<T>(CoreHarness h, Func<T> work) => h.Get<AssistantDatabase>().InTransaction(work);

    internal static Finding Save(CoreHarness h, Team team, long author, FindingDraft draft) =>
        Tx(h, () => h.Get<FindingService>().Create(team, Member(h, author), draft, DateOnly.FromDateTime(Now(h)), Now(h)));

    internal static FindingDraft Draft(string unit, string description, string? photo = null) => new()
    {
        Aspect = Aspect.Responsibilities,
        Sector = Sector.HazardousChemicals,
        Method = Method.OnSiteInspection,
        Covert = false,
        City = "长沙市",
        Unit = unit,
        Description = description,
        Severity = Severity.GeneralHazard,
        Evidence = photo is null ? [] : [new Evidence { Kind = EvidenceKind.Photo, FileId = photo, AddedUtc = new DateTime(2023, 11, 2, 1, 0, 0, DateTimeKind.Utc) }],
    };
}
