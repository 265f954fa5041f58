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

    [Fact]
    public void English_EveryPluralEntry_ReadsInTheSingularForOne_AndThePluralForTwo_AndNoneWritesS()
    {
        var english = Catalog.Entries(Language.English);
        var plural = english.Where(e => PluralText.HasPlural(e.Value)).Select(e => e.Key).ToList();
        Assert.True(plural.Count >= 40, $"only {plural.Count} English entries have plural forms");
        foreach (var key in plural)
        {
            var one = Catalog.English.Plain(key, [.. Enumerable.Repeat<object>(1, 16)]);
            var two = Catalog.English.Plain(key, [.. Enumerable.Repeat<object>(2, 16)]);
            Assert.NotEqual(one, two);
            Assert.DoesNotContain("plural", one, StringComparison.Ordinal);
            Assert.DoesNotContain("#", two, StringComparison.Ordinal);
        }

        Assert.Empty(english.Where(e => e.Value.Contains("(s)", StringComparison.Ordinal)).Select(e => e.Key));
        Assert.Empty(Catalog.Entries(Language.Chinese).Where(e => PluralText.HasPlural(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void English_Counts_AgreeWithTheirNumber()
    {
        var t = Catalog.English;
        Assert.Equal("1 tip received", t.Plain("brief.count.tips", 1));
        Assert.Equal("3 tips received", t.Plain("brief.count.tips", 3));
        Assert.Equal("0 tips received", t.Plain("brief.count.tips", 0));
        Assert.Equal("1 site inspected (1 open, 0 covert)", t.Plain("brief.count.sites", 1, 1, 0));
        Assert.Equal("⏳ Reminder: G7-001 is due in 1 day (8 Nov).", t.Plain("ledger.reminder_before", "G7-001", 1, "8 Nov"));
        Assert.Equal("⏳ Reminder: G7-001 is due in 3 days (8 Nov).", t.Plain("ledger.reminder_before", "G7-001", 3, "8 Nov"));
        Assert.Equal("1200 documents reviewed", t.Plain("brief.count.documents", 1200));
        Assert.Equal("2 tips not fully registered (what it reports or how it was handled is missing): the brief counts them but does not list them.", t.Plain("brief.hint_incomplete_tips", 2));
        Assert.Equal("1 tip not fully registered (what it reports or how it was handled is missing): the brief counts it but does not list it.", t.Plain("brief.hint_incomplete_tips", 1));
        Assert.Equal("Lead overdue: XS001 “&lt;gas&gt;” (phone): the feedback date 1 Dec passed 1 day ago and no feedback has come.", t.Format("leads.reminder_passed", "XS001", "<gas>", "phone", "1 Dec", 1));
        Assert.Equal("受理举报1件", Catalog.Chinese.Plain("brief.count.tips", 1));
    }

    [Theory]
    [InlineData("{0} x", 1, "{0} x")]
    [InlineData("{1, plural, one {# day} other {# days}} left", 1, "{1} day left")]
    [InlineData("{1, plural, one {# day} other {# days}} left", 0, "{1} days left")]
    [InlineData("in {1, plural, one {# day} other {# days}} ({0})", 5, "in {1} days ({0})")]
    [InlineData("{1, plural, one {{0} has # item} other {{0} has # items}}", 5, "{0} has {1} items")]
    [InlineData("{1, plural, one {{0} has # item} other {{0} has # items}}", 1, "{0} has {1} item")]
    [InlineData("{1, plural, one {it} other {them}} and {1, plural, one {is} other {are}}", 1, "it and is")]
    [InlineData("{1, plural, other {# things}}", 1, "{1} things")]
    public void PluralText_Expand_ChoosesTheBranchOfItsArgument(string template, int count, string expected) =>
        Assert.Equal(expected, PluralText.Expand(template, ["ctx", count]));

    [Theory]
    [InlineData("{0, plural, one {# day}}")]
    [InlineData("{0, plural, one {# day} other {# days}")]
    [InlineData("{3, plural, one {# day} other {# days}}")]
    [InlineData("{0, plural, one # day}")]
    public void PluralText_AMalformedBlock_IsAFormatError(string template) =>
        Assert.Throws<FormatException>(() => PluralText.Expand(template, [2]));

    /// <summary>The placeholders of a text, its plural blocks read as their plural branch.</summary>
    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(PluralText.Expand(text, [.. Enumerable.Repeat<object>(2, 16)])).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    // T["key"], t.Format("key", …), texts["key"], HelpLine(…, "help.cmd.x", …), TitleKey => "flow.x", role keys.
    [GeneratedRegex("""(?:(?:\b[Tt]|[Tt]exts|\))\s*(?:\[|\.Format\()\s*"(?<key>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")|"(?<key>(?:help\.cmd|flow|role|console)\.[a-z0-9_.]+)"(?!\s*:)""")]
    private static partial Regex KeyUse();
}
