using Assistant.Core.Conversations;
using Assistant.Core.Dashboard;
using Assistant.Core.Demo;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Leads;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Plan;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Summaries;
using Assistant.Core.Teams;

namespace Assistant.Core;

public static class CoreRegistration
{
    /// <summary>Everything channel-agnostic: storage, messaging, dispatching, flows and each capability.</summary>
    public static IHostApplicationBuilder AddAssistantCore(this IHostApplicationBuilder builder) =>
        builder
            .AddStorage()
            .AddMessaging()
            .AddDispatching()
            .AddConversations()
            .AddJobs()
            .AddReminders()
            .AddTeams()
            .AddFindings()
            .AddNotes()
            .AddSchedule()
            .AddLedger()
            .AddLeads()
            .AddDashboard()
            .AddSummaries()
            .AddPlan()
            .AddDemo();
}
