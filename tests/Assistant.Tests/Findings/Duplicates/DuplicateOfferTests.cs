using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Localization;
using static Assistant.Tests.Findings.Duplicates.FindingMergerTests;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>The save-time offer the review card shows: which recorded finding, why, and a choice that adds the draft to it.</summary>
public sealed class DuplicateOfferTests
{
    [Fact]
    public void For_NamesTheRecordedFinding_AndAccept_AddsTheDraftAsEvidence_InBothLanguages()
    {
        using var h = Team(out var team);
        var a = Save(h, team, 953, Draft("长沙国泰购物广场", "商场三楼东侧安全出口被货物堵塞，疏散通道堆放纸箱。", "p1"));
        var draft = Draft("国泰购物广场", "3楼东面疏散出口堆满货物，人员无法正常通行。", "p2");
        var offer = h.Get<DuplicateOffer>();
        var catalog = h.Get<TextCatalog>();

        var zh = offer.For(catalog.For(Language.Chinese), Member(h, 954), draft, complete: true);
        var en = offer.For(catalog.For(Language.English), Member(h, 954), draft, complete: true);

        Assert.NotNull(zh);
        Assert.Contains($"与本组已记录的<b>{a.Code}</b>（李明，2023年11月2日）相似", zh.Value.Html, StringComparison.Ordinal);
        var choice = Assert.Single(zh.Value.Choices);
        Assert.Equal($"作为{a.Code}的补充证据", choice.Label);
        Assert.Contains($"Looks like <b>{a.Code}</b>, already recorded by 李明 on 2 Nov 2023", en!.Value.Html, StringComparison.Ordinal);

        var outcome = Tx(h, () => offer.Accept(team, Member(h, 954), draft, complete: true, choice.Value, new DateOnly(2023, 11, 2), Now(h)));

        var merged = Assert.IsType<MergeOutcome.Merged>(outcome);
        Assert.Equal(["p1", "p2"], h.Get<FindingStore>().Get(a.Id)!.Evidence.Select(e => e.FileId));
        Assert.Equal(a.Id, h.Get<FindingStore>().Get(merged.Source.Id)!.MergedIntoId);
        Assert.Null(Tx(h, () => offer.Accept(team, Member(h, 954), draft, complete: true, "save", new DateOnly(2023, 11, 2), Now(h))));
    }

    [Fact]
    public void For_ACovertDraftLikeAnOpenFinding_NamesItWithoutAChoice_AndAnEditIsNotChecked()
    {
        using var h = Team(out var team);
        var a = Save(h, team, 953, Draft("长沙国泰购物广场", "商场三楼东侧安全出口被货物堵塞。"));
        var covert = Draft("国泰购物广场", "3楼东面安全出口被货物堵塞。");
        covert.Covert = true;
        var t = h.Get<TextCatalog>().For(Language.Chinese);

        var offered = h.Get<DuplicateOffer>().For(t, Member(h, 954), covert, complete: true);
        Assert.Contains(a.Code, offered!.Value.Html, StringComparison.Ordinal);
        Assert.Empty(offered.Value.Choices);
        Assert.Contains("/merge", offered.Value.Html, StringComparison.Ordinal);

        var edit = FindingDraft.From(h.Get<FindingStore>().Get(a.Id)!);
        Assert.Null(h.Get<DuplicateOffer>().For(t, Member(h, 953), edit, complete: true));
    }
}
