using System.Text;
using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Hostile;

/// <summary>
/// Two teams on one real core: 第七组 (G7: leader 901, liaison 902, members 903 and 904, contacts
/// 905 and 906) and 第八组 (G8: leader 951, member 953), with a file source for itinerary files and a
/// group chat linked to G7. Snapshots the stored records so a test can prove nothing changed.
/// </summary>
public sealed class HostileWorld : IDisposable
{
    public const long OtherLeader = 951;
    public const long OtherMember = 953;
    public const long Stranger = 777;
    public const long Group = -1_007;

    /// <summary>The collections that hold what users stored (not the outbox, cursors, audit or jobs).</summary>
    public static readonly string[] Stored =
    [
        FindingStore.Findings, FindingStore.Changes, NoteStore.CollectionName, ScheduleStore.CollectionName,
        TeamStore.Members, TeamStore.Teams, TeamStore.Invitations, DayTallyStore.CollectionName, ReminderStore.CollectionName,
        DraftStore.CollectionName,
    ];

    public HostileWorld()
    {
        H = CoreHarness.Create(configure: b => b.Services.AddSingleton<IFileSource>(Files));
        Team = H.CreateTeam();
        H.AddMember(Team, Leader, Role.Leader, "刘组长");
        H.AddMember(Team, Liaison, Role.Liaison, "陈静");
        H.AddMember(Team, Author, Role.Member, "李明");
        H.AddMember(Team, Colleague, Role.Member, "张伟");
        H.AddMember(Team, Contact, Role.Contact, "王责任人");
        H.AddMember(Team, OtherContact, Role.Contact, "赵责任人");
        OtherTeam = H.CreateTeam("第八组", "湖北省", "G8");
        H.AddMember(OtherTeam, OtherLeader, Role.Leader, "周组长");
        H.AddMember(OtherTeam, OtherMember, Role.Member, "吴成员");
    }

    public CoreHarness H { get; }

    public MemoryFileSource Files { get; } = new();

    public Team Team { get; }

    public Team OtherTeam { get; }

    /// <summary>The finding a setup recorded, if any.</summary>
    public Finding? Finding { get; set; }

    /// <summary>Callback data a setup kept for the test to replay or forge.</summary>
    public string Data { get; set; } = "";

    public Finding Current => H.Get<FindingStore>().Get(Finding!.Id)!;

    public void LinkGroup() => H.Send(Leader, "/linkgroup", Group, ChatKind.Group);

    public DispatchOutcome SendFile(long user, string name, string content, long? size = null) =>
        SendBytes(user, name, Encoding.UTF8.GetBytes(content), size);

    public DispatchOutcome SendBytes(long user, string name, byte[] content, long? size = null)
    {
        var id = "file-" + Guid.NewGuid().ToString("N");
        Files.Files[id] = content;
        return H.Dispatch(CoreHarness.Text(user, "") with { Text = null, Files = [new IncomingFile(FileKind.Document, id, name, "text/csv", size ?? content.Length)] });
    }

    public Task RunJobs() => H.Get<JobRunner>().RunDueAsync(CancellationToken.None);

    /// <summary>Every stored document of the given collections, serialised, in id order.</summary>
    public Dictionary<string, List<string>> Snapshot(IEnumerable<string> collections)
    {
        var db = H.Get<AssistantDatabase>().Database;
        return collections.ToDictionary(
            c => c,
            c => db.GetCollection(c).FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Asserts the same documents are stored as in the snapshot.</summary>
    public void AssertUnchanged(Dictionary<string, List<string>> before)
    {
        var after = Snapshot(before.Keys);
        foreach (var (collection, documents) in before)
        {
            Assert.True(documents.SequenceEqual(after[collection]), $"Collection '{collection}' changed:\nbefore: {string.Join("\n", documents)}\nafter: {string.Join("\n", after[collection])}");
        }
    }

    /// <summary>No error was logged (a handler that threw logs one).</summary>
    public void AssertNoErrors() =>
        Assert.DoesNotContain(H.Logs.Lines, l => l.Level >= LogLevel.Error);

    public void Dispose() => H.Dispose();
}
