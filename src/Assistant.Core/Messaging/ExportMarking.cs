namespace Assistant.Core.Messaging;

/// <summary>
/// The marking of an export that names a covert (暗访) unit or visit (shared/domain.md): the sensitivity line
/// (<c>doc.sensitivity</c>, "内部资料　注意保存") in bold over the file's message with a line saying how many covert
/// entries it holds, and <see cref="OutgoingFile.InternalMark"/> in the file name. The ledger's export and the
/// itinerary's are marked alike through it; the files themselves carry <see cref="Line"/> as their format allows.
/// </summary>
public sealed record ExportMarking(string Line)
{
    /// <summary>The marking of an export holding <paramref name="covert"/> covert entries; null (nothing marked) for none.</summary>
    public static ExportMarking? For(Texts t, int covert)
    {
        ArgumentNullException.ThrowIfNull(t);
        return covert > 0 ? new(t["doc.sensitivity"]) : null;
    }

    /// <summary>The sensitivity line in bold, as the first line of a marked file's message.</summary>
    public string Bold => "<b>" + Html.Escape(Line) + "</b>";

    /// <summary><paramref name="summary"/> under the line in bold, then <paramref name="covertLine"/> (how many covert entries, not to forward).</summary>
    public string Message(string summary, string covertLine) => $"{Bold}\n{summary}\n{covertLine}";

    /// <summary>The file name's stem, with "-internal" when <paramref name="marking"/> is not null: ASCII like every file name sent.</summary>
    public static string Stem(string stem, ExportMarking? marking) => marking is null ? stem : stem + "-" + OutgoingFile.InternalMark;
}
