using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Channels;

/// <summary>
/// A finding's card, the ledger list and its filters, the names of sectors and aspects, and a resumed draft, through
/// the real host and the fake Bot API.
/// </summary>
public sealed class FindingCardTelegramTests
{
    private const long Leader = 601;
    private const long Member = 603;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task FindingByCode_ShowsItsLedgerStatusAndTheSameStepsAsTheLedgerCard_ForEachReader()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        Seed(app);

        foreach (var reader in new[] { Leader, Member })
        {
            var user = new TelegramUser(api, reader, Long);
            var card = await user.SayAsync("/finding G7-007");
            await user.SayAsync("/ledger");
            var ledgerCard = await user.PressAsync("G7-007");

            Assert.Contains("G7-007 · 重大事故隐患", card.PlainText, StringComparison.Ordinal);
            Assert.Contains("整改情况\n状态：待整改", card.PlainText, StringComparison.Ordinal);
            var steps = ledgerCard.Buttons.Select(b => (b.Text, b.CallbackData)).ToList();
            Assert.NotEmpty(steps);
            Assert.Equal(steps, card.Buttons.Select(b => (b.Text, b.CallbackData)).Take(steps.Count));
            // Then the card's own buttons: edit and history for its author (the leader here), nothing more for others.
            Assert.Equal(reader == Leader ? ["✎ 编辑", "修改记录"] : [], card.Buttons.Skip(steps.Count).Select(b => b.Text));
        }

        // The leader may assign; a member may not, and is not offered it.
        Assert.Contains(api.Sent, m => m.ChatId == Leader && m.PlainText!.Contains("G7-007 · 重大", StringComparison.Ordinal) && m.Buttons.Any(b => b.Text == "指派责任"));
        Assert.DoesNotContain(api.Sent, m => m.ChatId == Member && m.Buttons.Any(b => b.Text == "指派责任"));
    }

    [Fact]
    public async Task LedgerList_MarksMajorHazards_AndFiltersBySectorAndAspectShortNames()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        Seed(app);
        var leader = new TelegramUser(api, Leader, Long);

        var all = (await leader.SayAsync("/ledger 全部")).PlainText!;
        var hazchem = (await leader.SayAsync("/ledger 危化")).PlainText!;
        var mines = (await leader.SayAsync("/ledger 矿山")).PlainText!;
        var grassroots = (await leader.SayAsync("/ledger 基层")).PlainText!;
        var english = (await leader.SayAsync("/ledger gas")).PlainText!;

        Assert.Contains("G7-007 · 🔴重大事故隐患 · 长沙某化工有限公司", all, StringComparison.Ordinal);
        Assert.Equal(1, all.Split('\n').Count(l => l.Contains("🔴重大事故隐患", StringComparison.Ordinal)));
        Assert.Equal(["G7-007"], Codes(hazchem));
        Assert.Equal(["G7-002", "G7-003"], Codes(mines));
        Assert.Equal(["G7-005"], Codes(grassroots));
        Assert.Equal(["G7-004"], Codes(english));
    }

    [Fact]
    public async Task FindingFlow_TakesShortNamesForTheAspectAndTheSector_AndAsksWhenOneNamesTwo()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Member, Role.Member, "李明");
        var member = new TelegramUser(api, Member, Long);

        await member.SayAsync("/finding");
        var sectorQuestion = await member.SayAsync("基层末梢");
        var twoMeant = await member.SayAsync("矿山");
        await member.NextAfterAsync(twoMeant.MessageId);
        var methodQuestion = await member.SayAsync("危化");

        Assert.Contains("领域", sectorQuestion.PlainText, StringComparison.Ordinal);
        Assert.Equal("“矿山”可以是煤矿、非煤矿山，请点选其中一个。", twoMeant.PlainText);
        Assert.Contains("方式", methodQuestion.PlainText, StringComparison.Ordinal);
        var draft = app.Get<DraftStore>().Get(Member)!;
        Assert.Equal("Grassroots", draft.Data["Aspect"].AsString);
        Assert.Equal("HazardousChemicals", draft.Data["Sector"].AsString);
    }

    [Fact]
    public async Task ResumedDraft_SaysSoWithWhatItHolds_WhenStartedAgainAndAfterAnHoursPause()
    {
        var time = new ShiftedTime();
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, configure: b => b.Services.AddSingleton<TimeProvider>(time));
        app.AddMember(app.CreateTeam(), Member, Role.Member, "李明");
        var member = new TelegramUser(api, Member, Long);
        await member.SayAsync("/finding");
        await member.PressAsync("安全生产责任落实");
        await member.PressAsync("消防");
        await member.PressAsync("实地检查");
        await member.PressAsync("明查");
        var city = await member.SayAsync("长沙市");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId >= city.MessageId && m.PlainText!.Contains("被检查单位", StringComparison.Ordinal), Long);
        await Task.Delay(100);

        var again = await member.SayAsync("/finding");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId > again.MessageId && m.PlainText!.Contains("被检查单位", StringComparison.Ordinal), Long);
        time.Advance(TimeSpan.FromHours(2));
        var afterPause = await member.SayAsync("长沙某商场");

        Assert.Equal("您有未完成的“记录问题”，继续：消防 · 长沙市", again.PlainText);
        Assert.Equal("您有未完成的“记录问题”，继续：消防 · 长沙市", afterPause.PlainText);
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId > afterPause.MessageId && m.PlainText!.Contains("发现了什么问题", StringComparison.Ordinal), Long);
        Assert.Equal("长沙某商场", app.Get<DraftStore>().Get(Member)!.Data["Unit"].AsString);
    }

    private static List<string> Codes(string ledgerPage) =>
        [.. ledgerPage.Split('\n').Where(l => l.StartsWith("G7-", StringComparison.Ordinal)).Select(l => l[..6])];

    /// <summary>A team with a leader and a member, and seven findings in as many sectors; G7-007 is the major hazard.</summary>
    private static void Seed(TestApp app)
    {
        var team = app.CreateTeam();
        var leader = app.AddMember(team, Leader, Role.Leader, "刘组长");
        app.AddMember(team, Member, Role.Member, "李明");
        (Sector Sector, Aspect Aspect, Severity Severity, string Unit)[] findings =
        [
            (Sector.Fire, Aspect.Responsibilities, Severity.GeneralHazard, "长沙某商场"),
            (Sector.CoalMines, Aspect.Responsibilities, Severity.GeneralHazard, "湘潭某煤矿"),
            (Sector.NonCoalMines, Aspect.Campaigns, Severity.Problem, "株洲某采石场"),
            (Sector.UrbanGas, Aspect.Campaigns, Severity.GeneralHazard, "株洲某液化气站"),
            (Sector.Construction, Aspect.Grassroots, Severity.Problem, "长沙某工地"),
            (Sector.RoadTransport, Aspect.Instructions, Severity.Problem, "长沙某客运站"),
            (Sector.HazardousChemicals, Aspect.Responsibilities, Severity.MajorHazard, "长沙某化工有限公司"),
        ];
        app.Get<AssistantDatabase>().InTransaction(() =>
        {
            foreach (var (sector, aspect, severity, unit) in findings)
            {
                app.Get<FindingService>().Create(team, leader, new FindingDraft
                {
                    Aspect = aspect, Sector = sector, Method = Method.OnSiteInspection, Covert = false, City = "长沙市", Unit = unit,
                    Description = unit + "存在问题", Severity = severity, Basis = severity == Severity.MajorHazard ? "判定标准第四条" : null,
                }, new DateOnly(2023, 11, 2), DateTime.UtcNow);
            }
        });
    }
}
