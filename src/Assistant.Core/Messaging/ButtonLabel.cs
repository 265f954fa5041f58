namespace Assistant.Core.Messaging;

/// <summary>Typed text standing for a button: "保存" means the button "✅ 保存".</summary>
public static class ButtonLabel
{
    /// <summary>Whether the text is the label, ignoring case and the symbols (✅, ✎, ▶…) and spaces around it.</summary>
    public static bool Matches(string label, string typed)
    {
        var core = Core(label);
        return core.Length > 0 && core.Equals(Core(typed), StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> Core(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length && !char.IsLetterOrDigit(span[start]))
        {
            start++;
        }

        var end = span.Length;
        while (end > start && !char.IsLetterOrDigit(span[end - 1]) && span[end - 1] is not (')' or '）'))
        {
            end--;
        }

        return span[start..end];
    }
}
