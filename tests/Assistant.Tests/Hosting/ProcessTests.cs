using Assistant.Tests.Support;

namespace Assistant.Tests.Hosting;

/// <summary>The built program, run as a newcomer or an operator would run it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Console_PipedStdin_PrintsRepliesAndExitsAtEndOfInput()
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/help\n/today\n", Env(folder));

        Assert.True(code == 0, stderr);
        Assert.Contains("Telegram__BotToken", stdout, StringComparison.Ordinal);
        Assert.Contains("/help — 查看可用命令", stdout, StringComparison.Ordinal);
        Assert.Contains("/today", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.DatabasePath));
    }

    [Fact]
    public async Task Console_NoTokenAndNoFlag_RunsTheConsoleChannel()
    {
        using var folder = new TempFolder();

        var (code, stdout, _) = await AssistantProcess.RunAsync(folder.Path, [], "/help\n", Env(folder));

        Assert.Equal(0, code);
        Assert.Contains("巡查助手", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_Buttons_AreNumberedAndPickedByNumber()
    {
        using var folder = new TempFolder();

        var (_, stdout, _) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/lang\n2\n/help\n", Env(folder));

        Assert.Contains("[1] 中文 [2] English", stdout, StringComparison.Ordinal);
        Assert.Contains("show the commands you can use", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_SecondRunOnSameDatabase_KeepsTheTeamAndLanguage()
    {
        using var folder = new TempFolder();
        await AssistantProcess.RunAsync(folder.Path, ["--console"], "/lang en\n", Env(folder));

        var (_, stdout, _) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/help\n", Env(folder));

        Assert.Contains("Inspection Assistant", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Assistant__TimeZone", "Mars/Olympus", "Assistant:TimeZone")]
    [InlineData("Assistant__DefaultLanguage", "fr", "Assistant:DefaultLanguage")]
    [InlineData("Telegram__ApiBaseUrl", "ftp://example.org", "Telegram:ApiBaseUrl")]
    [InlineData("Telegram__AdminUserIds", "12,abc", "Telegram:AdminUserIds")]
    [InlineData("Assistant__DraftTimeoutHours", "soon", "Assistant:DraftTimeoutHours")]
    [InlineData("Summary__EveningTime", "25:00", "Summary:EveningTime")]
    [InlineData("AI__Endpoint", "ftp://models.local", "AI:Endpoint")]
    [InlineData("AI__TimeoutSeconds", "0", "AI:TimeoutSeconds")]
    public async Task Start_BadSetting_StopsWithOneLineNamingTheKey(string variable, string value, string key)
    {
        using var folder = new TempFolder();
        var env = Env(folder);
        env[variable] = value;

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/help\n", env);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Start-up stopped:", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("巡查助手", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedToken_StopsWithoutShowingTheToken()
    {
        using var folder = new TempFolder();
        var env = Env(folder);
        env["Telegram__BotToken"] = "secret-looking-but-wrong";

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [], "", env);

        Assert.Equal(2, code);
        Assert.Contains("Telegram:BotToken", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking-but-wrong", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DatabaseInUseByAnotherInstance_SecondRefusesClearly()
    {
        using var folder = new TempFolder();
        using var first = AssistantProcess.Start(folder.Path, ["--console"], Env(folder));
        await Eventually.TrueAsync(() => first.Stdout.Contains("Telegram__BotToken", StringComparison.Ordinal), "the first instance to start", TimeSpan.FromSeconds(60));

        var (code, _, stderr) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/help\n", Env(folder));

        Assert.Equal(3, code);
        Assert.Contains("in use by another instance", stderr, StringComparison.Ordinal);
        first.CloseInput();
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task OperatorVerbs_TeamAddListInvite_WorkOnTheSameDatabase()
    {
        using var folder = new TempFolder();
        var env = Env(folder);

        var add = await AssistantProcess.RunAsync(folder.Path, ["team", "add", "--name", "第七组", "--region", "湖南省", "--from", "2023-11-01", "--to", "2023-11-10"], environment: env);
        var list = await AssistantProcess.RunAsync(folder.Path, ["team", "list"], environment: env);
        var invite = await AssistantProcess.RunAsync(folder.Path, ["invite", "--team", "第七组", "--role", "member", "--uses", "5"], environment: env);

        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.Contains("Created team 第七组 (G7)", add.Stdout, StringComparison.Ordinal);
        Assert.Contains("G7\t第七组\t湖南省\t2023-11-01..2023-11-10", list.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, invite.ExitCode);
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", invite.Stdout.Trim());
        Assert.Contains("5 uses", invite.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "team", "add", "--name", "第七组", "--region", "湖南省", "--from", "2023-13-01", "--to", "2023-11-10" }, "--from '2023-13-01' is not a date")]
    [InlineData(new[] { "team", "add", "--name", "第七组", "--region", "湖南省", "--from", "2023-11-10", "--to", "2023-11-01" }, "is before --from")]
    [InlineData(new[] { "invite", "--team", "第九十九组", "--role", "member" }, "there is no team named 第九十九组")]
    [InlineData(new[] { "invite", "--team", "第七组", "--role", "captain" }, "--role 'captain' is not a role: use leader, liaison, member or contact")]
    [InlineData(new[] { "invite", "--role", "boss" }, "--role 'boss' is not a role")]
    [InlineData(new[] { "invite", "--role", "leader" }, "--team NAME is required")]
    [InlineData(new[] { "invite", "--team", "第七组" }, "--role is required")]
    [InlineData(new[] { "team", "rename" }, "unknown command 'team rename'")]
    [InlineData(new[] { "demo", "--start", "12-03" }, "demo: --start '12-03' is not a date")]
    public async Task OperatorVerbs_BadArguments_ExitOneWithAClearMessage(string[] args, string expected)
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = await AssistantProcess.RunAsync(folder.Path, args, environment: Env(folder));

        Assert.Equal(1, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Env(TempFolder folder) => AssistantProcess.ConsoleEnvironment(folder);
}
