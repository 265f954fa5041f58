using Assistant.Core.Notes;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using LiteDB;

namespace Assistant.Tests.Storage;

/// <summary>
/// A database written before notes had their covert fields (<see cref="Note.Covert"/>, <see cref="Note.CovertItemId"/>,
/// <see cref="Note.CovertParticipants"/>) opens with them: such a note reads as an ordinary note, not covert, with no
/// participants, and the team sees it in /notes as before. The note is written straight into the file as a raw document
/// of that shape, then the real core opens the file (schema setup and data migrations included).
/// </summary>
public sealed class OldNoteShapeTests
{
    private const long Author = 711;
    private const long Colleague = 712;
    private const long Leader = 713;
    private const string Text = "三楼会议室灭火器压力不足";

    /// <summary>A note as the version before the covert fields saved it (null fields are not written).</summary>
    private static BsonDocument OldNote(int teamId) => new()
    {
        ["_id"] = 1,
        ["TeamId"] = teamId,
        ["AuthorId"] = Author,
        ["AuthorName"] = "李明",
        ["Kind"] = nameof(NoteKind.General),
        ["Text"] = Text,
        ["Transcribed"] = false,
        ["Day"] = "2023-11-02",
        ["CreatedUtc"] = new DateTime(2023, 11, 2, 1, 0, 0, DateTimeKind.Utc),
        ["Deleted"] = false,
        ["KindKey"] = "note.kind.general", // a computed property, written by the mapper all the same
    };

    [Fact]
    public void TheRawDocument_HasTheShapeOfANoteToday_WithoutTheCovertFields()
    {
        var today = Mapping.CreateMapper().ToDocument(new Note { Id = 1, TeamId = 1, AuthorId = Author, AuthorName = "李明", Text = Text, Day = new DateOnly(2023, 11, 2) });

        Assert.Equal(
            today.Keys.Except([nameof(Note.Covert), nameof(Note.CovertParticipants)]).Order(),
            OldNote(1).Keys.Order());
    }

    [Fact]
    public void ANoteSavedBeforeTheCovertFields_LoadsOpen_AndTheTeamSeesItAsBefore()
    {
        using var folder = new TempFolder();
        int teamId;
        using (var h = CoreHarness.Create(folder))
        {
            var team = h.CreateTeam();
            h.AddMember(team, Author, Role.Member, "李明");
            h.AddMember(team, Colleague, Role.Member, "张伟");
            h.AddMember(team, Leader, Role.Leader, "赵组长");
            teamId = team.Id;
        }

        using (var db = AssistantDatabase.Open(folder.DatabasePath, []))
        {
            db.InTransaction(() => db.Database.GetCollection(NoteStore.CollectionName).Insert(OldNote(teamId)));
            var raw = db.Database.GetCollection(NoteStore.CollectionName).ById(1)!;
            Assert.False(raw.ContainsKey(nameof(Note.Covert)));
            Assert.False(raw.ContainsKey(nameof(Note.CovertItemId)));
            Assert.False(raw.ContainsKey(nameof(Note.CovertParticipants)));
        }

        using (var h = CoreHarness.Create(folder))
        {
            var store = h.Get<NoteStore>();
            var note = Assert.Single(store.OfTeam(teamId));
            Assert.False(note.Covert);
            Assert.Null(note.CovertItemId);
            Assert.NotNull(note.CovertParticipants);
            Assert.Empty(note.CovertParticipants);
            Assert.Equal(Text, note.Text);
            Assert.Single(store.OnDay(teamId, new DateOnly(2023, 11, 2)));

            var teams = h.Get<TeamStore>();
            foreach (var reader in new[] { Author, Colleague, Leader })
            {
                Assert.True(NoteStore.CanSee(teams.GetMember(reader)!, note, null));
                h.Send(reader, "/notes");
                var listed = h.LastText(reader);
                Assert.Contains(Text, listed, StringComparison.Ordinal);
                Assert.DoesNotContain("暗访", listed, StringComparison.Ordinal);
            }
        }
    }
}
