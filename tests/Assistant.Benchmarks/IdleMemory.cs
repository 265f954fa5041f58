using System.Diagnostics;
using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>
/// Starts the real assistant (console channel, stdin held open so it idles), waits, and reads its
/// resident memory from /proc. The process is the one a newcomer runs with the README's run command.
/// </summary>
public static class IdleMemory
{
    public static async Task RunAsync(string assistantDll, TimeSpan settle)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ia-idle", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo("dotnet", [assistantDll, "--console"])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Storage__DatabasePath"] = Path.Combine(folder, "assistant.db");
        info.Environment["Telegram__BotToken"] = "";
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync("/help");
        await process.StandardInput.FlushAsync();
        await Task.Delay(settle);
        var rss = ReadKb(process.Id, "VmRSS");
        var hwm = ReadKb(process.Id, "VmHWM");
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle host (console channel, after {settle.TotalSeconds:F0}s): RSS {rss / 1024.0:F1} MB, peak RSS {hwm / 1024.0:F1} MB"));
    }

    private static long ReadKb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
