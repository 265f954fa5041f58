using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Teams;

namespace Assistant.Core.Notes;

/// <summary>
/// What a member sends outside commands and flows. Text (and /note TEXT) becomes a note of the day,
/// a voice message a voice note; a photo, a document or a shared location starts a finding with it (with a caption,
/// a finding filled from it: <see cref="FindingFromMessage"/>).
/// Documents a capability claims (an itinerary file) go to that capability first.
/// </summary>
public sealed class NotesInput(NoteStore notes, FindingStarter findings, FindingFromMessage fromMessage, IEnumerable<IDocumentHandler> documentHandlers, VoiceNoteTranscription transcription,
    CovertNotes covert)
    : IFreeInputHandler
{
    public const int MaxNoteLength = 20_000;

    public void Handle(UpdateContext context)
    {
        var t = context.T;
        if (context.Member is not { } member || !context.Can(Permission.LogFindings))
        {
            context.Reply(t["free.hint"]);
            return;
        }

        var update = context.Update;
        var files = update.Files;
        if (files.Count > 0)
        {
            var file = files[0];
            if (file.Kind == FileKind.Document && documentHandlers.FirstOrDefault(h => h.Accepts(file)) is { } handler)
            {
                handler.Handle(context, file);
                return;
            }

            switch (file.Kind)
            {
                case FileKind.Voice or FileKind.Audio:
                    Save(context, member, NoteKind.General, update.Text ?? "", file);
                    return;
                case FileKind.Sticker or FileKind.Animation:
                    context.Reply(t["note.unsupported"]);
                    return;
                default:
                    var evidence = files.Select(f => Evidence.From(f, context.UtcNow)).OfType<Evidence>().ToList();
                    if (update.Text?.Trim() is { Length: > 0 } caption)
                    {
                        // One message, one finding: the caption fills the draft, the files are its evidence.
                        context.Reply(t[file.Kind == FileKind.Photo ? "finding.started_from_photo_caption" : "finding.started_from_caption"]);
                        fromMessage.Start(context, caption, evidence);
                        return;
                    }

                    context.Reply(t[file.Kind == FileKind.Photo ? "finding.started_from_photo" : "finding.started_from_file"]);
                    findings.Start(context, new FindingDraft { Evidence = evidence });
                    return;
            }
        }

        if (update.Location is { } location)
        {
            context.Reply(t["finding.started_from_location"]);
            findings.Start(context, new FindingDraft { Latitude = location.Latitude, Longitude = location.Longitude });
            return;
        }

        var text = update.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            context.Reply(t["note.unsupported"]);
            return;
        }

        Save(context, member, NoteKind.General, text, null);
    }

    /// <summary>
    /// Saves a note of today and replies with its buttons (undo, turn into a finding, kind, covert/open). A note written
    /// while its author is on a covert visit is saved covert (<see cref="CovertNotes"/>), and the reply says who may read it;
    /// a covert voice note is not transcribed (<see cref="VoiceNoteTranscription"/>), and the reply says that too.
    /// </summary>
    public void Save(UpdateContext context, Member member, NoteKind kind, string text, IncomingFile? voice)
    {
        var t = context.T;
        if (text.Length > MaxNoteLength)
        {
            context.Reply(t.Format("note.too_long", MaxNoteLength));
            return;
        }

        var note = new Note
        {
            TeamId = member.TeamId,
            AuthorId = member.Id,
            AuthorName = member.DisplayName,
            Kind = kind,
            Text = text,
            VoiceFileId = voice?.FileId,
            VoiceSeconds = voice?.DurationSeconds,
            Day = context.Today,
            CreatedUtc = context.UtcNow,
        };
        covert.Decide(note, member);
        notes.Insert(note);
        if (voice is not null && transcription.Enabled && note.Covert)
        {
            // Written on a covert visit: its audio never goes to the transcription server; it stays a voice note.
            context.Reply(NoteButtons.Saved(t, note) + "\n" + t["note.transcription_covert"], NoteButtons.For(t, note));
            return;
        }

        if (voice is not null && transcription.Enabled)
        {
            // The voice note is saved as it is; its transcript follows from the background job.
            transcription.Queue(note, context.Update.ChatId, context.UtcNow);
            context.Reply(NoteButtons.Saved(t, note) + "\n" + t["note.transcribing"], NoteButtons.For(t, note));
            return;
        }

        context.Reply(NoteButtons.Saved(t, note), NoteButtons.For(t, note));
    }
}

/// <summary>A capability that takes certain documents sent outside a flow (an itinerary file).</summary>
public interface IDocumentHandler
{
    bool Accepts(IncomingFile file);

    void Handle(UpdateContext context, IncomingFile file);
}
