using Assistant.Core.Dashboard;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Core.Leads;

public static class LeadsRegistration
{
    /// <summary>Leads (线索): the store and the dashboard's leads awaiting answers.</summary>
    public static IHostApplicationBuilder AddLeads(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(LeadStore), LeadStore.EnsureSchema);
        services.AddSingleton<LeadStore>();
        services.AddSingleton<ILeadsAwaitingAnswers, StoredLeadsAwaitingAnswers>();
        return builder;
    }
}
