using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Ledger.Documents;
using Assistant.Core.Reminders;
using Assistant.Core.Summaries;

namespace Assistant.Core.Plan;

public static class PlanRegistration
{
    /// <summary>The province's rectification plan after the feedback: its record, /plan, its flow, reminders, digest and export sheet.</summary>
    public static IHostApplicationBuilder AddPlan(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(PlanStore), PlanStore.EnsureSchema);
        services.AddSingletons(typeof(PlanStore), typeof(PlanReminders));
        services.AddSingletonAs<PlanService>(typeof(IFeedbackObserver));
        services.AddSingleton<IReminderKind, PlanReminderKind>();
        services.AddSingleton<IReminderKind, PlanDigestKind>();
        services.AddSingleton<IReminderPlanner, PlanDigestPlanner>();
        services.AddFlow<PlanFlow>();
        services.AddHandler<PlanCommands>();
        services.AddSingleton<ILedgerSheetSource, PlanSheet>();
        return builder;
    }
}
