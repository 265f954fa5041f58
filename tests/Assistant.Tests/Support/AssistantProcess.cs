using System.Diagnostics;
using System.Text;

namespace Assistant.Tests.Support;

/// <summary>Runs the built assistant (src/Assistant) as a real process, the way an operator or CI would.</summary>
public sealed class AssistantProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private AssistantProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_stdout) { _stdout.AppendLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string AssemblyPath { get; } = FindAssembly();

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the assistant in <paramref name="workingDirectory"/> with the given arguments and environment.</summary>
    public static AssistantProcess Start(string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new AssistantProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Runs to completion with <paramref name="input"/> piped to stdin; returns the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IEnumerable<string> args, string input = "", IDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, args, environment);
        await process.WriteAsync(input);
        process.CloseInput();
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, process.Stdout, process.Stderr);
    }

    /// <summary>The environment of a run on the folder's database without a bot token (the console channel).</summary>
    public static Dictionary<string, string> ConsoleEnvironment(TempFolder folder) => new()
    {
        ["Storage__DatabasePath"] = folder.DatabasePath,
        ["Telegram__BotToken"] = "",
    };

    public async Task WriteAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The assistant did not exit within {timeout}. stdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would, and waits until it is gone (its files closed).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The assistant did not exit within 10 s of SIGKILL.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string FindAssembly()
    {
        // Run the host's own build output (it carries its runtimeconfig and dependencies), same configuration as the tests.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Repository.PathOf("src", "Assistant", "bin", configuration, "net10.0", "Assistant.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Assistant first", path);
    }
}
