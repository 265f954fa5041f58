using System.Text.RegularExpressions;
using Assistant.Core.Localization;
using Assistant.Tests.Support;

namespace Assistant.Tests.Localization;

public sealed partial class CatalogTests
{
    private static readonly TextCatalog Catalog = TextCatalog.Default;

    [Fact]
    public void Catalogs_BothLanguages_HaveTheSameKeys()
    {
        var chinese = Catalog.Entries(Language.Chinese).Keys.ToHashSet();
        var english = Catalog.Entries(Language.English).Keys.ToHashSet();
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void Catalogs_EveryEntry_HasTheSamePlaceholdersInBothLanguages()
    {
        var mismatches = Catalog.Entries(Language.Chinese)
            .Where(e => !Placeholders(e.Value).SetEquals(Placeholders(Catalog.English[e.Key])))
            .Select(e => e.Key)
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Catalogs_EveryEntry_FormatsWithoutError()
    {
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var texts = Catalog.For(language);
            foreach (var (key, value) in Catalog.Entries(language))
            {
                var args = Enumerable.Range(0, 16).Select(i => (object)("a" + i)).ToArray();
                var formatted = texts.Format(key, args);
                Assert.False(string.IsNullOrWhiteSpace(formatted), key);
                Assert.DoesNotContain("{", formatted.Replace("{{", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Catalogs_EveryKeyUsedInTheSource_Exists()
    {
        var source = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var missing = new List<string>();
        var used = 0;
        foreach (var file in source)
        {
            var code = string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            foreach (Match m in KeyUse().Matches(code))
            {
                used++;
                var key = m.Groups["key"].Value;
                if (!Catalog.Chinese.Has(key))
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                }
            }
        }

        Assert.True(used > 50, $"only {used} key uses found: the scan is broken");
        Assert.Empty(missing);
    }

    [Fact]
    public void Format_StringArguments_AreHtmlEscaped()
    {
        var text = Catalog.Chinese.Format("invite.bad_role", "<b>x</b> & y");
        Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; y", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SafeHtmlArguments_AreInsertedAsIs()
    {
        var text = Catalog.Chinese.Format("invite.bad_role", new Core.Messaging.SafeHtml("<b>x</b>"));
        Assert.Contains("<b>x</b>", text, StringComparison.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    // T["key"], t.Format("key", …), texts["key"], HelpLine(…, "help.cmd.x", …), TitleKey => "flow.x", role keys.
    [GeneratedRegex("""(?:(?:\b[Tt]|[Tt]exts|\))\s*(?:\[|\.Format\()\s*"(?<key>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")|"(?<key>(?:help\.cmd|flow|role|console)\.[a-z0-9_.]+)"(?!\s*:)""")]
    private static partial Regex KeyUse();
}
