using Assistant.Core.Common;

namespace Assistant.Core.Storage;

/// <summary>Settings of the <c>Storage</c> section: where the one LiteDB file lives.</summary>
public sealed class StorageOptions : IValidatableSettings
{
    public const string Section = "Storage";

    /// <summary>Path of the LiteDB file, relative to the content root or absolute. Its folder is created if missing.</summary>
    public string DatabasePath { get; set; } = "data/assistant.db";

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
    }
}
