using Assistant.Core.Storage;
using Assistant.Core.Dispatching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Core.Reminders;

public static class RemindersRegistration
{
    /// <summary>Reminder rows and the one service that sends them. Capabilities add <see cref="IReminderKind"/>s and planners.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(ReminderStore), ReminderStore.EnsureSchema);
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddHandler<QuietCommand>();
        return builder;
    }
}
