using Assistant.Core.Dispatching;

namespace Assistant.Core.Reminders;

public static class RemindersRegistration
{
    /// <summary>Reminder rows and the one service that sends them. Capabilities add <see cref="IReminderKind"/>s and planners.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(ReminderStore), ReminderStore.EnsureSchema);
        services.AddSingletons(typeof(WakeSignal<ReminderService>), typeof(ReminderStore));
        services.AddHostedSingleton<ReminderService>();
        services.AddHandler<QuietCommand>();
        return builder;
    }
}
