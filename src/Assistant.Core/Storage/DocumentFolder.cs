namespace Assistant.Core.Storage;

/// <summary>
/// The folder beside the database where written documents are kept, one folder per team
/// (<c>documents/G7/</c>): briefs, feedback, exports and the console's received files. A file is never
/// overwritten: a name already taken gets the next free version.
/// </summary>
public sealed class DocumentFolder(AssistantDatabase db)
{
    /// <summary><c>documents</c> beside the database file.</summary>
    public string Root => Path.Combine(Path.GetDirectoryName(db.Path)!, "documents");

    /// <summary>The team's folder (its code made safe for a file name).</summary>
    public string Of(string teamCode) => Path.Combine(Root, Safe(teamCode));

    /// <summary>Whether the team's folder already holds a file of this name.</summary>
    public bool Exists(string teamCode, string fileName) => File.Exists(Path.Combine(Of(teamCode), Safe(fileName)));

    /// <summary>
    /// Writes the file into the team's folder and returns its full path. When the name is taken, "-2", "-3", … is added
    /// before the extension: an earlier file is never replaced.
    /// </summary>
    public string Save(string teamCode, string fileName, byte[] content)
    {
        var folder = Of(teamCode);
        Directory.CreateDirectory(folder);
        var name = Safe(fileName);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var version = 1; ; version++)
        {
            var path = Path.Combine(folder, version == 1 ? name : FormattableString.Invariant($"{stem}-{version}{extension}"));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(content);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken (also by another writer at the same moment): try the next version.
            }
        }
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. name.Trim().Select(c => invalid.Contains(c) ? '_' : c)]);
        return safe.Length == 0 || safe is "." or ".." ? "_" : safe;
    }
}
