using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Tests.Support;

namespace Assistant.Tests.Hosting;

/// <summary>The operator verbs show times in the team's zone, and name it.</summary>
public sealed partial class OperatorTimeTests
{
    [Fact]
    public async Task Invite_ValidUntil_IsInTheTeamsZone_Named()
    {
        using var folder = new TempFolder();
        var env = new Dictionary<string, string> { ["Storage__DatabasePath"] = folder.DatabasePath, ["Telegram__BotToken"] = "" };
        await AssistantProcess.RunAsync(folder.Path, ["team", "add", "--name", "第七组", "--region", "湖南省", "--from", "2023-11-01", "--to", "2023-11-10"], environment: env);

        var invite = await AssistantProcess.RunAsync(folder.Path, ["invite", "--team", "第七组", "--role", "leader", "--days", "7"], environment: env);

        Assert.True(invite.ExitCode == 0, invite.Stderr);
        var match = ValidUntil().Match(invite.Stderr);
        Assert.True(match.Success, invite.Stderr);
        Assert.DoesNotContain("UTC", invite.Stderr, StringComparison.Ordinal);
        var shown = DateTime.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var expected = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(7), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.True(Math.Abs((expected - shown).TotalMinutes) < 5, $"shown {shown}, expected about {expected} in Changsha");
    }

    [GeneratedRegex(@"valid until (\d{4}-\d\d-\d\d \d\d:\d\d) Asia/Shanghai time")]
    private static partial Regex ValidUntil();
}
