using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Localization;

/// <summary>
/// Every user-facing sentence, in both languages, loaded once from the embedded catalogs
/// <c>Localization/Catalog/zh-CN.json</c> and <c>en.json</c>. Handlers ask for keys; they never
/// hold literal user text. A test checks that both catalogs carry the same keys and placeholders.
/// </summary>
public sealed class TextCatalog
{
    private readonly FrozenDictionary<string, string> _chinese;
    private readonly FrozenDictionary<string, string> _english;

    public TextCatalog()
    {
        _chinese = Load(LanguageCodes.Chinese);
        _english = Load(LanguageCodes.English);
        Chinese = new Texts(Language.Chinese, _chinese);
        English = new Texts(Language.English, _english);
    }

    /// <summary>The shared instance; the catalog is immutable.</summary>
    public static TextCatalog Default { get; } = new();

    public Texts Chinese { get; }

    public Texts English { get; }

    public Texts For(Language language) => language == Language.English ? English : Chinese;

    public IReadOnlyDictionary<string, string> Entries(Language language) =>
        language == Language.English ? _english : _chinese;

    private static FrozenDictionary<string, string> Load(string code)
    {
        var name = $"Assistant.Core.Localization.Catalog.{code}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Language catalog {name} is not embedded.");
        var entries = JsonSerializer.Deserialize(stream, CatalogJson.Default.DictionaryStringString)
            ?? throw new InvalidOperationException($"Language catalog {name} is empty.");
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>The catalog of one language.</summary>
public sealed class Texts
{
    private readonly IReadOnlyDictionary<string, string> _entries;

    internal Texts(Language language, IReadOnlyDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
        Culture = CultureInfo.GetCultureInfo(language.Code());
    }

    public Language Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>The text for a key; a missing key shows as the key in brackets (and a test fails).</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text) ? text : $"[{key}]";

    /// <summary>
    /// The text for a key with <c>{0}</c>-style placeholders filled in, and plural blocks by their number
    /// (<see cref="PluralText"/>). String arguments are HTML-escaped (they may come from users); pass
    /// <see cref="SafeHtml"/> for markup built elsewhere.
    /// </summary>
    public string Format(string key, params object?[] args)
    {
        var safe = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            safe[i] = args[i] switch
            {
                SafeHtml html => html.Value,
                string text => Html.Escape(text),
                null => "",
                var other => other,
            };
        }

        return string.Format(Culture, PluralText.Expand(this[key], args), safe);
    }

    /// <summary>The text for a key with placeholders filled in as they are: for documents, not for HTML.</summary>
    public string Plain(string key, params object?[] args) => string.Format(Culture, PluralText.Expand(this[key], args), args);

    public bool Has(string key) => _entries.ContainsKey(key);
}

/// <summary>
/// The catalogs' JSON reader, generated at compile time: read by reflection, the two catalogs cost the native program
/// the runtime's type building and its tables at every start (README, Performance).
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CatalogJson : JsonSerializerContext;
