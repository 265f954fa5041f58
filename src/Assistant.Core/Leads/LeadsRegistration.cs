using Assistant.Core.Conversations;
using Assistant.Core.Dashboard;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Summaries;

namespace Assistant.Core.Leads;

public static class LeadsRegistration
{
    /// <summary>Leads (线索): the store, leads made from tips and handed-over findings, /leads and its flow, reminders, links that follow merges, the annex status, the dashboard's count.</summary>
    public static IHostApplicationBuilder AddLeads(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(LeadStore), LeadStore.EnsureSchema);
        services.AddSingletons(typeof(LeadStore), typeof(LeadService));
        services.AddSingleton<ILeadsAwaitingAnswers, StoredLeadsAwaitingAnswers>();
        services.AddSingletonAs<LeadIntake>(typeof(ITipSavedHandler), typeof(IFindingCreatedHandler));
        services.AddFlow<LeadFlow>();
        services.AddHandler<LeadCommands>();
        services.AddSingleton<IReminderKind, LeadReminderKind>();
        services.AddSingletonAs<LeadReminders>(typeof(IReminderPlanner));
        services.AddSingleton<IFindingMergeObserver, LeadMergeRelink>();
        services.AddSingleton<ILeadStatusSource, LeadStatusesForFeedback>();
        return builder;
    }
}
