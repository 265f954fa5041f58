using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Messaging;
using Assistant.Core.Storage;
using LiteDB;

namespace Assistant.Benchmarks;

/// <summary>
/// The cost of mapping a finding to BSON and back, LiteDB's own mapper (compiled expressions) against
/// <see cref="AssistantMapper"/> (delegates to the property accessors), configured alike: the first use
/// (building the type's mapper, which start-up and the first save pay) and the steady state (every save and read).
/// </summary>
public static class MapperBenchmark
{
    public static void Run(int rounds = 5, int iterations = 200_000)
    {
        Console.WriteLine($"{"mapper",-16} {"first use ms",12} {"to BSON ns",11} {"to object ns",13} {"alloc B/op",11}");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, create) in new (string, Func<BsonMapper>)[]
            {
                ("LiteDB", () => Mapping.Configure(new BsonMapper())),
                ("AssistantMapper", Mapping.CreateMapper),
            })
            {
                Measure(name, create(), round == 0 ? 20_000 : iterations, print: round > 0);
            }
        }
    }

    private static void Measure(string name, BsonMapper mapper, int iterations, bool print)
    {
        var finding = Sample();
        var first = Stopwatch.StartNew();
        var document = mapper.ToDocument(finding);
        _ = mapper.ToObject<Finding>(document);
        first.Stop();

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var toBson = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            document = mapper.ToDocument(finding);
        }

        toBson.Stop();
        var toObject = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            _ = mapper.ToObject<Finding>(document);
        }

        toObject.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-16} {first.Elapsed.TotalMilliseconds,12:F1} {toBson.Elapsed.TotalNanoseconds / iterations,11:F0} {toObject.Elapsed.TotalNanoseconds / iterations,13:F0} {allocated / (2.0 * iterations),11:F0}"));
        }
    }

    private static Finding Sample() => new()
    {
        Id = 12, TeamId = 1, Number = 12, Code = "G7-012", AuthorId = 1001, AuthorName = "王五",
        Aspect = Aspect.Grassroots, Sector = Sector.CrowdedPlaces, Method = Method.OnSiteInspection, City = "长沙市", Place = "雨花区",
        Unit = "长沙某商场", Description = "安全出口上锁，疏散通道堆放杂物", Severity = Severity.GeneralHazard,
        ResponsibleUnit = "长沙市消防救援支队", Deadline = new DateOnly(2026, 12, 20), Day = new DateOnly(2026, 12, 5),
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, Revision = 3, LedgerKey = "1|0|20261220",
        Evidence = [new Evidence { Kind = EvidenceKind.Photo, FileId = "AgACAgUAAxkBAAI", FileName = "exit.jpg", AddedUtc = DateTime.UtcNow }],
    };
}
