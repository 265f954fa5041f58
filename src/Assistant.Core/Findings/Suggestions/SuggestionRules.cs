using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Findings.Suggestions;

/// <summary>
/// The keyword rules, kept as data in <c>suggestion-rules.json</c> (embedded in the program, so a rule is
/// changed by editing that file and its table test, not code). Per group (sector, aspect, severity) the value
/// with the most distinct keywords found (times the row's weight) wins; a tie goes to the earlier row; a decisive
/// row wins as soon as one of its keywords is found. Chinese keywords match as substrings; English ones (ASCII) as whole words,
/// an -s or -es plural included, case-insensitively.
/// </summary>
public sealed class SuggestionRules
{
    private const string ResourceName = "Assistant.Core.Findings.Suggestions.suggestion-rules.json";

    private SuggestionRules(IReadOnlyList<Rule<Sector>> sectors, IReadOnlyList<Rule<Aspect>> aspects, IReadOnlyList<Rule<Severity>> severities)
    {
        Sectors = sectors;
        Aspects = aspects;
        Severities = severities;
    }

    /// <summary>The rules shipped with the program.</summary>
    public static SuggestionRules Default { get; } = Load();

    public IReadOnlyList<Rule<Sector>> Sectors { get; }

    public IReadOnlyList<Rule<Aspect>> Aspects { get; }

    public IReadOnlyList<Rule<Severity>> Severities { get; }

    public Sector? SectorOf(string text) => Best(Sectors, text);

    public Aspect? AspectOf(string text) => Best(Aspects, text);

    public Severity? SeverityOf(string text) => Best(Severities, text);

    /// <summary>Reads rules from JSON; an unknown value or an empty keyword list is refused with its name.</summary>
    public static SuggestionRules Parse(string json)
    {
        var file = JsonSerializer.Deserialize(json, SuggestionRulesJson.Default.RulesFile)
            ?? throw new InvalidDataException("The suggestion rules are empty.");
        return new SuggestionRules(Rows<Sector>(file.Sector), Rows<Aspect>(file.Aspect), Rows<Severity>(file.Severity));
    }

    private static SuggestionRules Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static List<Rule<T>> Rows<T>(IReadOnlyList<RuleRow>? rows) where T : struct, Enum =>
    [
        .. (rows ?? []).Select(row => Enum.TryParse<T>(row.Value, ignoreCase: false, out var value) && Enum.IsDefined(value) && row.Keywords is { Count: > 0 }
            ? new Rule<T>(value, row.Decisive, Math.Max(1, row.Weight), [.. row.Keywords.Select(k => k.ToLowerInvariant())])
            : throw new InvalidDataException($"Suggestion rule '{row.Value}' is not a {typeof(T).Name} with keywords.")),
    ];

    private static T? Best<T>(IReadOnlyList<Rule<T>> rules, string text) where T : struct, Enum
    {
        var lower = text.ToLowerInvariant();
        T? best = null;
        var bestHits = 0;
        foreach (var rule in rules)
        {
            var found = rule.Keywords.Where(k => Contains(lower, k)).ToList();

            // 消防栓 found also finds 消防: a keyword inside another one found counts once, with it.
            var hits = rule.Weight * found.Count(k => !found.Any(other => other.Length > k.Length && other.Contains(k, StringComparison.Ordinal)));
            if (hits > 0 && rule.Decisive)
            {
                return rule.Value;
            }

            if (hits > bestHits)
            {
                best = rule.Value;
                bestHits = hits;
            }
        }

        return best;
    }

    /// <summary>Chinese keywords anywhere; an English keyword only as a word of its own (plural allowed).</summary>
    internal static bool Contains(string lower, string keyword)
    {
        if (!keyword.All(char.IsAscii))
        {
            return lower.Contains(keyword, StringComparison.Ordinal);
        }

        for (var at = lower.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            var end = at + keyword.Length;
            var before = at == 0 || !char.IsAsciiLetter(lower[at - 1]);
            var rest = lower.AsSpan(end);
            var after = rest.Length == 0 || !char.IsAsciiLetter(rest[0])
                || (rest[0] == 's' && (rest.Length == 1 || !char.IsAsciiLetter(rest[1])))
                || (rest.StartsWith("es") && (rest.Length == 2 || !char.IsAsciiLetter(rest[2])));
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One row: the value, whether it wins outright, its keywords (lower case).</summary>
    public sealed record Rule<T>(T Value, bool Decisive, int Weight, IReadOnlyList<string> Keywords);

    internal sealed class RulesFile
    {
        public List<RuleRow>? Sector { get; set; }

        public List<RuleRow>? Aspect { get; set; }

        public List<RuleRow>? Severity { get; set; }
    }

    internal sealed class RuleRow
    {
        public string Value { get; set; } = "";

        public bool Decisive { get; set; }

        public int Weight { get; set; } = 1;

        [JsonPropertyName("keywords")]
        public List<string>? Keywords { get; set; }
    }
}

/// <summary>The rules file's JSON reader, generated at compile time (as <see cref="Localization.CatalogJson"/>, read at every start).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SuggestionRules.RulesFile))]
internal sealed partial class SuggestionRulesJson : JsonSerializerContext;
