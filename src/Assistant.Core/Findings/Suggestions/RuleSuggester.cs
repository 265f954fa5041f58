namespace Assistant.Core.Findings.Suggestions;

/// <summary>Suggestions without a model: the keyword rules for the lists, <see cref="TextSpans"/> for unit and place.</summary>
public sealed class RuleSuggester(SuggestionRules rules) : IFindingSuggester
{
    public RuleSuggester()
        : this(SuggestionRules.Default)
    {
    }

    public Task<FindingSuggestion> SuggestAsync(string text, CancellationToken cancellationToken) => Task.FromResult(Suggest(text));

    public FindingSuggestion Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return new FindingSuggestion
        {
            Description = trimmed,
            Sector = rules.SectorOf(trimmed),
            Aspect = rules.AspectOf(trimmed),
            Severity = rules.SeverityOf(trimmed),
            Unit = TextSpans.Unit(trimmed),
            Place = TextSpans.Place(trimmed),
            Source = SuggestionSource.Rules,
        };
    }
}
