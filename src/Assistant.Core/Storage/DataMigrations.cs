using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// A one-time change to data already stored (what a schema setup cannot do: rewrite rows written by an older version).
/// Each has a number, unique across the assistant; a database file records the highest number applied to it and never
/// runs one again.
/// </summary>
/// <param name="Version">The migration's number: migrations run in this order, each once per database file.</param>
/// <param name="Name">A few words for the record and the logs.</param>
/// <param name="Apply">The change; returns how many rows it changed.</param>
public sealed record DataMigration(int Version, string Name, Func<ILiteDatabase, int> Apply);

/// <summary>
/// Runs the migrations a database file has not had yet, at start-up, after every collection and index exists and
/// before any other thread uses the file. The version lives in a small meta collection (<see cref="CollectionName"/>):
/// a row <c>_id = "version"</c> with the highest number applied, and one row per migration applied (its name, when,
/// how many rows it changed). Each migration and its version row are written in one transaction: a crash midway
/// leaves the file as it was, and the migration runs again at the next start.
/// </summary>
public static class DataMigrations
{
    public const string CollectionName = "_meta";
    private const string VersionId = "version";

    /// <summary>The setup that runs <paramref name="migrations"/>: registered after every other setup.</summary>
    public static SchemaSetup Setup(IEnumerable<DataMigration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        if (ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two data migrations have the number {twice.Key}: {string.Join(", ", twice.Select(m => m.Name))}.");
        }

        return new SchemaSetup(nameof(DataMigrations), database => Run(database, ordered));
    }

    /// <summary>The highest migration number applied to the file (0: none yet).</summary>
    public static int Version(ILiteDatabase database) =>
        database.GetCollection(CollectionName).ById(VersionId) is { } row ? row["Version"].AsInt32 : 0;

    private static void Run(ILiteDatabase database, IReadOnlyList<DataMigration> migrations)
    {
        SchemaSetup.EnsureCollection(database, CollectionName);
        var meta = database.GetCollection(CollectionName);
        var current = Version(database);
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            database.BeginTrans();
            try
            {
                var changed = migration.Apply(database);
                meta.Upsert(new BsonDocument
                {
                    ["_id"] = "migration:" + migration.Version.ToString(CultureInfo.InvariantCulture),
                    ["Name"] = migration.Name,
                    ["AppliedUtc"] = DateTime.UtcNow,
                    ["Changed"] = changed,
                });
                meta.Upsert(new BsonDocument { ["_id"] = VersionId, ["Version"] = migration.Version });
                database.Commit();
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }
    }
}
