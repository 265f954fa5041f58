using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Reminders;

namespace Assistant.Core.Ledger;

public static class LedgerRegistration
{
    /// <summary>The rectification ledger: status machine, actions, browsing, deadline reminders, export and statistics.</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<LedgerOptions>(LedgerOptions.Section);
        var services = builder.Services;
        services.AddSchema(nameof(LedgerQueries), LedgerQueries.EnsureSchema);
        services.AddSingletons(typeof(LedgerQueries), typeof(LedgerTable), typeof(LedgerReminders));
        services.AddSingleton<IReminderKind, DeadlineReminderKind>();
        services.AddSingleton<IReminderKind, EscalationReminderKind>();
        services.AddSingleton<LedgerService>();
        services.AddFlow<LedgerActionFlow>();
        services.AddSingletonAs<LedgerJobs>(typeof(IJobHandler));
        services.AddSingleton<IFindingCardSection, LedgerCardSection>();
        services.AddHandler<LedgerCommands>();
        return builder;
    }
}
