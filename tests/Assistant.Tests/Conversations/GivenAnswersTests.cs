using Assistant.Core.Findings;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Conversations;

/// <summary>
/// The live card's "answers so far" line (已填：…) lists what the draft accepted, as its value: the chosen choice, the
/// date as read in the member's language. A date the flow refused, a skip button, the label of a quick button never
/// show as answers. Driven through the ledger's assignment (unit typed, person, deadline), on the real core.
/// </summary>
public sealed class GivenAnswersTests
{
    /// <summary>The "so far" line of the message that changed last: its first line, or "" when it has none.</summary>
    private static string GivenLine(CoreHarness h, long chat, string prefix)
    {
        var first = h.LastText(chat).Split('\n')[0];
        return first.StartsWith(prefix, StringComparison.Ordinal) ? first : "";
    }

    private static Finding StartAssignment(CoreHarness h)
    {
        var f = FindingFlowTests.Record(h, Author);
        h.Clear();
        Do(h, Liaison, f, "a");
        h.Send(Liaison, "望城区应急管理局");
        return f;
    }

    [Fact]
    public void SkipPressed_IsNoAnswer_TheTypedUnitIs()
    {
        using var h = Team(out _);
        StartAssignment(h);

        h.Press(Liaison, "跳过");

        Assert.Contains("整改期限", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Equal("已填：望城区应急管理局", GivenLine(h, Liaison, "已填"));
    }

    [Fact]
    public void RefusedDate_ThenAFarOneConfirmed_ShowsOnlyTheAcceptedDate_AsADate()
    {
        using var h = Team(out _);
        StartAssignment(h);
        h.Press(Liaison, "跳过");

        h.Send(Liaison, "2023-11-01");
        Assert.Contains("已经过去了", h.AllText(Liaison), StringComparison.Ordinal);
        h.Send(Liaison, "2024-06-30");
        h.Press(Liaison, "确认期限");

        var given = GivenLine(h, Liaison, "已填");
        Assert.Equal("已填：望城区应急管理局 · 2024年6月30日", given);
        Assert.Contains("确认对", h.LastText(Liaison), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedDate_ThenAQuickButton_ShowsTheDayItGives_NotTheButtonsLabel()
    {
        using var h = Team(out _);
        StartAssignment(h);
        h.Press(Liaison, "王责任人");

        h.Send(Liaison, "11月31日");
        Assert.DoesNotContain("确认期限", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "7天后");

        var given = GivenLine(h, Liaison, "已填");
        Assert.Equal("已填：望城区应急管理局 · 王责任人 · 11月9日", given);
        Assert.DoesNotContain("11月31日", given, StringComparison.Ordinal);
        Assert.DoesNotContain("7天后", given, StringComparison.Ordinal);
    }

    [Fact]
    public void InEnglish_TheAcceptedDate_IsWrittenTheEnglishWay()
    {
        using var h = Team(out var team);
        const long English = 991;
        h.AddMember(team, English, Role.Liaison, "Jane", Core.Localization.Language.English);
        var f = FindingFlowTests.Record(h, Author);
        Do(h, English, f, "a");
        h.Send(English, "Wangcheng emergency bureau");
        h.Press(English, "Skip");

        h.Send(English, "2023-11-01");
        h.Press(English, "In 7 days");

        Assert.Equal("So far: Wangcheng emerge… · 9 Nov", GivenLine(h, English, "So far"));
    }
}
