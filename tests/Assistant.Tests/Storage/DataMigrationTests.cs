using Assistant.Core.Common;
using Assistant.Core.Findings;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using LiteDB;

namespace Assistant.Tests.Storage;

/// <summary>
/// Findings written before their texts were scrubbed on every save may still name a tipster. At start-up the one-time
/// migration scrubs every stored finding and its history; the database file records that it ran, and it never runs again.
/// The rows are written straight into the file, as an older version left them, bypassing the store's scrub.
/// </summary>
public sealed class DataMigrationTests
{
    private const string Tipster = "举报人张三电话13812345678反映";
    private const string Kept = "加油站卸油区未设置静电接地装置";

    /// <summary>The highest migration number the assistant has.</summary>
    private const int Latest = 2;

    /// <summary>Writes a finding (and one change of its history) as raw documents into the file, no setup or migration run.</summary>
    private static void WriteRaw(TempFolder folder, int id, string code)
    {
        using var db = AssistantDatabase.Open(folder.DatabasePath, []);
        var finding = new Finding
        {
            Id = id,
            Code = code,
            TeamId = 1,
            Number = id,
            Day = new DateOnly(2023, 11, 2),
            City = "长沙市望城区",
            Unit = "长沙某加油站",
            Description = Tipster + Kept,
            HandedOverTo = "望城区应急局，" + Tipster,
        };
        var document = Mapping.CreateMapper().ToDocument(finding);
        db.InTransaction(() =>
        {
            db.Database.GetCollection(FindingStore.Findings).Insert(document);
            db.Database.GetCollection(FindingStore.Changes).Insert(new BsonDocument
            {
                ["_id"] = (long)id,
                ["FindingId"] = id,
                ["TeamId"] = 1,
                ["Field"] = "description",
                ["OldValue"] = Kept,
                ["NewValue"] = Tipster + Kept,
            });
        });
        Assert.Contains("13812345678", db.Database.GetCollection(FindingStore.Findings).ById(id)!["Description"].AsString, StringComparison.Ordinal);
    }

    private static void AssertNoIdentity(string? text)
    {
        Assert.NotNull(text);
        Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_ScrubsFindingsStoredWithAnIdentity_AndTheirHistory_Once()
    {
        using var folder = new TempFolder();
        WriteRaw(folder, 1, "G7-001");

        DateTime applied;
        using (var h = CoreHarness.Create(folder))
        {
            var finding = h.Get<FindingStore>().Get(1)!;
            Assert.Contains(Kept, finding.Description, StringComparison.Ordinal);
            Assert.Contains(IdentityScrubber.Removed, finding.Description, StringComparison.Ordinal);
            AssertNoIdentity(finding.Description);
            AssertNoIdentity(finding.HandedOverTo);
            Assert.True(FindingText.HadIdentityRemoved(finding));
            var change = Assert.Single(h.Get<FindingStore>().ChangesOf(1));
            AssertNoIdentity(change.NewValue);
            Assert.Equal(Kept, change.OldValue);

            var database = h.Get<AssistantDatabase>().Database;
            Assert.Equal(Latest, DataMigrations.Version(database));
            var row = database.GetCollection(DataMigrations.CollectionName).ById("migration:1")!;
            Assert.Equal(2, row["Changed"].AsInt32);
            applied = row["AppliedUtc"].AsDateTime;
        }

        // A row written after the migration (as no version of the store would) stays as it is: the migration does not run again.
        WriteRaw(folder, 2, "G7-002");
        using (var h = CoreHarness.Create(folder))
        {
            Assert.Contains("13812345678", h.Get<FindingStore>().Get(2)!.Description, StringComparison.Ordinal);
            AssertNoIdentity(h.Get<FindingStore>().Get(1)!.Description);
            var database = h.Get<AssistantDatabase>().Database;
            Assert.Equal(Latest, DataMigrations.Version(database));
            Assert.Equal(applied, database.GetCollection(DataMigrations.CollectionName).ById("migration:1")!["AppliedUtc"].AsDateTime);
        }
    }

    [Fact]
    public void NewDatabase_IsAtTheLatestVersion_WithNothingChanged()
    {
        using var h = CoreHarness.Create();
        var database = h.Get<AssistantDatabase>().Database;

        Assert.Equal(Latest, DataMigrations.Version(database));
        Assert.Equal(0, database.GetCollection(DataMigrations.CollectionName).ById("migration:1")!["Changed"].AsInt32);
        Assert.Equal(0, database.GetCollection(DataMigrations.CollectionName).ById("migration:2")!["Changed"].AsInt32);
    }

    [Fact]
    public void StartUp_MovesTheLastFindingNumberOutOfTheTeamRow_AndNumberingGoesOn()
    {
        using var folder = new TempFolder();
        using (var db = AssistantDatabase.Open(folder.DatabasePath, []))
        {
            // A team row as a version that kept the count in it left it: G7-001 to G7-007 issued.
            db.InTransaction(() => db.Database.GetCollection(TeamStore.Teams).Insert(new BsonDocument
            {
                ["_id"] = 1,
                ["Name"] = "第七组",
                ["Code"] = "G7",
                ["Region"] = "湖南省",
                ["TimeZone"] = "Asia/Shanghai",
                ["FindingSequence"] = 7,
            }));
        }

        using var h = CoreHarness.Create(folder);
        var database = h.Get<AssistantDatabase>().Database;
        Assert.Equal(Latest, DataMigrations.Version(database));
        Assert.Equal(1, database.GetCollection(DataMigrations.CollectionName).ById("migration:2")!["Changed"].AsInt32);
        Assert.False(database.GetCollection(TeamStore.Teams).ById(1)!.ContainsKey("FindingSequence"));

        var teams = h.Get<TeamStore>();
        var team = teams.GetTeam(1)!;
        Assert.Equal("G7", team.Code);
        Assert.Equal(7, teams.LastFindingNumber(team.Id));
        var author = h.AddMember(team, 42, Role.Member);
        var now = h.Time.GetUtcNow().UtcDateTime;
        var finding = h.Get<AssistantDatabase>().InTransaction(() => h.Get<FindingService>().Create(
            team, author, new FindingDraft { Description = Kept, Aspect = Aspect.Campaigns, Sector = Sector.Fire, Severity = Severity.Problem }, DateOnly.FromDateTime(now), now));
        Assert.Equal("G7-008", finding.Code);
        Assert.Equal(8, teams.LastFindingNumber(team.Id));
    }

    [Fact]
    public void TwoMigrationsWithOneNumber_AreRefusedAtStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataMigrations.Setup([new(1, "a", _ => 0), new(1, "b", _ => 0)]));
        Assert.Contains("a, b", error.Message, StringComparison.Ordinal);
    }
}
