using LiteDB;

namespace Assistant.Core.Schedule;

public sealed class ScheduleStore(AssistantDatabase db)
{
    public const string CollectionName = "schedule";

    private ILiteCollection<ScheduleItem> Items => db.Collection<ScheduleItem>(CollectionName);

    public ScheduleItem? Get(int id) => Items.ById(id);

    public void Insert(ScheduleItem item) => Items.Insert(item);

    public void Update(ScheduleItem item) => Items.Update(item);

    /// <summary>The team's items starting in [fromUtc, toUtc), in start order, cancelled ones left out.</summary>
    public IReadOnlyList<ScheduleItem> Between(int teamId, DateTime fromUtc, DateTime toUtc) =>
        Items.Find(Where.Between(nameof(ScheduleItem.StartUtc), fromUtc, toUtc.AddTicks(-1)))
            .Where(i => i.TeamId == teamId && !i.Cancelled)
            .OrderBy(i => i.StartUtc).ThenBy(i => i.Id).ToList();

    public IReadOnlyList<ScheduleItem> OfTeam(int teamId) =>
        Items.Find(Where.Eq(nameof(ScheduleItem.TeamId), teamId)).Where(i => !i.Cancelled).OrderBy(i => i.StartUtc).ThenBy(i => i.Id).ToList();

    public bool Any(int teamId) => Items.Exists(Where.Eq(nameof(ScheduleItem.TeamId), teamId));

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(ScheduleItem.TeamId)), FieldIndex.On(nameof(ScheduleItem.StartUtc)));
    }
}
