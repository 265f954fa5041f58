using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Notes;

/// <summary>
/// /note TEXT saves a note of the day; /notes lists today's notes this member may see (<see cref="NoteStore.CanSee"/>),
/// with a button under the list for each of the member's own tips left half-done (none otherwise).
/// </summary>
public sealed class NoteCommand(NotesInput input, NoteStore notes, FindingStore findings) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("note", Permission.LogFindings, ChatScope.PrivateOnly, "help.cmd.note", "/note TEXT") { InMenu = true },
        new("notes", Permission.LogFindings, ChatScope.PrivateOnly, "help.cmd.notes", "/notes"),
    ];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        var member = context.Member!;
        if (command.Name == "notes")
        {
            // One rule (NoteStore.CanSee): a tip, a covert note (written on a covert visit) and a note turned into a covert
            // finding only to those who may read them; a covert note is marked so for them.
            var visible = notes.OnDay(member.TeamId, context.Today)
                .Where(n => NoteStore.CanSee(member, n, n.FindingId is { } id ? findings.Get(id) : null)).ToList();
            if (visible.Count == 0)
            {
                context.Reply(t["notes.none_today"]);
                return;
            }

            var sb = new StringBuilder(t.Format("notes.title", FindingCard.Date(t, context.Today), visible.Count));
            foreach (var note in visible)
            {
                // A note is read as typed by its author, and a tip by the leader and the liaison who handle it; an ordinary
                // note reaches the whole team, so to the others it is scrubbed of anything naming a person (a tipster's phone…).
                var asTyped = note.AuthorId == member.Id || (note.Kind == NoteKind.Tip && member.Role.IsCoordinator());
                var text = note.VoiceFileId is not null ? t.Format("note.voice", note.VoiceSeconds ?? 0)
                    : asTyped ? note.Text : IdentityScrubber.Scrub(note.Text);
                var kind = note.Covert ? t[note.KindKey] + " · " + t["openness.covert"] : t[note.KindKey];
                sb.Append("\n\n").Append(t.Format("notes.line", kind, note.AuthorName)).Append('\n').Append(Html.Escape(text));
            }

            context.Reply(sb.ToString(), NoteButtons.CompleteFromList(t, visible.Where(n => n.AuthorId == member.Id)));
            return;
        }

        if (command.Arguments.Length == 0)
        {
            context.Reply(t["note.usage"]);
            return;
        }

        input.Save(context, member, NoteKind.General, command.Arguments, null);
    }
}
