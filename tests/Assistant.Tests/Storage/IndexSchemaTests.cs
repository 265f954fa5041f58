using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Leads;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Plan;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Storage;

/// <summary>
/// The schema set-up creates its indexes by field name (no mapper for the stored type is built before the first
/// poll). A file written by the earlier set-up, which used LiteDB's typed <c>EnsureIndex(x => x.Field)</c>, must open
/// unchanged: same index names, expressions and uniqueness, or LiteDB refuses with "index already exists with a
/// different expression". The typed calls below are that earlier set-up, kept verbatim as the reference.
/// </summary>
public sealed class IndexSchemaTests
{
    private static readonly Action<ILiteDatabase>[] TypedSetup =
    [
        database =>
        {
            var findings = database.GetCollection<Finding>(FindingStore.Findings);
            findings.EnsureIndex(x => x.TeamId);
            findings.EnsureIndex(x => x.Day);
            findings.EnsureIndex(x => x.AuthorId);
            findings.EnsureIndex(x => x.Code, unique: true);
            findings.EnsureIndex(x => x.LedgerKey);
            findings.EnsureIndex(x => x.ContactLedgerKey);
            findings.EnsureIndex(x => x.AuthorDayKey);
            database.GetCollection<FindingChange>(FindingStore.Changes).EnsureIndex(x => x.FindingId);
        },
        database =>
        {
            var notes = database.GetCollection<Note>(NoteStore.CollectionName);
            notes.EnsureIndex(x => x.TeamId);
            notes.EnsureIndex(x => x.Day);
        },
        database =>
        {
            var reminders = database.GetCollection<Reminder>(ReminderStore.CollectionName);
            reminders.EnsureIndex(x => x.Key, unique: true);
            reminders.EnsureIndex(x => x.PendingDueUtc);
            reminders.EnsureIndex(x => x.Subject);
            reminders.EnsureIndex(x => x.RecipientId);
        },
        database =>
        {
            var summaries = database.GetCollection<Summary>(SummaryStore.CollectionName);
            summaries.EnsureIndex(x => x.Slot);
            summaries.EnsureIndex(x => x.TeamId);
        },
        database => database.GetCollection<Draft>(DraftStore.CollectionName).EnsureIndex(x => x.UpdatedUtc),
        database => database.GetCollection<Job>(JobStore.CollectionName).EnsureIndex(x => x.DueUtc),
        database => database.GetCollection<LedgerQuery>(LedgerQueries.CollectionName).EnsureIndex(x => x.OwnerId),
        database =>
        {
            var plans = database.GetCollection<RectificationPlan>(PlanStore.CollectionName);
            plans.EnsureIndex(x => x.TeamId, unique: true);
            plans.EnsureIndex(x => x.NextDueKey);
        },
        database =>
        {
            var leads = database.GetCollection<Lead>(LeadStore.CollectionName);
            leads.EnsureIndex(x => x.DueKey);
            leads.EnsureIndex(x => x.OpenDueKey);
        },
        database =>
        {
            database.GetCollection<Team>(TeamStore.Teams).EnsureIndex(x => x.Name, unique: true);
            database.GetCollection<Member>(TeamStore.Members).EnsureIndex(x => x.TeamId);
            database.GetCollection<Invitation>(TeamStore.Invitations).EnsureIndex(x => x.TeamId);
        },
        database => database.GetCollection<CodeAttempts>(CodeGuessing.CollectionName).EnsureIndex(x => x.LastWrongUtc),
        database =>
        {
            var audit = database.GetCollection<AuditEntry>(AuditLog.CollectionName);
            audit.EnsureIndex(x => x.ActorUserId);
            audit.EnsureIndex(x => x.TeamId);
        },
        database =>
        {
            var items = database.GetCollection<ScheduleItem>(ScheduleStore.CollectionName);
            items.EnsureIndex(x => x.TeamId);
            items.EnsureIndex(x => x.StartUtc);
        },
    ];

    [Fact]
    public void SchemaSetup_CreatesTheIndexesTheTypedCallsCreated()
    {
        using var folder = new TempFolder();
        var typed = IndexesOf(folder.File("typed.db"), TypedSetup.Select((ensure, i) => new SchemaSetup("typed" + i, ensure)));
        var current = IndexesOf(folder.File("current.db"), CurrentSetups());

        Assert.Equal(31, typed.Count);
        Assert.Equal(typed, current);
    }

    [Fact]
    public void SchemaSetup_OpensAFileTheTypedCallsWrote_WithTheSameIndexes()
    {
        using var folder = new TempFolder();
        var path = folder.File("typed.db");
        var typed = IndexesOf(path, TypedSetup.Select((ensure, i) => new SchemaSetup("typed" + i, ensure)));

        var reopened = IndexesOf(path, CurrentSetups());

        Assert.Equal(typed, reopened);
    }

    [Fact]
    public void SchemaSetup_KeepsTheIdsTheStoresAssign_AndNumbersTheOthers()
    {
        using var folder = new TempFolder();
        using var db = AssistantDatabase.Open(folder.DatabasePath, CurrentSetups());
        var database = db.Database;

        Assert.False(IdOf<Draft>(database).AutoId);
        Assert.False(IdOf<Member>(database).AutoId);
        Assert.False(IdOf<TeamVocabulary>(database).AutoId);
        Assert.False(IdOf<DayTally>(database).AutoId);
        Assert.True(IdOf<Finding>(database).AutoId);
        Assert.Equal(BsonAutoId.Int32, database.GetCollection<Finding>(FindingStore.Findings).AutoId);
        Assert.Equal("_id", IdOf<Member>(database).FieldName);
        Assert.Equal(nameof(Member.Id), IdOf<Member>(database).MemberName);
    }

    private static MemberMapper IdOf<T>(ILiteDatabase database) => database.GetCollection<T>("probe").EntityMapper.Id;

    /// <summary>The set-ups the assistant registers, taken from its own composition.</summary>
    private static List<SchemaSetup> CurrentSetups()
    {
        using var h = CoreHarness.Create();
        return [.. h.Services.GetServices<SchemaSetup>()];
    }

    /// <summary>Opens the file with <paramref name="setups"/> and lists every secondary index: collection, name, expression, unique.</summary>
    private static List<string> IndexesOf(string path, IEnumerable<SchemaSetup> setups)
    {
        using var db = AssistantDatabase.Open(path, setups);
        return [.. db.Database.GetCollection("$indexes").FindAll()
            .Where(index => index["name"].AsString != "_id")
            .Select(index => $"{index["collection"].AsString}.{index["name"].AsString} = {index["expression"].AsString}{(index["unique"].AsBoolean ? " unique" : "")}")
            .Order(StringComparer.Ordinal)];
    }
}
