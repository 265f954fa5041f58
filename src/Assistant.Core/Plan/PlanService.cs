using Assistant.Core.Dispatching;
using Assistant.Core.Summaries;
using Assistant.Core.Teams;

namespace Assistant.Core.Plan;

/// <summary>What a person may do to the plan; every change is checked here, on the server, whatever button was pressed.</summary>
public enum PlanAction
{
    /// <summary>The liaison records that the plan arrived, with its document.</summary>
    Received,

    /// <summary>The liaison records a progress report, with its document and a summary.</summary>
    Report,

    /// <summary>The leader changes the date the plan is due.</summary>
    Due,

    /// <summary>The leader sets the months between progress reports.</summary>
    Interval,

    /// <summary>The leader sets the look-back check date.</summary>
    LookBack,
}

/// <summary>
/// The team's rectification plan: created when the feedback is asked for (with the date it names), changed by the
/// liaison (documents) and the leader (dates, interval), each change re-planning the reminders of what is due next.
/// </summary>
public sealed class PlanService(PlanStore plans, PlanReminders reminders, TeamStore teams) : IFeedbackObserver
{
    /// <summary>The longest progress-report summary kept.</summary>
    public const int MaxSummary = 500;

    /// <summary>Who may take an action: documents are the liaison's, dates and the interval the leader's.</summary>
    public static bool May(Member? member, PlanAction action) => member?.Role switch
    {
        Role.Liaison => action is PlanAction.Received or PlanAction.Report,
        Role.Leader => action is PlanAction.Due or PlanAction.Interval or PlanAction.LookBack,
        _ => false,
    };

    /// <summary>Which actions make sense for the plan as it stands (the plan is recorded once).</summary>
    public static bool Applies(RectificationPlan plan, PlanAction action) => action switch
    {
        PlanAction.Received => plan.ReceivedOn is null,
        PlanAction.Report => plan.ReceivedOn is not null,
        PlanAction.Due => plan.ReceivedOn is null,
        _ => true,
    };

    /// <summary>Creates the plan on the first /report; a later /report moves the date only while nobody has touched the plan.</summary>
    public void FeedbackRequested(UpdateContext context, Team team, DateOnly planDue)
    {
        if (plans.ForTeam(team.Id) is { } existing)
        {
            if (existing.ReceivedOn is null && !existing.DueSetByLeader && existing.PlanDue != planDue)
            {
                existing.PlanDue = planDue;
                Save(existing, context.UtcNow);
            }

            return;
        }

        var plan = new RectificationPlan { TeamId = team.Id, PlanDue = planDue, CreatedUtc = context.UtcNow };
        plans.Insert(plan);
        reminders.Plan(plan, context.UtcNow);
    }

    public RectificationPlan? ForTeam(int teamId) => plans.ForTeam(teamId);

    public void RecordReceived(RectificationPlan plan, DateOnly today, PlanDocument document, DateTime utcNow)
    {
        plan.ReceivedOn = today;
        plan.PlanDocument = document;
        Save(plan, utcNow);
    }

    public void RecordReport(RectificationPlan plan, PlanReport report, DateTime utcNow)
    {
        plan.Reports.Add(report);
        Save(plan, utcNow);
    }

    public void SetDue(RectificationPlan plan, DateOnly due, DateTime utcNow)
    {
        plan.PlanDue = due;
        plan.DueSetByLeader = true;
        Save(plan, utcNow);
    }

    public void SetInterval(RectificationPlan plan, int months, DateTime utcNow)
    {
        plan.IntervalMonths = months;
        Save(plan, utcNow);
    }

    public void SetLookBack(RectificationPlan plan, DateOnly day, DateTime utcNow)
    {
        plan.LookBackOn = day;
        Save(plan, utcNow);
    }

    /// <summary>Whether the member is in the plan's team (team isolation, checked on every step).</summary>
    public bool InTeam(Member member, RectificationPlan plan) => teams.GetMember(member.Id) is { } m && m.TeamId == plan.TeamId;

    private void Save(RectificationPlan plan, DateTime utcNow)
    {
        plans.Update(plan);
        reminders.Plan(plan, utcNow);
    }
}
