namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// What the duplicate detector knows of one finding (saved, or about to be): the unit's key and bigrams, the city's
/// key, the description's bigrams (synonyms written one way, numbers as <c>#</c>), its numbers, sector and aspect.
/// Computed once per finding and kept in the team's index.
/// </summary>
internal sealed class FindingFeatures
{
    public int Id { get; init; }

    public UnitKey Unit { get; init; } = UnitKey.None;

    /// <summary>The city's key and the place's (a county or district is often typed as the place).</summary>
    public string[] CityKeys { get; init; } = [];

    public int[] Terms { get; init; } = [];

    public NumberToken[] Numbers { get; init; } = [];

    public Sector? Sector { get; init; }

    public Aspect? Aspect { get; init; }

    /// <summary>The inputs as one string: an edit that leaves it unchanged (a ledger step) needs no re-indexing.</summary>
    public string Content { get; init; } = "";

    public static FindingFeatures Of(DuplicateProbe probe, int id = 0)
    {
        string[] cities = [.. new[] { KeyOfCity(probe.City), KeyOfCity(probe.Place) }.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
        var (text, numbers) = DuplicateText.Prepare(probe.Description);
        return new FindingFeatures
        {
            Id = id,
            Unit = UnitNames.Key(probe.Unit, cities),
            CityKeys = cities,
            Terms = DuplicateText.Terms(text),
            Numbers = [.. numbers],
            Sector = probe.Sector,
            Aspect = probe.Aspect,
            Content = string.Join('\u001f', probe.Unit, probe.City, probe.Place, probe.Description, probe.Sector, probe.Aspect),
        };
    }

    /// <summary>A city or county as compared: without its province and its final 市, 县, 区 or 州 (湖南省长沙市 → 长沙).</summary>
    internal static string KeyOfCity(string? city)
    {
        var key = DuplicateText.Normalise(city);
        var province = key.IndexOf('省', StringComparison.Ordinal);
        if (province >= 0 && province + 1 < key.Length)
        {
            key = key[(province + 1)..];
        }

        return key.Length > 2 && key[^1] is '市' or '县' or '区' or '州' ? key[..^1] : key;
    }

    /// <summary>
    /// Whether two findings are in the same place: a city or place of one agrees with one of the other's (one holds the
    /// other, or they begin alike: 长沙 and 长沙县); null when either gives none.
    /// </summary>
    internal static bool? SameCity(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return null;
        }

        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)
                    || (x.Length >= 2 && y.Length >= 2 && x[0] == y[0] && x[1] == y[1]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
