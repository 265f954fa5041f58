using LiteDB;

namespace Assistant.Core.Summaries;

/// <summary>The counts of a day's work the brief reports (方式及数量).</summary>
public enum TallyItem
{
    Briefings,
    Documents,
    Interviews,
    Visits,
    SitesOpen,
    SitesCovert,
    Tips,
}

/// <summary>The counts the liaison set for a team's day with /tally; unset counts come from the records.</summary>
public sealed class DayTally
{
    /// <summary>"TEAM:yyyy-MM-dd".</summary>
    public string Id { get; set; } = "";

    public Dictionary<string, int> Counts { get; set; } = [];

    public long UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public static string IdOf(int teamId, DateOnly day) =>
        teamId.ToString(CultureInfo.InvariantCulture) + ":" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public int? Get(TallyItem item) => Counts.TryGetValue(item.ToString(), out var value) ? value : null;
}

public sealed class DayTallyStore(AssistantDatabase db)
{
    public const string CollectionName = "day_tallies";

    private ILiteCollection<DayTally> Tallies => db.Collection<DayTally>(CollectionName);

    public DayTally? Get(int teamId, DateOnly day) => Tallies.ById(DayTally.IdOf(teamId, day));

    /// <summary>Sets one count (null: back to what the records show).</summary>
    public DayTally Set(int teamId, DateOnly day, TallyItem item, int? value, long by, DateTime utcNow)
    {
        var tally = Get(teamId, day) ?? new DayTally { Id = DayTally.IdOf(teamId, day) };
        if (value is { } v)
        {
            tally.Counts[item.ToString()] = v;
        }
        else
        {
            tally.Counts.Remove(item.ToString());
        }

        tally.UpdatedBy = by;
        tally.UpdatedUtc = utcNow;
        Tallies.Upsert(tally);
        return tally;
    }

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.AssignedIds<DayTally>(database);
        SchemaSetup.EnsureCollection(database, CollectionName);
    }
}
