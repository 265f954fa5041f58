using System.Collections;
using System.Reflection;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Ledger;
using Assistant.Tests.Support;
using LiteDB;

namespace Assistant.Tests.Storage;

/// <summary>
/// LiteDB compiles every distinct expression text once and keeps the delegate forever. Queries must
/// therefore keep their text fixed and pass values as parameters, or a long-running assistant pays
/// a compile for every new key, chat and minute, and never gets the memory back. LiteDB's cache is
/// process-wide, so these tests run alone (other tests compile their own first queries meanwhile).
/// </summary>
[Collection(CompiledQueryCollection.Name)]
public sealed class CompiledQueryTests
{
    private static readonly DateTime Start = new(2023, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>Entries in LiteDB's (private, static) caches of compiled expressions.</summary>
    private static int CompiledExpressions()
    {
        var count = 0;
        foreach (var name in new[] { "_cacheScalar", "_cacheEnumerable" })
        {
            var field = typeof(BsonExpression).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException($"LiteDB no longer has BsonExpression.{name}: update this test for the new version.");
            count += ((ICollection)field.GetValue(null)!).Count;
        }

        return count;
    }

    /// <summary>Every store query the assistant makes, each with values no earlier round used.</summary>
    private static void EveryQuery(CoreHarness h, Team team, int round)
    {
        var at = Start.AddMinutes(round);
        var reminders = h.Get<ReminderStore>();
        h.Get<AssistantDatabase>().InTransaction(() =>
            reminders.Plan($"probe:{round}", LedgerReminders.DeadlineKind, team.Id, 70_000 + round, $"probe:{round}", at.AddDays(1), at));
        _ = reminders.Due(at, 10);
        _ = reminders.NextDue();
        _ = reminders.ByKey($"absent:{round}");
        _ = reminders.About($"absent:{round}");
        _ = reminders.ForRecipient(80_000 + round);
        h.Get<AssistantDatabase>().InTransaction(() => reminders.Withdraw($"probe:{round}"));
        _ = h.Get<JobStore>().Due(at, 10);

        var findings = h.Get<FindingStore>();
        _ = findings.GetByCode($"G7-{round:000}");
        var (from, to) = LedgerKeys.Active(LedgerKeys.TeamPrefix(team.Id), DateOnly.FromDateTime(at), DateOnly.FromDateTime(at).AddDays(round + 1));
        _ = findings.LedgerRange(from, to).ToList();
        (from, to) = LedgerKeys.Active(LedgerKeys.ContactPrefix(90_000 + round), to: DateOnly.FromDateTime(at));
        _ = findings.ContactLedgerRange(from, to).ToList();
        _ = findings.OnDay(team.Id, DateOnly.FromDateTime(at).AddDays(round));
        _ = findings.ByAuthor(team.Id, 90_000 + round);
        _ = findings.OfTeam(team.Id + round);
        _ = findings.ChangesOf(10_000 + round);

        _ = h.Get<NoteStore>().OnDay(team.Id, DateOnly.FromDateTime(at).AddDays(round));
        _ = h.Get<NoteStore>().OfTeam(team.Id + round);
        _ = h.Get<ScheduleStore>().Between(team.Id, at, at.AddHours(round + 1));
        _ = h.Get<ScheduleStore>().OfTeam(team.Id + round);
        _ = h.Get<ScheduleStore>().Any(team.Id + round);
        _ = h.Get<TeamStore>().FindTeamByName($"组{round}");
        _ = h.Get<TeamStore>().FindTeamByGroup(-1000 - round);
        _ = h.Get<TeamStore>().MembersOf(team.Id + round);
        _ = h.Get<DraftStore>().UntouchedSince(at);
    }

    [Fact]
    public void StoreQueries_WithNewValues_CompileNothingNew()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        EveryQuery(h, team, 0);
        var before = CompiledExpressions();

        for (var round = 1; round <= 30; round++)
        {
            EveryQuery(h, team, round);
        }

        Assert.Equal(before, CompiledExpressions());
    }

    [Fact]
    public void Conversations_FromNewPeople_CompileNothingNew()
    {
        using var h = LedgerTests.Team(out var team);
        var first = FindingFlowTestsRecord(h, LedgerTests.Author);
        LedgerTests.Assign(h, first);
        h.Send(LedgerTests.Leader, "/ledger");
        h.Send(LedgerTests.Leader, "/today");
        var before = CompiledExpressions();

        for (var i = 0; i < 10; i++)
        {
            var user = 50_000 + i;
            h.AddMember(team, user, Role.Member, "新成员" + i);
            var f = FindingFlowTestsRecord(h, user);
            LedgerTests.Assign(h, f, $"11-{20 + i}");
            h.Send(user, "/ledger");
            h.Send(user, "/today");
        }

        Assert.Equal(before, CompiledExpressions());
    }

    [Fact]
    public void Where_Between_IsInclusiveAndUsesTheIndex()
    {
        using var h = CoreHarness.Create();
        var collection = h.Get<AssistantDatabase>().Collection<BsonDocument>("probe");
        collection.EnsureIndex("n", "$.n");
        for (var n = 1; n <= 10; n++)
        {
            collection.Insert(new BsonDocument { ["n"] = n });
        }

        Assert.Equal([3, 4, 5], collection.Find(Where.Between("n", 3, 5)).Select(d => d["n"].AsInt32).Order().ToArray());
        Assert.Equal([7], collection.Find(Where.Eq("n", 7)).Select(d => d["n"].AsInt32).ToArray());
        Assert.Equal(2, collection.Count(Where.AtMost("n", 2)));

        Assert.StartsWith("INDEX RANGE SCAN(n ", collection.Query().Where(Where.Between("n", 3, 5)).GetPlan()["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.StartsWith("INDEX SEEK(n ", collection.Query().Where(Where.Eq("n", 7)).GetPlan()["index"]["mode"].AsString, StringComparison.Ordinal);
    }

    private static Finding FindingFlowTestsRecord(CoreHarness h, long user) => Findings.FindingFlowTests.Record(h, user);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompiledQueryCollection
{
    public const string Name = "LiteDB compiled expressions";
}
