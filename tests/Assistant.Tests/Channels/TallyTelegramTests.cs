using Assistant.Core.Summaries;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Channels;

/// <summary>/tally corrections through the real host and the fake Bot API.</summary>
public sealed class TallyTelegramTests
{
    private const long Liaison = 602;

    [Fact]
    public async Task NegativeCount_IsRefusedWithTheReasonAndWhatToType_AndNothingIsStored()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Liaison, Role.Liaison, "陈静");
        var liaison = new TelegramUser(api, Liaison, TimeSpan.FromSeconds(15));

        var refused = await liaison.SayAsync("/tally 调阅材料 -5");
        var set = await liaison.SayAsync("/tally 调阅材料 5");

        Assert.Equal("数量不能是负数（“-5”）：工作量只能设为0或正整数。\n请这样发送：/tally 调阅材料 5（设为5），或 /tally 调阅材料 auto（恢复按记录统计）。", refused.PlainText);
        Assert.Contains("调阅材料：5（已设定）", set.PlainText, StringComparison.Ordinal);
        var stored = app.Get<DayTallyStore>().Get(team.Id, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")));
        Assert.Equal(5, Assert.Single(stored!.Counts).Value);
    }
}
