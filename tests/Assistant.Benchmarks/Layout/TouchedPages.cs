using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Assistant.Benchmarks.Layout;

/// <summary>
/// Which pages of a file a run touched, page by page. The kernel normally reads ahead around each page a program
/// faults in and maps the cached pages around it (fault-around), so the page cache after a run holds far more than the
/// run touched. With the file's pages dropped from the cache first and read-ahead off for its device, a page is in
/// the cache afterwards only if the run touched it: <see cref="Cached"/> then tells the touched pages exactly.
/// Needs root (the device's read-ahead setting) and Linux.
/// </summary>
public sealed partial class TouchedPages : IDisposable
{
    private const int PageSize = 4096;
    private const int DropFromCache = 4; // POSIX_FADV_DONTNEED
    private readonly string _readAheadSetting;
    private readonly string _previousReadAhead;

    private TouchedPages(string readAheadSetting)
    {
        _readAheadSetting = readAheadSetting;
        _previousReadAhead = File.ReadAllText(readAheadSetting).Trim();
        File.WriteAllText(readAheadSetting, "0");
    }

    /// <summary>Turns read-ahead off for the device that holds <paramref name="file"/> until disposed.</summary>
    public static TouchedPages For(string file)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("the touched-page profile needs Linux and root (it turns the disk's read-ahead off for the run): run it with sudo");
        }

        var device = Run("stat", "-c", "%Hd:%Ld", file).Trim();
        var setting = $"/sys/class/bdi/{device}/read_ahead_kb";
        if (!File.Exists(setting))
        {
            throw new InvalidOperationException($"no read-ahead setting for device {device} of {file} ({setting})");
        }

        return new TouchedPages(setting);
    }

    /// <summary>Drops the file's pages from the page cache (they are clean: nothing is lost).</summary>
    public static void DropFromPageCache(string file)
    {
        using var handle = File.OpenHandle(file);
        var result = PosixFadvise(handle, 0, 0, DropFromCache);
        if (result != 0)
        {
            throw new InvalidOperationException($"posix_fadvise failed on {file}: {result}");
        }
    }

    /// <summary>The numbers of the file's pages (4 KB) now in the page cache.</summary>
    public static IReadOnlySet<long> Cached(string file)
    {
        var length = new FileInfo(file).Length;
        var pages = (length + PageSize - 1) / PageSize;
        using var handle = File.OpenHandle(file);
        var address = Mmap(IntPtr.Zero, (nuint)length, 1 /* PROT_READ */, 1 /* MAP_SHARED */, handle, 0);
        if (address == new IntPtr(-1))
        {
            throw new InvalidOperationException($"mmap failed on {file}: {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            var vector = new byte[pages];
            if (Mincore(address, (nuint)length, vector) != 0)
            {
                throw new InvalidOperationException($"mincore failed on {file}: {Marshal.GetLastPInvokeError()}");
            }

            var cached = new HashSet<long>();
            for (long page = 0; page < pages; page++)
            {
                if ((vector[page] & 1) != 0)
                {
                    cached.Add(page);
                }
            }

            return cached;
        }
        finally
        {
            _ = Munmap(address, (nuint)length);
        }
    }

    public void Dispose() => File.WriteAllText(_readAheadSetting, _previousReadAhead);

    internal static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(SafeFileHandle fd, long offset, long length, int advice);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial IntPtr Mmap(IntPtr address, nuint length, int protection, int flags, SafeFileHandle fd, long offset);

    [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static partial int Mincore(IntPtr address, nuint length, [Out] byte[] vector);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(IntPtr address, nuint length);
}
