namespace Assistant.Core.Localization;

/// <summary>
/// Plural forms in a catalog entry, in the one form of ICU's message syntax the English catalog needs:
/// <c>{1, plural, one {# day} other {# days}}</c>. The block becomes the branch for the number in argument 1
/// (<c>one</c> for exactly 1, <c>other</c> for any other number), with <c>#</c> written as that argument, so the
/// number is formatted like every other placeholder. A branch may hold other placeholders (<c>{0}</c>). Chinese
/// has no plural forms; its entries never use the syntax, and a text without it is returned as it is.
/// </summary>
public static class PluralText
{
    private const string Marker = ", plural,";

    /// <summary>Whether a catalog text holds a plural block.</summary>
    public static bool HasPlural(string template) => template.Contains(Marker, StringComparison.Ordinal);

    /// <summary>The text with each plural block replaced by the branch its number takes.</summary>
    /// <exception cref="FormatException">A block is not closed, names an argument not given, or lacks a branch.</exception>
    public static string Expand(string template, IReadOnlyList<object?> args)
    {
        if (!HasPlural(template))
        {
            return template;
        }

        var result = new StringBuilder(template.Length);
        var at = 0;
        while (true)
        {
            var marker = template.IndexOf(Marker, at, StringComparison.Ordinal);
            if (marker < 0)
            {
                result.Append(template, at, template.Length - at);
                return result.ToString();
            }

            var open = template.LastIndexOf('{', marker);
            if (open < at || !int.TryParse(template.AsSpan(open + 1, marker - open - 1), out var index) || index < 0 || index >= args.Count)
            {
                throw new FormatException($"A plural block names no argument that was given: {template}");
            }

            var close = Closing(template, open);
            var branches = Branches(template, marker + Marker.Length, close);
            var chosen = IsOne(args[index]) && branches.TryGetValue("one", out var one) ? one
                : branches.TryGetValue("other", out var other) ? other
                : throw new FormatException($"A plural block has no 'other' branch: {template}");
            result.Append(template, at, open - at);
            result.Append(chosen.Replace("#", "{" + index.ToString(CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal));
            at = close + 1;
        }
    }

    /// <summary>The names of a plural block's branches and their texts, between the marker and the closing brace.</summary>
    private static Dictionary<string, string> Branches(string template, int from, int close)
    {
        var branches = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = from;
        while (true)
        {
            while (at < close && char.IsWhiteSpace(template[at]))
            {
                at++;
            }

            if (at == close)
            {
                return branches;
            }

            var brace = template.IndexOf('{', at, close - at);
            if (brace < 0)
            {
                throw new FormatException($"A plural branch has no text: {template}");
            }

            var end = Closing(template, brace);
            branches[template[at..brace].Trim()] = template[(brace + 1)..end];
            at = end + 1;
        }
    }

    /// <summary>The index of the brace that closes the one at <paramref name="open"/>.</summary>
    private static int Closing(string template, int open)
    {
        var depth = 0;
        for (var i = open; i < template.Length; i++)
        {
            depth += template[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"A plural block is not closed: {template}");
    }

    private static bool IsOne(object? value) => value switch
    {
        int i => i == 1,
        long l => l == 1,
        short s => s == 1,
        byte b => b == 1,
        decimal m => m == 1m,
        double d => d == 1d,
        float f => f == 1f,
        string s => s == "1",
        _ => false,
    };
}
