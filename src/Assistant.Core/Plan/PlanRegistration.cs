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
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanReminders>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<IFeedbackObserver>(sp => sp.GetRequiredService<PlanService>());
        services.AddSingleton<IReminderKind, PlanReminderKind>();
        services.AddSingleton<IReminderKind, PlanDigestKind>();
        services.AddSingleton<IReminderPlanner, PlanDigestPlanner>();
        services.AddSingleton<PlanFlow>();
        services.AddSingleton<IFlow>(sp => sp.GetRequiredService<PlanFlow>());
        services.AddHandler<PlanCommands>();
        services.AddSingleton<ILedgerSheetSource, PlanSheet>();
        return builder;
    }
}
