using Assistant.Channels.Console;
using Assistant.Hosting;
using Assistant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Tests.Hosting;

/// <summary>
/// The whole start-up path (<see cref="AssistantProgram"/>): any exception ends in one line and a non-zero exit code;
/// the program's action after the start (<see cref="StartupCollection"/>) runs once, and only after a start.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Run_ABackgroundServiceFails_ExitsNonZeroWithOneLineNamingTheError()
    {
        using var folder = new TempFolder();
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await AssistantProgram.RunAsync(["--console"], output, error, b =>
        {
            Console(b, folder);
            b.Services.AddHostedService<FailingWorker>();
        });

        Assert.Equal(StartupFailure.UnexpectedExitCode, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Stopped by an unexpected error: InvalidOperationException: the worker broke", line.TrimEnd());
    }

    [Fact]
    public async Task Run_AHostedServiceFailsToStart_ExitsNonZeroWithOneLine()
    {
        using var folder = new TempFolder();
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await AssistantProgram.RunAsync(["--console"], output, error, b =>
        {
            Console(b, folder);
            b.Services.AddHostedService<FailingStart>();
        });

        Assert.Equal(StartupFailure.UnexpectedExitCode, code);
        Assert.Equal("Stopped by an unexpected error: IOException: the port is taken", error.ToString().Trim());
    }

    [Fact]
    public async Task Run_AMalformedTokenWithTheMiniAppOn_ExitsWithTheSettingsCodeAndOneLine()
    {
        using var folder = new TempFolder();
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await AssistantProgram.RunAsync([], output, error, b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = folder.DatabasePath,
            ["Telegram:BotToken"] = "123456:QA-TOKEN",
            ["Web:PublicUrl"] = "https://qa.example.org/",
            ["Web:ListenUrl"] = "http://127.0.0.1:0",
        }));

        Assert.Equal(StartupFailure.SettingsExitCode, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Start-up stopped: Telegram:BotToken is malformed", line, StringComparison.Ordinal);
        Assert.Equal(2, line.Split("is malformed").Length);
    }

    [Fact]
    public async Task Run_ConsoleReachesTheEndOfItsInput_ExitsZero()
    {
        using var folder = new TempFolder();
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await AssistantProgram.RunAsync(["--console"], output, error, b => Console(b, folder, new StringReader("/help\n"), output));

        Assert.True(code == 0, error.ToString());
        Assert.Contains("/help — 查看可用命令", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TheConsoleStarts_RunsTheStartedActionOnceAfterTheStart()
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        var calls = 0;
        string? shownBefore = null;

        var code = await AssistantProgram.RunAsync(["--console"], output, TextWriter.Null, b => Console(b, folder, new StringReader("/help\n"), output), started: () =>
        {
            calls++;
            shownBefore = output.ToString();
        });

        Assert.Equal(0, code);
        Assert.Equal(1, calls);
        Assert.Contains("已载入演示数据", shownBefore, StringComparison.Ordinal); // the start's own work had run
        Assert.Contains("/help — 查看可用命令", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AHostedServiceFailsToStart_DoesNotRunTheStartedAction()
    {
        using var folder = new TempFolder();
        var calls = 0;

        var code = await AssistantProgram.RunAsync(["--console"], TextWriter.Null, TextWriter.Null, b =>
        {
            Console(b, folder);
            b.Services.AddHostedService<FailingStart>();
        }, started: () => calls++);

        Assert.Equal(StartupFailure.UnexpectedExitCode, code);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Run_AnOperatorVerb_DoesNotRunTheStartedAction()
    {
        using var folder = new TempFolder();
        var calls = 0;

        var code = await AssistantProgram.RunAsync(["team", "list"], TextWriter.Null, TextWriter.Null, b => Console(b, folder), started: () => calls++);

        Assert.Equal(0, code);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void StartupCollection_Collect_RunsAFullBlockingCollection()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);

        StartupCollection.Collect();

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
    }

    private static void Console(HostApplicationBuilder builder, TempFolder folder, TextReader? input = null, TextWriter? output = null)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = folder.DatabasePath,
            ["Telegram:BotToken"] = "",
        });
        builder.Services.AddSingleton(new ConsoleSession(input ?? new OpenInput(), output ?? TextWriter.Null));
    }

    /// <summary>A terminal nobody types at: the console channel waits on it until the host stops.</summary>
    private sealed class OpenInput : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    private sealed class FailingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the worker broke");
        }
    }

    private sealed class FailingStart : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => throw new IOException("the port is taken");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
