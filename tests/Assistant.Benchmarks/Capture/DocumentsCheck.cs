using System.Globalization;
using Assistant.Benchmarks.Load;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Capture;

/// <summary>
/// The files a program sends through its Telegram channel, checked against the fake Bot API: a leader records two
/// findings, then asks for the chart (/stats), the ledger workbook (/export ledger) and the feedback (/report). Every
/// one must arrive as an upload (sendPhoto / sendDocument, multipart) whose bytes are the file kind it names. For the
/// published native program, whose Bot API requests are written through Telegram.Bot's generated JSON contract and
/// whose Telegram.Bot is trimmed: the console (tools/native-check) sends no uploads.
/// </summary>
public static class DocumentsCheck
{
    private static readonly (string Command, string[] Kinds)[] Asks =
    [
        ("/stats", [".png"]),
        ("/export ledger", [".xlsx", ".csv"]),
        ("/report", [".docx", ".md"]),
    ];

    public static async Task RunAsync(string assistantDll)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ia-documents", Guid.NewGuid().ToString("N")[..8]);
        var leader = CaptureBenchmark.FirstUserId;
        CaptureBenchmark.Seed(folder, members: 1, Role.Leader);
        await using var api = await FakeBotApi.StartAsync();
        var inbox = new ChatInbox();
        api.MessageRecorded += message =>
        {
            if (message.ChatId == leader)
            {
                inbox.Add(message);
            }
        };

        Console.WriteLine($"documents: program {assistantDll}");
        using var host = HostProcess.Start(assistantDll, folder, CaptureBenchmark.Environment(api, folder, pacing: false));
        await api.WaitForCallAsync("getUpdates", timeout: TimeSpan.FromSeconds(60));
        var tally = new CaptureTally();
        await new ReactiveMember(leader, api, inbox, tally).RunAsync([FindingPersona.Day[0], FindingPersona.Day[1]]);
        var problems = new List<string>();
        if (tally.Findings != 2)
        {
            problems.Add($"{tally.Findings} of 2 findings recorded");
        }

        foreach (var (command, kinds) in Asks)
        {
            var mark = inbox.Mark();
            api.EnqueueText(leader, leader, command);
            foreach (var kind in kinds)
            {
                // Each kind looked for among everything since the command: the files may arrive in any order, together.
                var arrival = await inbox.WaitAsync(mark, m => m.Document?.FileName.EndsWith(kind, StringComparison.OrdinalIgnoreCase) == true, TimeSpan.FromSeconds(60));
                var file = arrival?.Message.Document;
                var verdict = file is null ? "missing" : Check(kind, file.Content);
                if (verdict != "ok")
                {
                    problems.Add($"{command}: {kind} {verdict}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {command}: {(file is null ? kind + " missing" : $"{file.FileName} {file.MimeType} {file.Content.Length:N0} B")}: {verdict}"));
            }
        }

        var exitCode = await host.StopAsync(TimeSpan.FromSeconds(30));
        Directory.Delete(folder, recursive: true);
        if (exitCode != 0 || host.ErrorLines > 0)
        {
            problems.Add($"exit code {exitCode}, {host.ErrorLines} error log lines");
        }

        Console.WriteLine(problems.Count == 0 ? "documents row | all files arrived and are what they name" : "documents row | FAILED: " + string.Join("; ", problems));
        if (problems.Count > 0)
        {
            Console.WriteLine(host.Output.Length > 4000 ? host.Output[^4000..] : host.Output);
            throw new InvalidOperationException("The documents check failed (see above).");
        }
    }

    /// <summary>The file's first bytes against its kind: a zip for Office files, PNG's signature, text for the rest.</summary>
    private static string Check(string kind, byte[] content) => kind switch
    {
        _ when content.Length < 16 => "too short",
        ".xlsx" or ".docx" when content[0] != (byte)'P' || content[1] != (byte)'K' => "not a zip",
        ".png" when content[1] != (byte)'P' || content[2] != (byte)'N' || content[3] != (byte)'G' => "not a PNG",
        ".csv" or ".md" when Array.IndexOf(content, (byte)0) >= 0 => "not text",
        _ => "ok",
    };
}
