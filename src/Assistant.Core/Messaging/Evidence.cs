namespace Assistant.Core.Messaging;

/// <summary>
/// A photo, document, voice message or video a member sent as evidence (of a finding, of a fix, of a
/// verification), kept by the channel's file id and downloaded beside the database later.
/// </summary>
public sealed class Evidence
{
    public EvidenceKind Kind { get; set; }

    /// <summary>The channel's file id (Telegram file_id); enough to send it again.</summary>
    public string FileId { get; set; } = "";

    public string? FileName { get; set; }

    public string? MimeType { get; set; }

    public long? Size { get; set; }

    /// <summary>Path of the downloaded copy beside the database, once fetched.</summary>
    public string? LocalPath { get; set; }

    public DateTime AddedUtc { get; set; }

    /// <summary>
    /// The one rule for what counts as evidence: photos, documents, voice and audio, videos, video notes and
    /// animations; null for anything else (a sticker).
    /// </summary>
    public static Evidence? From(IncomingFile file, DateTime utcNow)
    {
        EvidenceKind? kind = file.Kind switch
        {
            FileKind.Photo => EvidenceKind.Photo,
            FileKind.Document => EvidenceKind.Document,
            FileKind.Voice or FileKind.Audio => EvidenceKind.Voice,
            FileKind.Video or FileKind.VideoNote or FileKind.Animation => EvidenceKind.Video,
            _ => null,
        };
        return kind is null ? null : new Evidence
        {
            Kind = kind.Value,
            FileId = file.FileId,
            FileName = file.FileName,
            MimeType = file.MimeType,
            Size = file.Size,
            AddedUtc = utcNow,
        };
    }
}

public enum EvidenceKind
{
    Photo,
    Document,
    Voice,
    Video,
    Text,
}
