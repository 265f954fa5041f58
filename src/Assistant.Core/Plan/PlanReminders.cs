using Assistant.Core.Reminders;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Plan;

/// <summary>
/// The plan's reminders to the liaison: <see cref="DaysBefore"/> days before the next due date and the morning after it
/// was missed, and before the look-back check. Each key holds the due date, so planning again after a change never
/// makes a second one, and a reminder whose date no longer holds is skipped when it falls due: each goes out at most
/// once. The leader's weekly digest is planned by <see cref="PlanDigestPlanner"/>.
/// </summary>
public sealed class PlanReminders(ReminderStore reminders, TeamStore teams)
{
    public const string Kind = "plan";
    public const string DigestKind = "plan-digest";
    public const int DaysBefore = 3;
    public static readonly TimeOnly TimeOfDay = new(9, 0);

    public static string Subject(RectificationPlan plan) => "plan:" + plan.TeamId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Plans the reminders of what is due next (and of the look-back check) for each liaison of the team.</summary>
    public void Plan(RectificationPlan plan, DateTime utcNow)
    {
        if (teams.GetTeam(plan.TeamId) is not { } team)
        {
            return;
        }

        var what = plan.NextKind == PlanDueKind.Plan ? "plan" : "report";
        foreach (var liaison in teams.MembersOf(plan.TeamId).Where(m => m.Role == Role.Liaison))
        {
            Step(plan, team, liaison, what, plan.NextDue, "before", utcNow);
            Step(plan, team, liaison, what, plan.NextDue, "missed", utcNow);
            if (plan.LookBackOn is { } lookBack)
            {
                Step(plan, team, liaison, "lookback", lookBack, "before", utcNow);
            }
        }
    }

    /// <summary>When a step falls due: <see cref="DaysBefore"/> days before (or now, if that has passed and the date has not), or the morning after.</summary>
    public static DateTime? DueOf(DateOnly date, string step, Team team, DateTime utcNow)
    {
        if (step == "missed")
        {
            return TimeZones.ToUtc(date.AddDays(1), TimeOfDay, team.Zone);
        }

        var before = TimeZones.ToUtc(date.AddDays(-DaysBefore), TimeOfDay, team.Zone);
        var end = TimeZones.ToUtc(date.AddDays(1), TimeOnly.MinValue, team.Zone);
        return before > utcNow ? before : utcNow < end ? utcNow : null;
    }

    /// <summary>Whether the plan still has <paramref name="date"/> as the date of <paramref name="what"/> (else the reminder is stale).</summary>
    public static bool StillHolds(RectificationPlan? plan, string what, string date) => plan is not null && what switch
    {
        "lookback" => plan.LookBackOn is { } d && RectificationPlan.Key(d) == date,
        "plan" => plan.NextKind == PlanDueKind.Plan && plan.NextDueKey == date,
        _ => plan.NextKind == PlanDueKind.Report && plan.NextDueKey == date,
    };

    private void Step(RectificationPlan plan, Team team, Member liaison, string what, DateOnly date, string step, DateTime utcNow)
    {
        if (DueOf(date, step, team, utcNow) is not { } due)
        {
            return;
        }

        var key = RectificationPlan.Key(date);
        reminders.Plan($"plan:{plan.TeamId.ToString(CultureInfo.InvariantCulture)}:{what}:{key}:{step}:{liaison.Id.ToString(CultureInfo.InvariantCulture)}",
            Kind, plan.TeamId, liaison.Id, Subject(plan), due, utcNow,
            new BsonDocument { ["what"] = what, ["date"] = key, ["step"] = step });
    }
}
