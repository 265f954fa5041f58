using Assistant.Benchmarks;
using Assistant.Benchmarks.Capture;
using Assistant.Benchmarks.Layout;
using Assistant.Benchmarks.Load;

// Benchmarks and load drivers. Run in Release, on an otherwise idle machine:
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- pipeline
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- finding
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- mapper   (a finding to BSON and back: LiteDB's mapper against AssistantMapper)
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- idle
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- startup [RUNS, default 5] [PROGRAM]
//     (time from process start to the first getUpdates at the fake Bot API, and RSS after /help and 10 s idle;
//      for the published program: dotnet publish src/Assistant -c Release -o /tmp/ia-publish, then PROGRAM /tmp/ia-publish)
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- ledger [SIZES, default 10000,100000]
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- miniapp [FINDINGS, default 5000]
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- summary
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- duplicates
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- load [MINUTES, default 5] [MEAN PAUSE S, default 90] [nopacing]
//   dotnet run -c Release --project tests/Assistant.Benchmarks -- capture [MEMBERS, default 100] [FINDINGS EACH, default 5] [nopacing] [PROGRAM]
//     (members record findings at full speed, reacting to every reply, against the program as a process of its own;
//      PROGRAM: an Assistant.dll or a publish folder, default the Release build of src/Assistant)
//   sudo dotnet run -c Release --project tests/Assistant.Benchmarks -- order PROGRAM [OUT]
//     (the native program's method order, src/Assistant/native.order.gz by default: PROGRAM is a folder published
//      with -p:Native=true; runs it idle and under load from a cold page cache with read-ahead off; root, Linux, nm)
var what = args.Length > 0 ? args[0] : "all";
var root = FindRoot();

switch (what)
{
    case "pipeline":
        await PipelineBenchmark.RunAsync(
            chats: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
            updatesPerChat: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200,
            command: args.Length > 3 ? args[3] : "/help");
        break;
    case "mapper":
        MapperBenchmark.Run();
        break;
    case "finding":
        await FindingFlowBenchmark.RunAsync();
        break;
    case "ledger":
        await LedgerBenchmark.RunAsync(args.Length > 1
            ? [.. args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]
            : [10_000, 100_000]);
        break;
    case "plan":
        PlanBenchmark.Run(args.Length > 1
            ? [.. args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]
            : [10_000, 100_000]);
        break;
    case "leads":
        LeadBenchmark.Run(args.Length > 1
            ? [.. args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]
            : [10_000, 100_000]);
        break;
    case "miniapp":
        await MiniAppBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
        break;
    case "summary":
        await SummaryBenchmark.RunAsync(root);
        break;
    case "duplicates":
        DuplicateCheckBenchmark.Run([.. args.Skip(1)]);
        break;
    case "load":
        await LoadBenchmark.RunAsync(
            minutes: args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
            meanPauseSeconds: args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 90,
            pacing: !args.Contains("nopacing"));
        break;
    case "capture":
        {
            var numbers = args.Skip(1).Where(a => int.TryParse(a, out _)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var program = args.Skip(1).FirstOrDefault(a => !int.TryParse(a, out _) && a is not ("nopacing" or "pacing"));
            await CaptureBenchmark.RunAsync(
                HostProcess.Resolve(root, program),
                members: numbers.Count > 0 ? numbers[0] : 100,
                findingsEach: numbers.Count > 1 ? numbers[1] : 5,
                pacing: !args.Contains("nopacing"));
            break;
        }

    case "startup":
        {
            var runs = args.Skip(1).Where(a => int.TryParse(a, out _)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(5);
            var program = args.Skip(1).FirstOrDefault(a => !int.TryParse(a, out _));
            await StartupBenchmark.RunAsync(HostProcess.Resolve(root, program), runs);
            break;
        }

    case "documents":
        await DocumentsCheck.RunAsync(HostProcess.Resolve(root, args.Skip(1).FirstOrDefault()));
        break;
    case "order":
        await NativeOrderProfile.RunAsync(
            Path.GetFullPath(args.Length > 1 ? args[1] : throw new ArgumentException("order needs the folder of a native publish")),
            args.Length > 2 ? Path.GetFullPath(args[2]) : Path.Combine(root, "src", "Assistant", "native.order.gz"));
        break;
    case "idle":
        await IdleMemory.RunAsync(AssistantDll(root), TimeSpan.FromSeconds(15));
        break;
    case "all":
        await PipelineBenchmark.RunAsync();
        await FindingFlowBenchmark.RunAsync();
        await LedgerBenchmark.RunAsync([10_000, 100_000]);
        PlanBenchmark.Run([10_000, 100_000]);
        LeadBenchmark.Run([10_000, 100_000]);
        await SummaryBenchmark.RunAsync(root);
        await IdleMemory.RunAsync(AssistantDll(root), TimeSpan.FromSeconds(15));
        break;
    default:
        Console.Error.WriteLine("usage: pipeline | finding | ledger [SIZES] | plan [SIZES] | leads [SIZES] | miniapp [FINDINGS] | summary | duplicates | load [MINUTES] [MEAN PAUSE S] [nopacing] | capture [MEMBERS] [FINDINGS] [nopacing] [PROGRAM] | startup [RUNS] [PROGRAM] | order PROGRAM [OUT] | idle | all");
        return 1;
}

return 0;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

static string AssistantDll(string root)
{
    var release = Path.Combine(root, "src", "Assistant", "bin", "Release", "net10.0", "Assistant.dll");
    return File.Exists(release) ? release : throw new FileNotFoundException("Build src/Assistant in Release first: dotnet build -c Release src/Assistant", release);
}
