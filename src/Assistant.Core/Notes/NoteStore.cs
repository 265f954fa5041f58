using Assistant.Core.Findings;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Notes;

public sealed class NoteStore(AssistantDatabase db)
{
    public const string CollectionName = "notes";

    private ILiteCollection<Note> Notes => db.Collection<Note>(CollectionName);

    public Note? Get(int id) => Notes.ById(id);

    public void Insert(Note note) => Notes.Insert(note);

    public void Update(Note note) => Notes.Update(note);

    /// <summary>The team's notes of a day, oldest first, undone ones left out.</summary>
    public IReadOnlyList<Note> OnDay(int teamId, DateOnly day) =>
        Notes.Find(Where.Eq(nameof(Note.Day), new BsonValue(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
            .Where(n => n.TeamId == teamId && !n.Deleted).OrderBy(n => n.Id).ToList();

    public IReadOnlyList<Note> OfTeam(int teamId) =>
        Notes.Find(Where.Eq(nameof(Note.TeamId), teamId)).Where(n => !n.Deleted).OrderBy(n => n.Id).ToList();

    /// <summary>Marks the note as turned into a finding (only the author's own note).</summary>
    public void LinkToFinding(int noteId, long authorId, int findingId)
    {
        var note = Get(noteId);
        if (note is not null && note.AuthorId == authorId)
        {
            note.FindingId = findingId;
            Update(note);
        }
    }

    /// <summary>
    /// The one rule every reader of notes applies (/notes, the briefs' facts, the fuzzer's invariant). A note is seen by
    /// members of its team (never a rectification contact) when each restriction that applies to it allows:
    /// <list type="bullet">
    /// <item>a tip: only its author, the liaison and the leader;</item>
    /// <item>a covert note (<see cref="Note.Covert"/>: written on a covert visit): only its author, the visit's
    /// participants as they were when it was written (<see cref="Note.CovertParticipants"/>), the liaison and the leader;</item>
    /// <item>a note turned into a finding (<paramref name="linked"/>, the finding its <see cref="Note.FindingId"/> names): only
    /// its author and those who may see that finding as it is now (<see cref="FindingVisibility"/>: a covert one only its
    /// authors, the liaison and the leader), so the note follows the finding from open to covert and back; when that finding
    /// cannot be read, only its author, the liaison and the leader.</item>
    /// </list>
    /// The restrictions add up: a covert note turned into an open finding stays covert (the finding is the team's, the
    /// note as written on the visit is not). Other notes are the whole team's.
    /// </summary>
    public static bool CanSee(Member viewer, Note note, Finding? linked) =>
        viewer.TeamId == note.TeamId && viewer.Role != Role.Contact
        && (note.Kind != NoteKind.Tip || viewer.Id == note.AuthorId || viewer.Role.IsCoordinator())
        && (!note.Covert || viewer.Id == note.AuthorId || viewer.Role.IsCoordinator() || note.CovertParticipants.Contains(viewer.Id))
        && (note.FindingId is not { } findingId || viewer.Id == note.AuthorId
            || (linked is not null && linked.Id == findingId ? FindingVisibility.CanSee(viewer, linked) : viewer.Role.IsCoordinator()));

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(Note.TeamId)), FieldIndex.On(nameof(Note.Day)));
    }
}
