using System.Text.RegularExpressions;

namespace Assistant.Tests.Support;

/// <summary>Fails a test when a rendered message shows a catalog key that does not exist ("[flow.something]").</summary>
public static partial class CatalogGuard
{
    public static void AssertNoMissingKeys(string text)
    {
        var match = MissingKey().Match(text);
        Assert.False(match.Success, $"Message shows a missing catalog key {match.Value}: {text}");
    }

    [GeneratedRegex(@"\[[a-z_]+(\.[a-z0-9_]+)+\]")]
    private static partial Regex MissingKey();
}
