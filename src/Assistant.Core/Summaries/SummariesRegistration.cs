using Assistant.Core.Dispatching;
using Assistant.Core.Jobs;
using Assistant.Core.Reminders;
using Assistant.Core.Summaries.Model;

namespace Assistant.Core.Summaries;

public static class SummariesRegistration
{
    /// <summary>The daily brief and the feedback: facts, the two writers, storage, commands, the evening push.</summary>
    public static IHostApplicationBuilder AddSummaries(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<SummaryOptions>(SummaryOptions.Section);
        builder.AddSettings<AiOptions>(AiOptions.Section);
        var services = builder.Services;
        services.AddSchema(nameof(DayTallyStore), DayTallyStore.EnsureSchema);
        services.AddSchema(nameof(SummaryStore), SummaryStore.EnsureSchema);
        services.AddSingletons(typeof(DayTallyStore), typeof(SummaryStore), typeof(FactsBuilder));
        builder.AddBriefModel();
        services.AddSingleton<OfflineWriter>();

        // The model writes when one is configured and allowed (AI:KeepTextOnThisMachine); otherwise the offline writer.
        services.AddSingleton<IBriefWriter>(sp =>
        {
            var ai = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            if (ai.HasModel && !ai.UsesModel)
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SummariesRegistration)).LogWarning(
                    "AI:KeepTextOnThisMachine is on and AI:Endpoint is not on this machine: briefs are written by the offline writer, nothing is sent to the model.");
            }

            return ai.UsesModel ? sp.GetRequiredService<ModelBriefWriter>() : sp.GetRequiredService<OfflineWriter>();
        });
        services.AddSingleton<SummaryService>();
        services.AddSingletonAs<SummaryJobs>(typeof(IJobHandler));
        services.AddHandler<SummaryCommands>();
        services.AddSingleton<IReminderPlanner, EveningBriefPlanner>();
        services.AddSingleton<IReminderKind, EveningBriefKind>();
        return builder;
    }
}
