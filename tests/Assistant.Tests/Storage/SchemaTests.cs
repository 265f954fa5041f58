using System.Reflection;
using Assistant.Core.Storage;
using Assistant.Tests.Support;

namespace Assistant.Tests.Storage;

/// <summary>
/// Every collection exists once the database is open, before any other thread runs: LiteDB creates a
/// collection on its first write, and a reader resolving it during that write can fail with "page type
/// must be collection page" (LiteDB #2792), as the outbox sender once did when the first message was queued.
/// </summary>
public sealed class SchemaTests
{
    /// <summary>Collection names the stores declare: constants named *CollectionName, and every constant of a *Store type.</summary>
    private static IEnumerable<(string Owner, string Name)> DeclaredCollections() =>
        typeof(AssistantDatabase).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)
                    && (f.Name.EndsWith("CollectionName", StringComparison.Ordinal) || t.Name.EndsWith("Store", StringComparison.Ordinal) || t.Name.EndsWith("Stores", StringComparison.Ordinal)))
                .Select(f => ($"{t.Name}.{f.Name}", (string)f.GetRawConstantValue()!)));

    [Fact]
    public void Open_CreatesEveryDeclaredCollection_BeforeAnythingWrites()
    {
        using var h = CoreHarness.Create();
        var database = h.Get<AssistantDatabase>().Database;
        var declared = DeclaredCollections().ToList();

        Assert.Contains(declared, d => d.Name == "outbox");
        Assert.Contains(declared, d => d.Name == "team_vocabulary");
        var missing = declared.Where(d => !database.CollectionExists(d.Name)).Select(d => $"{d.Owner} = {d.Name}").ToList();
        Assert.True(missing.Count == 0, "collections created only on their first write: " + string.Join(", ", missing));
    }

    [Fact]
    public void EnsureCollection_LeavesTheCollectionEmpty_AndAutoIdsStartAtOne()
    {
        using var h = CoreHarness.Create();
        var database = h.Get<AssistantDatabase>().Database;

        SchemaSetup.EnsureCollection(database, "schema_probe");
        SchemaSetup.EnsureCollection(database, "schema_probe");

        var collection = database.GetCollection<Probe>("schema_probe");
        Assert.Equal(0, collection.Count());
        Assert.Equal(1, (int)collection.Insert(new Probe { Text = "first" }));
    }

    private sealed class Probe
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }
}
