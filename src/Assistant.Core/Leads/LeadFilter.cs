namespace Assistant.Core.Leads;

/// <summary>Which leads /leads lists.</summary>
public enum LeadScope
{
    /// <summary>Open leads (the default).</summary>
    Open,

    /// <summary>Open leads past their feedback date.</summary>
    Overdue,

    /// <summary>Closed leads.</summary>
    Closed,

    /// <summary>Every lead.</summary>
    All,
}

/// <summary>
/// The filter words of /leads, like the ledger's: 未办结 / open, 逾期 / overdue, 已办结 / closed, 全部 / all, in either
/// language; any other word is looked for in the code, the subject and whom it went to. A page button carries the
/// scope, the page and the words (cut to fit Telegram's 64 bytes: a cut filter shows more, never another team's).
/// </summary>
public sealed record LeadFilter(LeadScope Scope, string Text)
{
    private const int MaxDataBytes = 64;

    public static LeadFilter Parse(IEnumerable<string> words, Texts t, Texts other)
    {
        var scope = LeadScope.Open;
        var rest = new List<string>();
        bool Is(string word, string key) => string.Equals(word, t[key], StringComparison.OrdinalIgnoreCase) || string.Equals(word, other[key], StringComparison.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            if (Enum.GetValues<LeadScope>().Cast<LeadScope?>().FirstOrDefault(s => Is(word, WordKey(s!.Value)) || string.Equals(word, s.ToString(), StringComparison.OrdinalIgnoreCase)) is { } s)
            {
                scope = s;
            }
            else
            {
                rest.Add(word);
            }
        }

        return new LeadFilter(scope, string.Join(' ', rest));
    }

    public static string WordKey(LeadScope scope) => "leads.word." + scope.ToString().ToLowerInvariant();

    /// <summary>Whether the lead is in the scope and holds every word.</summary>
    public bool Matches(Lead lead, DateOnly today) =>
        Scope switch
        {
            LeadScope.Open => lead.IsOpen,
            LeadScope.Overdue => LeadCard.DaysOverdue(lead, today) > 0,
            LeadScope.Closed => !lead.IsOpen,
            _ => true,
        }
        && Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w =>
            lead.Code.Contains(w, StringComparison.OrdinalIgnoreCase) || lead.Subject.Contains(w, StringComparison.OrdinalIgnoreCase)
            || (lead.HandedOverTo ?? "").Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page button's data: ld:p:SCOPE:PAGE:WORDS, the words cut at a character boundary to fit.</summary>
    public string PageData(int page)
    {
        var head = $"ld:p:{(int)Scope}:{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}:";
        var room = MaxDataBytes - Encoding.UTF8.GetByteCount(head);
        var text = Text;
        while (Encoding.UTF8.GetByteCount(text) > room)
        {
            text = text[..^1];
            if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }

        return head + text;
    }
}
