using LiteDB;

namespace Assistant.Core.Plan;

/// <summary>The <c>plans</c> collection: one plan per team, indexed by team and by the next due date.</summary>
public sealed class PlanStore(AssistantDatabase db)
{
    public const string CollectionName = "plans";

    private ILiteCollection<RectificationPlan> Plans => db.Collection<RectificationPlan>(CollectionName);

    public RectificationPlan? ForTeam(int teamId) => Plans.FindOne(Where.Eq(nameof(RectificationPlan.TeamId), teamId));

    public void Insert(RectificationPlan plan)
    {
        plan.Refresh();
        Plans.Insert(plan);
    }

    public void Update(RectificationPlan plan)
    {
        plan.Refresh();
        Plans.Update(plan);
    }

    /// <summary>Plans whose next document is due before <paramref name="today"/> (overdue): an index range, so it reads what it returns.</summary>
    public IReadOnlyList<RectificationPlan> Overdue(DateOnly today) =>
        Plans.Find(Where.Between(nameof(RectificationPlan.NextDueKey), "00000000", RectificationPlan.Key(today.AddDays(-1)))).ToList();

    /// <summary>Plans whose next document is due in [from, to] (both included): an index range.</summary>
    public IReadOnlyList<RectificationPlan> DueBetween(DateOnly from, DateOnly to) =>
        Plans.Find(Where.Between(nameof(RectificationPlan.NextDueKey), RectificationPlan.Key(from), RectificationPlan.Key(to))).ToList();

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureCollection(database, CollectionName);
        SchemaSetup.EnsureIndexes(database, CollectionName,
            FieldIndex.UniqueOn(nameof(RectificationPlan.TeamId)),
            FieldIndex.On(nameof(RectificationPlan.NextDueKey)));
    }
}
