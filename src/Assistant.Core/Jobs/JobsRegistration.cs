namespace Assistant.Core.Jobs;

public static class JobsRegistration
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(JobStore), JobStore.EnsureSchema);
        services.AddSingletons(typeof(WakeSignal<JobRunner>), typeof(JobStore));
        services.AddHostedSingleton<JobRunner>();
        return builder;
    }
}
