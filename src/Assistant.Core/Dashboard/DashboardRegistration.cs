using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The visit dashboard (the Mini App's second screen) and its seam for leads.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ILeadsAwaitingAnswers, NoLeadsYet>();
        builder.Services.AddSingleton<VisitDashboard>();
        return builder;
    }
}
