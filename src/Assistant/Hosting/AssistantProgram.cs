using Assistant.Channels.Console;
using Assistant.Operator;

namespace Assistant.Hosting;

/// <summary>
/// The whole start-up path, from the command line to the exit code: usage, settings, operator verbs, the
/// console's team, the run. Anything that stops it with an exception ends in one line on stderr and a non-zero
/// exit code (<see cref="StartupFailure"/>); only a normal stop returns 0.
/// </summary>
public static class AssistantProgram
{
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the usage and operator verbs write (stdout).</param>
    /// <param name="error">Where problems are reported (stderr).</param>
    /// <param name="configure">Tests add settings and fakes here (see <see cref="AssistantHost.CreateBuilder"/>).</param>
    /// <param name="started">Runs once the host has started a channel (not for usage, operator verbs or a refused start).</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Action<HostApplicationBuilder>? configure = null, Action? started = null)
    {
        var invocation = Invocation.Parse(args);
        if (invocation.Help)
        {
            await output.WriteLineAsync(Usage.Text);
            return 0;
        }

        if (invocation.Problem is { } problem)
        {
            return Usage.Refuse("Assistant: " + problem + ".", error);
        }

        try
        {
            var (builder, mode) = AssistantHost.CreateBuilder(invocation, configure);
            using var host = builder.Build();

            // Validate settings before the host starts, so a bad value gives one line instead of a logged stack trace.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            if (mode == HostMode.Operator)
            {
                return OperatorVerbs.Run(host.Services, invocation, output, error);
            }

            if (mode == HostMode.Console && host.Services.GetRequiredService<ConsoleWorkspace>().Prepare(invocation.Option("team")) is { } cannotStart)
            {
                await error.WriteLineAsync("Start-up stopped: " + cannotStart + ".");
                return Usage.ExitCode;
            }

            var exitCode = host.Services.GetRequiredService<ExitCode>();
            var services = StartupFailure.BackgroundServices(host.Services); // RunAsync disposes the host's services
            if (started is not null)
            {
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started);
            }

            await host.RunAsync();
            if (exitCode.Value is { } code)
            {
                return code;
            }

            return StartupFailure.Failure(services) is { } failure ? StartupFailure.Report(failure, error) : 0;
        }
        catch (Exception ex)
        {
            // Whatever stops the start (or the run) with an exception: one line and a non-zero exit code, never 0.
            return StartupFailure.Report(ex, error);
        }
    }
}
