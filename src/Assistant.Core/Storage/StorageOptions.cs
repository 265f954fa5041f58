namespace Assistant.Core.Storage;

/// <summary>Settings of the <c>Storage</c> section: where the one LiteDB file lives.</summary>
public sealed class StorageOptions : IValidatableSettings
{
    public const string Section = "Storage";

    /// <summary>Path of the LiteDB file, relative to the content root or absolute. Its folder is created if missing.</summary>
    public string DatabasePath { get; set; } = "data/assistant.db";

    /// <summary>
    /// Size of LiteDB's write-ahead log, in 8 KB pages, at which it is copied into the data file
    /// (a checkpoint, which briefly pauses writes). Small keeps each pause short: at 100 the p99
    /// update latency stays near 2 ms under load (see README, Performance).
    /// </summary>
    public int CheckpointPages { get; set; } = 100;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            yield return "Storage:DatabasePath is empty: expected a file path such as data/assistant.db.";
        }
        else if (DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"Storage:DatabasePath '{DatabasePath}' contains characters that are not allowed in a path.";
        }

        if (CheckpointPages is < 10 or > 100_000)
        {
            yield return $"Storage:CheckpointPages {CheckpointPages} is out of range: expected 10 to 100000 (default 100).";
        }
    }
}
