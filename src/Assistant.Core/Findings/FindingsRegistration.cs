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
        services.AddMigration(1, "scrub tipster identities from findings saved before scrub-on-save", FindingStore.ScrubStoredTexts);
        services.AddSingletons(typeof(FindingStore), typeof(FindingService));
        services.AddFlow<FindingFlow>();
        services.AddSingleton<FindingStarter>();
        services.AddSingleton(SuggestionRules.Default);
        services.AddSingleton<RuleSuggester>();
        services.TryAddSingleton<IFindingSuggester>(sp => sp.GetRequiredService<RuleSuggester>());
        services.AddSingletonAs<SuggestionRefinement>(typeof(IJobHandler));
        services.AddSingleton<FindingFromMessage>();
        services.AddHandler<FindingCommands>();
        services.TryAddSingleton<IFileSource, NoFileSource>();
        services.AddSingletonAs<EvidenceDownloads>(typeof(IJobHandler));
        services.AddSingletons(typeof(DuplicateDetector), typeof(FindingMerger), typeof(DuplicateOffer));
        services.AddSingleton<IFindingCardSection, MergeCardSection>();
        services.AddHandler<MergeCommand>();
        return builder;
    }
}
