using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Teams;

namespace Assistant.Core.Notes;

/// <summary>
/// The buttons under a saved note: undo, turn into a finding, tag its kind, mark it covert or open, and for a tip left
/// half-done, complete it. Data: n:ID:u, n:ID:f, n:ID:k:Kind, n:ID:c (covert), n:ID:o (open), n:ID:t (n:ID:t:l under /notes). Only the note's
/// author may use them; anything else is refused.
/// </summary>
public sealed class NoteButtons(NoteStore notes, FindingFromMessage findings, ConversationEngine engine) : ICallbackHandler, IDeclaresSpecs
{
    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("n", Permission.LogFindings)];

    public static string Saved(Texts t, Note note)
    {
        var preview = note.VoiceFileId is not null
            ? t.Format("note.voice", note.VoiceSeconds ?? 0)
            : TextPreview.Shorten(note.Text, 60);
        var saved = t.Format("note.saved", t[note.KindKey], FindingCard.Date(t, note.Day), preview);
        return note.Covert ? saved + "\n" + t[note.CovertItemId is null ? "note.covert_by_hand" : "note.covert_visit"] : saved;
    }

    /// <summary>
    /// Undo, to a finding, every kind in one fixed order with the note's own kind ticked, then covert/open: a button
    /// keeps its place (and its number in the console) when the note is tagged or marked.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Button>> For(Texts t, Note note)
    {
        var id = note.Id.ToString(CultureInfo.InvariantCulture);
        var kinds = Enum.GetValues<NoteKind>()
            .Select(k => new Button((k == note.Kind ? "✓ " : "") + t["note.kind." + k.ToString().ToLowerInvariant()], $"n:{id}:k:{k}"));
        IReadOnlyList<IReadOnlyList<Button>> rows =
        [
            [new Button(t["note.undo"], $"n:{id}:u"), new Button(t["note.to_finding"], $"n:{id}:f")],
            [.. kinds],
            [note.Covert ? new Button(t["note.make_open"], $"n:{id}:o") : new Button(t["note.make_covert"], $"n:{id}:c")],
        ];
        return Note.IsHalfDoneTip(note) ? [[new Button(t["note.complete_tip"], $"n:{id}:t")], .. rows] : rows;
    }

    /// <summary>
    /// Under /notes: "complete the tip: …" for each of <paramref name="own"/> (the member's own notes) that is a tip left
    /// half-done, one row each; null when there is none, so the list keeps no buttons. Pressed, the list stays as it was.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? CompleteFromList(Texts t, IEnumerable<Note> own)
    {
        var rows = own.Where(Note.IsHalfDoneTip)
            .Select(n => (IReadOnlyList<Button>)[new Button(t["note.complete_tip"] + t["card.colon"] + ListPreview(t, n), $"n:{n.Id.ToString(CultureInfo.InvariantCulture)}:t:l")])
            .ToList();
        return rows.Count == 0 ? null : rows;
    }

    /// <summary>A note named on a button: the start of its text, or "voice note".</summary>
    private static string ListPreview(Texts t, Note note) => note.VoiceFileId is not null && note.Text.Length == 0
        ? Html.ToPlainText(t.Format("note.voice", note.VoiceSeconds ?? 0))
        : TextPreview.Shorten(note.Text, 12);

    /// <summary>A voice note's audio, kept as the finding's evidence.</summary>
    private static List<Evidence> VoiceOf(Note note, DateTime utcNow) => note.VoiceFileId is { } fileId
        ? [new Evidence { Kind = EvidenceKind.Voice, FileId = fileId, MimeType = "audio/ogg", AddedUtc = utcNow }]
        : [];

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        var parts = payload.Split(':');
        var note = parts.Length >= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? notes.Get(id) : null;
        if (note is null || context.Member is not { } member || note.AuthorId != member.Id || note.TeamId != member.TeamId)
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (note.Deleted)
        {
            context.Reply(t["note.already_undone"]);
            return;
        }

        switch (parts[1])
        {
            case "u":
                note.Deleted = true;
                notes.Update(note);
                context.EditOrigin(t["note.undone"]);
                break;
            case "f" when note.FindingId is null:
                context.RemoveOriginKeyboard();
                findings.Start(context, note.Text, VoiceOf(note, context.UtcNow), note.Id, note.Covert);
                break;
            case "f":
                context.Reply(t["note.already_finding"]);
                break;
            case "k" when parts.Length == 3 && Enum.TryParse<NoteKind>(parts[2], out var kind):
                note.Kind = kind;
                notes.Update(note);
                if (kind == NoteKind.Tip)
                {
                    // What the brief may say of a tip: how it came, what it reports, how it was handled. The tip's
                    // questions are the only buttons meanwhile; the note's come back with the tip saved, or left.
                    context.EditOrigin(Saved(t, note));
                    engine.Start(context, TipFlow.FlowName, new TipDraft { NoteId = note.Id });
                }
                else
                {
                    context.EditOrigin(Saved(t, note), For(t, note));
                }

                break;
            case "c" or "o" when parts.Length == 2:
                // The author's own call: a note written on a covert visit they want the team to read, or one to keep to the
                // covert visit's readers (the liaison and the leader, and the visit's participants when it was written on one).
                note.Covert = parts[1] == "c";
                notes.Update(note);
                context.EditOrigin(Saved(t, note), For(t, note));
                break;
            case "t":
                CompleteTip(context, note, fromList: parts.Length == 3 && parts[2] == "l");
                break;
            default:
                context.Reply(t["callback.expired"]);
                break;
        }
    }

    /// <summary>
    /// The tip's questions again, what the note already holds filled in: only what is missing is asked. Under the note its
    /// message is edited (its buttons go while the questions run); from /notes (<paramref name="fromList"/>) the list stays
    /// as it is and the note is named before its questions.
    /// </summary>
    private void CompleteTip(UpdateContext context, Note note, bool fromList)
    {
        var t = context.T;
        if (!Note.IsHalfDoneTip(note))
        {
            if (!fromList)
            {
                context.EditOrigin(Saved(t, note), For(t, note));
            }

            context.Reply(t["note.tip_already_complete"]);
            return;
        }

        if (fromList)
        {
            context.Reply(Saved(t, note));
        }
        else
        {
            context.EditOrigin(Saved(t, note));
        }

        engine.Start(context, TipFlow.FlowName, TipFlow.DraftFor(note));
    }
}
