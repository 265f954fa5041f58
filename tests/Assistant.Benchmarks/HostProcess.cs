using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Assistant.Benchmarks;

/// <summary>
/// The assistant as a process of its own, started the way a service runs it (<c>dotnet Assistant.dll</c>, or the native
/// program of a Native AOT publish), from a build output or a <c>dotnet publish</c> folder. Its CPU time and memory are read from the operating system
/// (<see cref="Process.TotalProcessorTime"/>, /proc/PID/status), so they are the host's alone, without the driver
/// and the fake Bot API. Stopped with SIGTERM, as systemd does.
/// </summary>
public sealed class HostProcess : IDisposable
{
    /// <summary>The unit of utime and stime in /proc (USER_HZ, 100 on Linux).</summary>
    private const int ClockTicksPerSecond = 100;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _errorLines;
    private int _warningLines;

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Log lines at error or critical level (the console logger's "fail:" and "crit:").</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    public int WarningLines => Volatile.Read(ref _warningLines);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>User and system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// CPU time of the live threads by name (/proc/PID/task/*/stat; the runtime names its threads, e.g. ".NET Tiered Com"
    /// for the background JIT, ".NET TP Worker" for the thread pool). Threads that ended are not in it.
    /// </summary>
    public Dictionary<string, TimeSpan> CpuByThread()
    {
        var byName = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended
            }

            // pid (comm) state ... utime stime: the name may hold spaces, so split after its closing parenthesis.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var name = stat[(open + 1)..close];
            byName[name] = byName.GetValueOrDefault(name) + TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }

        return byName;
    }

    /// <summary>Resident set size now, in MB.</summary>
    public double RssMegabytes => ReadKb("VmRSS") / 1024.0;

    /// <summary>What the resident set is made of, in MB: anonymous memory (heaps, JIT), file pages (the mapped program and libraries), shared memory (the runtime's double-mapped code).</summary>
    public string RssParts => string.Create(CultureInfo.InvariantCulture,
        $"anonymous {ReadKb("RssAnon") / 1024.0:F1}, files {ReadKb("RssFile") / 1024.0:F1}, shared {ReadKb("RssShmem") / 1024.0:F1}");

    /// <summary>
    /// The mappings that hold the most resident memory (/proc/PID/smaps, summed by file name; anonymous and the
    /// runtime's double-mapped code by their kind), largest first, in MB: what to look at to make the process smaller.
    /// </summary>
    public string LargestMappings(int count)
    {
        var bySource = new Dictionary<string, long>(StringComparer.Ordinal);
        var source = "";
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/smaps"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
            {
                source = parts.Length >= 6 ? Path.GetFileName(string.Join(' ', parts[5..])) : "[anonymous]";
                source = source.Length == 0 ? "[anonymous]" : source;
            }
            else if (parts is ["Rss:", var kb, ..])
            {
                bySource[source] = bySource.GetValueOrDefault(source) + long.Parse(kb, CultureInfo.InvariantCulture);
            }
        }

        return string.Join(", ", bySource.OrderByDescending(b => b.Value).Take(count)
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key} {b.Value / 1024.0:F1}")));
    }

    /// <summary>The largest resident set size so far, in MB.</summary>
    public double PeakRssMegabytes => ReadKb("VmHWM") / 1024.0;

    /// <summary>
    /// The program to run: a path to Assistant.dll, a folder holding it (a publish output) or the native program
    /// (a publish output compiled ahead of time: an executable named Assistant and no Assistant.dll), or null for the
    /// Release build of src/Assistant.
    /// </summary>
    public static string Resolve(string root, string? program)
    {
        var path = program ?? Path.Combine(root, "src", "Assistant", "bin", "Release", "net10.0");
        if (Directory.Exists(path))
        {
            var native = Path.Combine(path, "Assistant");
            path = Path.Combine(path, "Assistant.dll");
            if (!File.Exists(path) && File.Exists(native))
            {
                path = native;
            }
        }

        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new FileNotFoundException("No Assistant.dll there. Build src/Assistant in Release (dotnet build -c Release src/Assistant) or give a publish folder.", path);
    }

    public static HostProcess Start(string assistantDll, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var managed = assistantDll.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(managed ? "dotnet" : assistantDll)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (managed)
        {
            info.ArgumentList.Add(assistantDll);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName));
    }

    /// <summary>SIGTERM, then waits for the exit; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The assistant did not stop within {timeout.TotalSeconds:F0}s of SIGTERM.\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }
        else if (line.StartsWith("warn:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warningLines);
        }

        lock (_output)
        {
            if (_output.Length < 100_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private long ReadKb(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
