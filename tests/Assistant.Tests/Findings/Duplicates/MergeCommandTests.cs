using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using static Assistant.Tests.Findings.Duplicates.FindingMergerTests;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>/merge through the dispatcher: leader or liaison only, a confirmation showing both, revisions checked on the press.</summary>
public sealed class MergeCommandTests
{
    private const long Leader = 951;
    private const long Liaison = 952;
    private const long Colleague = 954;

    [Fact]
    public void Merge_AsksToConfirm_ThenMerges_AndTheDuplicatesCardLeadsToTheKeptOne()
    {
        using var h = Team(out var team);
        var a = Save(h, team, 953, Draft("长沙国泰购物广场", "商场三楼东侧安全出口被货物堵塞。", "p1"));
        var b = Save(h, team, Colleague, Draft("国泰购物广场", "3楼东面疏散出口堆满货物。", "p2"));

        h.Send(Liaison, $"/merge {b.Code.ToLowerInvariant()} {a.Code}");
        Assert.Contains($"确认把{b.Code}作为重复问题并入{a.Code}", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.False(Current(h, b).IsMerged);

        h.Press(Liaison, "确认合并");

        Assert.Equal(a.Id, Current(h, b).MergedIntoId);
        var reply = h.LastText(Liaison);
        Assert.Contains($"已把{b.Code}并入{a.Code}", reply, StringComparison.Ordinal);
        Assert.Contains($"共同记录：张伟（{b.Code}）", reply, StringComparison.Ordinal);

        h.Send(Colleague, "/finding " + b.Code);
        Assert.Contains($"已作为重复问题并入{a.Code}", h.LastText(Colleague), StringComparison.Ordinal);
        h.Press(Colleague, "打开" + a.Code);
        Assert.Contains("共同记录：张伟", h.LastText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ByAMember_OrAForgedButton_OrAfterAnEdit_MergesNothing_AndSaysWhy()
    {
        using var h = Team(out var team);
        var a = Save(h, team, 953, Draft("长沙国泰购物广场", "商场三楼东侧安全出口被货物堵塞。"));
        var b = Save(h, team, Colleague, Draft("国泰购物广场", "3楼东面疏散出口堆满货物。"));

        h.Send(Colleague, $"/merge {b.Code} {a.Code}");
        Assert.DoesNotContain(h.LatestButtons(Colleague), x => x.Data.StartsWith("mg:", StringComparison.Ordinal));
        h.PressData(Colleague, $"mg:c:{b.Id}:{b.Revision}:{a.Id}:{a.Revision}");
        Assert.Contains("您的角色不能进行此操作", h.LastText(Colleague), StringComparison.Ordinal);

        h.Send(Leader, $"/merge {b.Code} {a.Code}");
        var edited = Current(h, a);
        edited.Description += "（已补充）";
        edited.Revision++;
        Tx(h, () => { h.Get<FindingStore>().Update(edited); return 0; });
        h.Press(Leader, "确认合并");
        Assert.Contains("没有合并", h.LastText(Leader), StringComparison.Ordinal);

        h.Send(Leader, $"/merge {b.Code}");
        Assert.Contains("用法：/merge", h.LastText(Leader), StringComparison.Ordinal);
        h.Send(Leader, $"/merge {b.Code} G9-404");
        Assert.Contains("没有找到问题G9-404", h.LastText(Leader), StringComparison.Ordinal);
        h.Send(Leader, $"/merge {b.Code} {b.Code}");
        Assert.Contains("不能把问题并入它自己", h.LastText(Leader), StringComparison.Ordinal);
        Assert.False(Current(h, b).IsMerged);
    }

    [Fact]
    public void Merge_InEnglish_ConfirmsAndCancels()
    {
        using var h = Team(out var team);
        h.AddMember(team, 960, Role.Liaison, "Chen", Language.English);
        var a = Save(h, team, 953, Draft("长沙国泰购物广场", "商场三楼东侧安全出口被货物堵塞。"));
        var b = Save(h, team, Colleague, Draft("国泰购物广场", "3楼东面疏散出口堆满货物。"));

        h.Send(960, $"/merge {b.Code} {a.Code}");
        Assert.Contains($"Merge {b.Code} into {a.Code} as its duplicate?", h.LastText(960), StringComparison.Ordinal);
        h.Press(960, "Cancel");
        Assert.Equal("Cancelled; nothing was merged.", h.LastText(960));
        Assert.False(Current(h, b).IsMerged);
    }

    private static Finding Current(CoreHarness h, Finding f) => h.Get<FindingStore>().Get(f.Id)!;
}
