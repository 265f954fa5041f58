namespace Assistant.Core.Findings;

/// <summary>
/// What a member filled in on their latest finding of the day (aspect, sector, method, open or covert, city,
/// unit): offered first at each question and all at once as "same as last time". Taken when the flow starts
/// (<see cref="FindingStarter"/>) from the member's own findings only, so another member's never show, and a
/// new day starts empty.
/// </summary>
public sealed class FindingDefaults : FindingClassification
{
    public static FindingDefaults From(Finding finding)
    {
        var defaults = new FindingDefaults();
        defaults.ClassifyAs(finding);
        return defaults;
    }

    /// <summary>
    /// "Same as last time": every value the draft does not hold yet, at once (the member chose them, so none is a suggestion).
    /// What the draft already holds (what a caption or a note said) is never overridden.
    /// </summary>
    public void CopyTo(FindingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Sector is null)
        {
            (draft.Sector, draft.SectorOther) = (Sector, SectorOther);
        }

        draft.Aspect ??= Aspect;
        draft.Method ??= Method;
        draft.Covert ??= Covert;
        draft.City = string.IsNullOrWhiteSpace(draft.City) && !string.IsNullOrWhiteSpace(City) ? City : draft.City;
        draft.Unit = string.IsNullOrWhiteSpace(draft.Unit) && !string.IsNullOrWhiteSpace(Unit) ? Unit : draft.Unit;
        foreach (var field in Fields)
        {
            draft.Suggested.Remove(field);
        }
    }

    /// <summary>
    /// Fills what the draft does not hold yet, each marked as a suggestion for the card (a finding from one message; the draft
    /// holds what the text said). Aspect, sector and method always; open (明查), city and unit only when the last finding was
    /// open and the text names no place or unit other than its own: a text about another place is never filed against the last
    /// unit, and a covert finding (暗访) is always chosen by the member, never inherited silently (the flow asks).
    /// </summary>
    public void SuggestInto(FindingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Aspect is null)
        {
            draft.Aspect = Aspect;
            draft.Suggested.Add(FieldKeys.Aspect);
        }

        if (draft.Sector is null)
        {
            draft.Sector = Sector;
            draft.SectorOther = SectorOther;
            draft.Suggested.Add(FieldKeys.Sector);
        }

        if (draft.Method is null)
        {
            draft.Method = Method;
            draft.Suggested.Add(FieldKeys.Method);
        }

        if (Covert || !AgreesWith(draft))
        {
            return;
        }

        if (draft.Covert is null)
        {
            draft.Covert = false;
            draft.Suggested.Add(FieldKeys.Openness);
        }

        if (string.IsNullOrWhiteSpace(draft.City) && !string.IsNullOrWhiteSpace(City))
        {
            draft.City = City;
            draft.Suggested.Add(FieldKeys.City);
        }

        if (string.IsNullOrWhiteSpace(draft.Unit) && !string.IsNullOrWhiteSpace(Unit))
        {
            draft.Unit = Unit;
            draft.Suggested.Add(FieldKeys.Unit);
        }
    }

    /// <summary>Whether the place and unit the draft holds (from the text) are none, or the same as the last finding's.</summary>
    private bool AgreesWith(FindingDraft draft) =>
        (string.IsNullOrWhiteSpace(draft.City) || Same(draft.City, City)) && (string.IsNullOrWhiteSpace(draft.Unit) || Same(draft.Unit, Unit));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);

    /// <summary>The values in a few words, for the question that offers "same as last time" (HTML).</summary>
    public string Summary(Texts t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var sector = SectorNames.Label(t, Sector, SectorOther);
        var parts = new[] { t[Aspect.ShortKey()], sector, t[Method.Key()], t[Covert ? "openness.covert" : "openness.open"], City, Unit };
        return string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Messaging.Html.Escape));
    }

    private static readonly string[] Fields = [FieldKeys.Aspect, FieldKeys.Sector, FieldKeys.Method, FieldKeys.Openness, FieldKeys.City, FieldKeys.Unit];
}

/// <summary>The catalog keys of the finding's fields, as the card and the draft's suggestions name them.</summary>
public static class FieldKeys
{
    public const string Aspect = "field.aspect";
    public const string Sector = "field.sector";
    public const string Method = "field.method";
    public const string Openness = "field.openness";
    public const string City = "field.city";
    public const string Place = "field.place";
    public const string Unit = "field.unit";
    public const string Description = "field.description";
    public const string Severity = "field.severity";
}
