namespace Assistant.Core.Summaries.Model;

/// <summary>
/// A quick, tokenizer-free estimate of a text's size in model tokens: one per CJK character, one per
/// four other characters. Models in use (Qwen, GPT, Llama) land within about ±30 % of it for this
/// mix of Chinese and digits, so budgets keep a margin.
/// </summary>
public static class TokenEstimate
{
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var cjk = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (c >= '\u2E80' && c <= '\uFFEF')
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }

        return cjk + ((other + 3) / 4);
    }
}
