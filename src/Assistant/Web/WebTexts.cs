using Assistant.Core.Findings;

namespace Assistant.Web;

/// <summary>The page's own texts: every <c>web.*</c> entry of the reader's catalog (both catalogs hold them all).</summary>
public static class WebTexts
{
    public const string Prefix = "web.";

    public static IReadOnlyDictionary<string, string> For(TextCatalog catalog, Language language) =>
        catalog.Entries(language).Where(e => e.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[Prefix.Length..], e => e.Value, StringComparer.Ordinal);

    /// <summary>A finding's sector in words (<see cref="SectorNames"/>).</summary>
    public static string Sector(Texts t, Finding f) => SectorNames.Label(t, f.Sector, f.SectorOther);
}
