using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Jobs;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;

namespace Assistant.Core.Schedule;

public static class ScheduleRegistration
{
    /// <summary>The itinerary: views, the schedule flow, import and export, event reminders and the morning digest.</summary>
    public static IHostApplicationBuilder AddSchedule(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<ScheduleOptions>(ScheduleOptions.Section);
        var services = builder.Services;
        services.AddSchema(nameof(ScheduleStore), ScheduleStore.EnsureSchema);
        services.AddSingletons(typeof(ScheduleStore), typeof(ScheduleView), typeof(ScheduleService));
        services.AddFlow<ScheduleFlow>();
        services.AddHandler<ScheduleCommands>();
        services.AddSingleton<IReminderKind, EventReminderKind>();
        services.AddSingleton<IReminderKind, DigestReminderKind>();
        services.AddSingleton<IReminderPlanner, DigestPlanner>();
        services.AddSingletonAs<ItineraryImport>(typeof(IDocumentHandler), typeof(IJobHandler));
        return builder;
    }
}
