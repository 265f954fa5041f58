using System.IO.Compression;
using Assistant.Benchmarks.Capture;

namespace Assistant.Benchmarks.Layout;

/// <summary>
/// Writes the native program's method order (<c>src/Assistant/native.order.gz</c>, read by the native publish): runs a
/// published native program once idle (start, /help, 10 s) and once under load (100 members, 10 findings each), each
/// from a cold page cache with read-ahead off, and keeps the methods on the pages each run touched.
/// Needs root, Linux, <c>nm</c>, and the program published with <c>-p:Native=true</c> (its Assistant.dbg beside it).
/// </summary>
public static class NativeOrderProfile
{
    public static async Task RunAsync(string folder, string output)
    {
        var executable = Path.Combine(folder, "Assistant");
        var symbols = Path.Combine(folder, "Assistant.dbg");
        if (!File.Exists(executable) || !File.Exists(symbols))
        {
            throw new InvalidOperationException($"{folder} holds no native program with its symbols (publish with -p:Native=true)");
        }

        IReadOnlySet<long> idle, capture;
        using (TouchedPages.For(executable))
        {
            TouchedPages.DropFromPageCache(executable);
            await StartupBenchmark.RunAsync(executable, runs: 1);
            idle = TouchedPages.Cached(executable);
            TouchedPages.DropFromPageCache(executable);
            await CaptureBenchmark.RunAsync(executable, members: 100, findingsEach: 10, pacing: false);
            capture = TouchedPages.Cached(executable);
        }

        var code = ElfSection.Read(executable, MethodOrder.CodeSection);
        var methods = MethodOrder.ParseNm(TouchedPages.Run("nm", "-S", "--defined-only", symbols)).ToList();
        var order = MethodOrder.Select(code, methods, idle, capture);
        await using (var file = File.Create(output))
        await using (var zip = new GZipStream(file, CompressionLevel.SmallestSize))
        await using (var writer = new StreamWriter(zip))
        {
            foreach (var name in order)
            {
                await writer.WriteAsync(name + "\n");
            }
        }

        var chosen = order.ToHashSet(StringComparer.Ordinal);
        var megabytes = methods.Where(m => chosen.Contains(m.Name)).Sum(m => (double)m.Size) / 1_000_000;
        Console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"touched pages: idle {idle.Count}, under load {capture.Count}; {order.Count} of {methods.Count} methods ({megabytes:F1} MB of code) written to {output}"));
    }
}
