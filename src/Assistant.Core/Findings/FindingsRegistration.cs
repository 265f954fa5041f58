using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Findings;

public static class FindingsRegistration
{
    /// <summary>Findings: the capture flow, the commands, evidence downloads, duplicates (the detector and merges).</summary>
    public static IHostApplicationBuilder AddFindings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(FindingStore), FindingStore.EnsureSchema);
        services.AddSingletons(typeof(FindingStore), typeof(FindingService), typeof(FindingFlow));
        services.AddSingleton<IFlow>(sp => sp.GetRequiredService<FindingFlow>());
        services.AddSingleton<FindingStarter>();
        services.AddSingleton(SuggestionRules.Default);
        services.AddSingleton<RuleSuggester>();
        services.TryAddSingleton<IFindingSuggester>(sp => sp.GetRequiredService<RuleSuggester>());
        services.AddSingletons(typeof(SuggestionRefinement), typeof(FindingFromMessage));
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<SuggestionRefinement>());
        services.AddHandler<FindingCommands>();
        services.TryAddSingleton<IFileSource, NoFileSource>();
        services.AddSingleton<EvidenceDownloads>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<EvidenceDownloads>());
        services.AddSingletons(typeof(DuplicateDetector), typeof(FindingMerger), typeof(DuplicateOffer));
        services.AddSingleton<IFindingCardSection, MergeCardSection>();
        services.AddHandler<MergeCommand>();
        return builder;
    }
}
