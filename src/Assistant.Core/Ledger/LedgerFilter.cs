using Assistant.Core.Findings;

namespace Assistant.Core.Ledger;

/// <summary>
/// The ledger's filter words, as <c>/ledger</c> takes them and the Mini App passes them on: 逾期 / overdue,
/// 全部 / all, a status (已指派, 整改中, 已销号…), a sector or an aspect by any of its names
/// (<see cref="ClassificationNames"/>), a severity, in either language; any other word is matched against the
/// city, the place and the units.
/// </summary>
public static class LedgerFilter
{
    /// <summary>Reads filter words in the reader's language (<paramref name="t"/>) or the other one; unknown words filter the place or the units.</summary>
    public static LedgerQuery Parse(IEnumerable<string> words, Texts t, Texts other)
    {
        var query = new LedgerQuery { Scope = LedgerScope.Active };
        bool Is(string word, string key) => string.Equals(word, t[key], StringComparison.OrdinalIgnoreCase) || string.Equals(word, other[key], StringComparison.OrdinalIgnoreCase);

        foreach (var word in words)
        {
            if (Is(word, "ledger.word.overdue") || word is "overdue")
            {
                query.Scope = LedgerScope.Overdue;
            }
            else if (Is(word, "ledger.word.all") || word is "all")
            {
                query.Scope = LedgerScope.All;
            }
            else if (Enum.GetValues<RectificationStatus>().Cast<RectificationStatus?>().FirstOrDefault(s => Is(word, s!.Value.Key())) is { } status)
            {
                query.Status = status;
                query.Scope = status == RectificationStatus.Closed ? LedgerScope.Closed : query.Scope;
            }
            else if (ClassificationNames.Sectors(word) is { Count: > 0 } sectors)
            {
                query.Sectors = [.. sectors];
            }
            else if (ClassificationNames.AspectOf(word) is { } aspect)
            {
                query.Aspect = aspect;
            }
            else if (Enum.GetValues<Severity>().Cast<Severity?>().FirstOrDefault(s => Is(word, s!.Value.Key())) is { } severity)
            {
                query.Severity = severity;
            }
            else
            {
                query.Words.Add(word);
            }
        }

        return query;
    }

    /// <summary>The query as address parameters (scope, status, sector, aspect, severity, q): how a chat button opens the Mini App on the same list.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToParameters(LedgerQuery query)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => parameters.Add(new(name, value));
        if (query.Scope != LedgerScope.Active)
        {
            Add(ScopeParameter, query.Scope.ToString());
        }

        if (query.Status is { } status)
        {
            Add(StatusParameter, status.ToString());
        }

        foreach (var sector in query.Sectors)
        {
            Add(SectorParameter, sector.ToString());
        }

        if (query.Aspect is { } aspect)
        {
            Add(AspectParameter, aspect.ToString());
        }

        if (query.Severity is { } severity)
        {
            Add(SeverityParameter, severity.ToString());
        }

        if (query.Words.Count > 0)
        {
            Add(WordsParameter, string.Join(' ', query.Words));
        }

        return parameters;
    }

    public const string ScopeParameter = "scope";
    public const string StatusParameter = "status";
    public const string SectorParameter = "sector";
    public const string AspectParameter = "aspect";
    public const string SeverityParameter = "severity";
    public const string WordsParameter = "q";

    /// <summary>
    /// The query from address parameters (<see cref="ToParameters"/>): the words of <c>q</c> read as <c>/ledger</c>
    /// reads them, then the named values (enumeration names, any case) on top. Null, with the name of the first
    /// parameter that holds no known value, when one does not.
    /// </summary>
    public static LedgerQuery? FromParameters(Func<string, IReadOnlyList<string>> values, Texts t, Texts other, out string? invalid)
    {
        invalid = null;
        var query = Parse(values(WordsParameter).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), t, other);
        string? first = null;
        List<T> Read<T>(string parameter)
            where T : struct, Enum
        {
            var named = new List<T>();
            foreach (var value in values(parameter).Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                if (Named<T>(value) is { } one)
                {
                    named.Add(one);
                }
                else
                {
                    first ??= parameter;
                }
            }

            return named;
        }

        var scopes = Read<LedgerScope>(ScopeParameter);
        var statuses = Read<RectificationStatus>(StatusParameter);
        var sectors = Read<Sector>(SectorParameter);
        var aspects = Read<Aspect>(AspectParameter);
        var severities = Read<Severity>(SeverityParameter);
        if (first is not null)
        {
            invalid = first;
            return null;
        }

        // A parameter given more than once: the last value counts (sectors add up); a closed status means closed items.
        query.Scope = scopes.Count > 0 ? scopes[^1] : query.Scope;
        query.Status = statuses.Count > 0 ? statuses[^1] : query.Status;
        query.Scope = statuses.Contains(RectificationStatus.Closed) ? LedgerScope.Closed : query.Scope;
        query.Sectors = sectors.Count > 0 ? [.. sectors.Distinct()] : query.Sectors;
        query.Aspect = aspects.Count > 0 ? aspects[^1] : query.Aspect;
        query.Severity = severities.Count > 0 ? severities[^1] : query.Severity;
        return query;
    }

    /// <summary>A value by its enumeration name only (Enum.TryParse would also take "7" or "1,2").</summary>
    private static T? Named<T>(string value)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<T>(name) : null;
}
