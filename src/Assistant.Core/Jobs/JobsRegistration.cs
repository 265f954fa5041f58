using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Core.Jobs;

public static class JobsRegistration
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(JobStore), JobStore.EnsureSchema);
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return builder;
    }
}
