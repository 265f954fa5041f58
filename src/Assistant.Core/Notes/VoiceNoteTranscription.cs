using Assistant.Core.Jobs;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Notes;

/// <summary>
/// Transcribes a saved voice note in the background (a job, outside the update's transaction): downloads the
/// audio through the channel, sends it to the transcriber, and makes the transcript the note's text, marked as
/// transcribed; the audio's file id stays on the note as evidence. The member gets the transcript under the
/// note's buttons, or one line saying the voice note is saved without text. A covert note (<see cref="Note.Covert"/>:
/// written on a covert visit, or marked so by its author since it was saved) never reaches the transcriber: its audio
/// would leave the machine. The note is read again just before the audio would be sent; a covert one stays audio only
/// and its author gets one line saying so (<c>note.transcription_covert</c>). A note opened again later is not
/// transcribed after all: its job is done.
/// </summary>
public sealed class VoiceNoteTranscription(
    JobStore jobs, NoteStore notes, TeamStore teams, IFileSource files, IVoiceTranscriber transcriber, Outbox outbox, AssistantDatabase db,
    ChatActivity activity, TextCatalog catalog, TimeProvider time, ILogger<VoiceNoteTranscription> logger) : IJobHandler
{
    public const string JobKind = "voice-transcription";

    /// <summary>The largest voice note sent to the server (Telegram's Bot API serves up to 20 MB).</summary>
    public const int MaxAudioBytes = 20 * 1024 * 1024;

    private const int DownloadAttempts = 3;

    public string Kind => JobKind;

    public bool Enabled => transcriber.Enabled;

    /// <summary>Queues the transcription of a voice note just saved. Call inside the save's transaction.</summary>
    public void Queue(Note note, long chatId, DateTime utcNow) =>
        jobs.Enqueue(JobKind, new BsonDocument { ["note"] = note.Id, ["chat"] = chatId }, utcNow);

    public async Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var chat = job.Payload["chat"].AsInt64;
        var note = notes.Get(job.Payload["note"].AsInt32);
        if (note is null || note.Deleted || note.Transcribed || note.VoiceFileId is not { } fileId || teams.GetMember(note.AuthorId) is not { } member)
        {
            return JobResult.Done;
        }

        var t = catalog.For(member.Language);
        if (note.Covert)
        {
            return KeptAsAudio(note, chat, t);
        }

        using var audio = new MemoryStream();
        var fetched = await files.DownloadAsync(fileId, audio, cancellationToken);
        if (fetched == FileFetch.TryLater && job.Attempts + 1 < DownloadAttempts)
        {
            return new JobResult.Retry(TimeSpan.FromSeconds(10 * (job.Attempts + 1)), "the channel could not serve the voice note now");
        }

        if (notes.Get(note.Id) is { Covert: true } marked)
        {
            // Marked covert by its author while the audio was being downloaded: read again just before it would leave.
            return KeptAsAudio(marked, chat, t);
        }

        Transcript transcript;
        if (fetched != FileFetch.Downloaded || audio.Length is 0 or > MaxAudioBytes)
        {
            transcript = new Transcript(TranscriptionOutcome.Failed);
        }
        else
        {
            await using (activity.Typing(chat))
            {
                transcript = await transcriber.TranscribeAsync(audio.GetBuffer().AsMemory(0, (int)audio.Length), "voice.ogg", member.Language, cancellationToken);
            }
        }

        var text = transcript.Text.Trim();
        if (text.Length > NotesInput.MaxNoteLength)
        {
            text = text[..NotesInput.MaxNoteLength];
        }

        var queued = db.InTransaction<IReadOnlyList<OutboxEntry>>(() =>
        {
            var current = notes.Get(note.Id);
            if (current is null || current.Deleted)
            {
                return [];
            }

            if (transcript.Outcome != TranscriptionOutcome.Transcribed || text.Length == 0)
            {
                logger.LogInformation("Voice note {Note} was not transcribed ({Outcome}); it stays audio only.", note.Id, transcript.Outcome);
                var why = transcript.Outcome switch
                {
                    TranscriptionOutcome.TimedOut => "note.transcription_slow",
                    TranscriptionOutcome.Empty or TranscriptionOutcome.Transcribed => "note.transcription_empty",
                    _ => "note.transcription_failed",
                };
                return outbox.Enqueue([new OutgoingMessage { ChatId = chat, Html = t[why], Purpose = "chat" }], time.GetUtcNow().UtcDateTime);
            }

            current.Text = current.Text.Length == 0 ? text : current.Text + "\n" + text;
            current.Transcribed = true;
            notes.Update(current);
            return outbox.Enqueue(
                [new OutgoingMessage { ChatId = chat, Html = t.Format("note.transcribed", Html.Escape(text)), Keyboard = NoteButtons.For(t, current), Purpose = "chat" }],
                time.GetUtcNow().UtcDateTime);
        });
        outbox.NotifyAfterCommit(queued);
        return JobResult.Done;
    }

    /// <summary>A covert voice note: not sent to the transcriber; its author is told in one line (unless it was undone).</summary>
    private JobResult KeptAsAudio(Note note, long chat, Texts t)
    {
        logger.LogInformation("Voice note {Note} is covert; it stays audio only and is not sent to the transcription server.", note.Id);
        var queued = db.InTransaction<IReadOnlyList<OutboxEntry>>(() => notes.Get(note.Id) is { Deleted: false }
            ? outbox.Enqueue([new OutgoingMessage { ChatId = chat, Html = t["note.transcription_covert"], Purpose = "chat" }], time.GetUtcNow().UtcDateTime)
            : []);
        outbox.NotifyAfterCommit(queued);
        return JobResult.Done;
    }
}
