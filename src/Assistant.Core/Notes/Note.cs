namespace Assistant.Core.Notes;

/// <summary>The kind of a note; tips (举报线索) are confidential.</summary>
public enum NoteKind
{
    General,
    Meeting,
    Interview,
    DocumentReview,
    Tip,

    /// <summary>Something the inspected side does well (亮点), for the feedback's overall assessment.</summary>
    Highlight,
}

/// <summary>How a tip (举报) reached the team.</summary>
public enum TipChannel
{
    Phone,
    Email,
    Web,
    Letter,
    Visit,
    Other,
}

/// <summary>A note of the day: free text (or a voice message) a member sent outside any flow.</summary>
public sealed class Note
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public long AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public NoteKind Kind { get; set; }

    public string Text { get; set; } = "";

    public string? VoiceFileId { get; set; }

    public int? VoiceSeconds { get; set; }

    /// <summary>The text is a transcript of the voice note (made by the transcription server, not typed).</summary>
    public bool Transcribed { get; set; }

    /// <summary>The day (team time) the note belongs to.</summary>
    public DateOnly Day { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Undone by its author; kept for the record but shown nowhere.</summary>
    public bool Deleted { get; set; }

    /// <summary>The finding made from this note, if any.</summary>
    public int? FindingId { get; set; }

    /// <summary>
    /// Written on a covert visit (暗访): decided when the note is saved, from the itinerary as it was then (the author
    /// was a participant of a covert item whose time window held that moment), or set by its author with the note's
    /// button. Read only by its author, <see cref="CovertParticipants"/>, the liaison and the leader
    /// (<see cref="NoteStore.CanSee"/>); kept out of every group chat and every model prompt.
    /// </summary>
    public bool Covert { get; set; }

    /// <summary>The covert itinerary item the note was written on (null when its author marked it covert by hand).</summary>
    public int? CovertItemId { get; set; }

    /// <summary>Who took part in that covert visit when the note was written: they may read it (a later change of the itinerary does not widen this).</summary>
    public List<long> CovertParticipants { get; set; } = [];

    /// <summary>For a tip: how it arrived.</summary>
    public TipChannel? TipChannel { get; set; }

    /// <summary>For a tip: what it reports, without the tipster's identity (what summaries show).</summary>
    public string? TipSubject { get; set; }

    /// <summary>For a tip: how it was handled (e.g. 转交株洲市核查，11月8日前反馈).</summary>
    public string? TipHandling { get; set; }

    public string KindKey => "note.kind." + Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// Marked as a tip whose questions were left unanswered (the tip flow cancelled or timed out): the brief counts it but
    /// cannot list it until what it reports and how it was handled are filled in ("complete the tip").
    /// </summary>
    public static bool IsHalfDoneTip(Note note) =>
        note.Kind == NoteKind.Tip && (string.IsNullOrWhiteSpace(note.TipSubject) || string.IsNullOrWhiteSpace(note.TipHandling));

    public static string ChannelKey(TipChannel channel) => "tip.channel." + channel.ToString().ToLowerInvariant();
}
