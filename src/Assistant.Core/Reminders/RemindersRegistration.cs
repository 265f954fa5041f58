using Assistant.Core.Common;
using Assistant.Core.Storage;
using Assistant.Core.Dispatching;
using Microsoft.Extensions.Hosting;

namespace Assistant.Core.Reminders;

public static class RemindersRegistration
{
    /// <summary>Reminder rows and the one service that sends them. Capabilities add <see cref="IReminderKind"/>s and planners.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(ReminderStore), ReminderStore.EnsureSchema);
        services.AddSingletons(typeof(ReminderSignal), typeof(ReminderStore));
        services.AddHostedSingleton<ReminderService>();
        services.AddHandler<QuietCommand>();
        return builder;
    }
}
