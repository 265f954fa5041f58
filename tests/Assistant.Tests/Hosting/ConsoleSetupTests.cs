using Assistant.Channels.Console;
using Assistant.Hosting;
using Assistant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Hosting;

/// <summary>The console started on any database the operator verbs made, as the README's set-up steps leave it (the built program).</summary>
public sealed class ConsoleSetupTests
{
    [Theory]
    [InlineData("第七组")]
    [InlineData("demo")]
    public async Task Console_OnADatabaseTheOperatorVerbsMade_JoinsTheOperatorAsLeaderAndRuns(string made)
    {
        // The README's "Connecting Telegram" step 3, then starting without a token.
        using var folder = new TempFolder();
        var env = Env(folder);
        string[] verb = made == "demo" ? ["demo", "--start", "2026-12-03"] : ["team", "add", "--name", "第七组", "--region", "湖南省", "--from", "2023-11-01", "--to", "2023-11-10"];
        Assert.Equal(0, (await AssistantProcess.RunAsync(folder.Path, verb, environment: env)).ExitCode);

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [], "/members\n", env);
        var again = await AssistantProcess.RunAsync(folder.Path, [], "/members\n", env);

        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Contains("已将您作为组长加入第七组（湖南省）", stdout, StringComparison.Ordinal);
        Assert.Contains("• 控制台用户（组长）", stdout, StringComparison.Ordinal);
        Assert.Equal(made == "demo", stdout.Contains("• 刘组长（组长）", StringComparison.Ordinal));
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("已将您作为组长加入", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("您是第七组（湖南省）的控制台用户（组长）", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_SeveralTeams_AsksWhichAndTakesTheAnswerFromPipedInput()
    {
        using var folder = await TwoTeamsAsync();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [], "2\n/members\n", Env(folder));

        Assert.True(code == 0, stderr);
        Assert.Contains("数据库里有2个组", stdout, StringComparison.Ordinal);
        Assert.Contains("[1] 第七组（湖南省，2023年11月1日至2023年11月10日）", stdout, StringComparison.Ordinal);
        Assert.Contains("[2] 第八组", stdout, StringComparison.Ordinal);
        Assert.Contains("已将您作为组长加入第八组（湖北省）", stdout, StringComparison.Ordinal);
        Assert.Contains("第八组 人员", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_SeveralTeams_PipedInputThatIsNoAnswer_StopsWithOneLineSayingWhatToDo()
    {
        using var folder = await TwoTeamsAsync();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [], "/help\n", Env(folder));

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Start-up stopped: '/help' is not one of the 2 teams (第七组, 第八组): start the console with --team NAME.", line);
        Assert.DoesNotContain("控制台模式", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_TeamOption_ChoosesWithoutAskingAndNamesAnUnknownTeam()
    {
        using var folder = await TwoTeamsAsync();

        var chosen = await AssistantProcess.RunAsync(folder.Path, ["--team", "第七组"], "/members\n", Env(folder));
        var unknown = await AssistantProcess.RunAsync(folder.Path, ["--team", "第九组"], "/members\n", Env(folder));

        Assert.True(chosen.ExitCode == 0, chosen.Stderr);
        Assert.DoesNotContain("请选择", chosen.Stdout, StringComparison.Ordinal);
        Assert.Contains("第七组 人员", chosen.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("Start-up stopped: there is no team named 第九组 (teams: 第七组, 第八组).", unknown.Stderr.Trim());
    }

    [Fact]
    public async Task Console_SeveralTeams_AtATerminal_AsksAgainAfterAWrongAnswer()
    {
        using var folder = await TwoTeamsAsync();
        var (output, error) = (new StringWriter(), new StringWriter());

        // In process, with the console session a terminal would give (stdin not redirected).
        var code = await AssistantProgram.RunAsync(["--console"], output, error, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = folder.DatabasePath, ["Telegram:BotToken"] = "" });
            b.Services.AddSingleton(new ConsoleSession(new StringReader("9\n第十组\nG8\n/members\n"), output, interactive: true));
        });

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("没有“9”这个选项，请输入编号或组名：", text, StringComparison.Ordinal);
        Assert.Contains("没有“第十组”这个选项", text, StringComparison.Ordinal);
        Assert.Contains("已将您作为组长加入第八组（湖北省）", text, StringComparison.Ordinal);
        Assert.Contains("第八组 人员", text, StringComparison.Ordinal);
    }

    private static async Task<TempFolder> TwoTeamsAsync()
    {
        var folder = new TempFolder();
        var env = Env(folder);
        foreach (var (name, region) in new[] { ("第七组", "湖南省"), ("第八组", "湖北省") })
        {
            var add = await AssistantProcess.RunAsync(folder.Path, ["team", "add", "--name", name, "--region", region, "--from", "2023-11-01", "--to", "2023-11-10"], environment: env);
            Assert.True(add.ExitCode == 0, add.Stderr);
        }

        return folder;
    }

    private static Dictionary<string, string> Env(TempFolder folder) => AssistantProcess.ConsoleEnvironment(folder);
}
