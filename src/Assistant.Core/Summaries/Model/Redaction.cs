namespace Assistant.Core.Summaries.Model;

/// <summary>
/// What leaves the machine for a model: covert findings' units become placeholders ("暗访单位1")
/// and their exact places are dropped, wherever the name appears; every free text loses what
/// identifies a person (<see cref="IdentityScrubber"/>). <see cref="Restore"/> puts the units back
/// into the model's text for the readers who may see them; <see cref="Secrets"/> are what the model
/// never saw and must never write.
/// </summary>
public sealed class Redaction
{
    private readonly List<(string Placeholder, string Real)> _units = [];

    private Redaction()
    {
    }

    public IReadOnlyList<(string Placeholder, string Real)> Placeholders => _units;

    /// <summary>The covert units' real names and places (of two characters or more).</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    /// <summary>The job as it may be sent: notes (without their authors) and facts redacted, covert findings without their places.</summary>
    public static (NarrativeJob Job, Redaction Redaction) Of(NarrativeJob job, Texts t)
    {
        var r = new Redaction();
        var covert = job.Findings.Where(f => f.Covert).ToList();
        foreach (var unit in covert.Where(f => f.Unit.Length > 0).Select(f => f.Unit).Distinct())
        {
            r._units.Add((t.Plain("summary.covert_unit", (r._units.Count + 1).ToString(CultureInfo.InvariantCulture)), unit));
        }

        r.Secrets = [.. covert.SelectMany(f => new[] { f.Unit, f.Place }).OfType<string>().Select(s => s.Trim()).Where(s => s.Length >= 2).Distinct(StringComparer.Ordinal)];
        var redacted = job with
        {
            Parts = [.. job.Parts.Select(p => p with { Notes = [.. p.Notes.Select(n => n with { Text = r.Text(n.Text) ?? "", Author = "" })] })],
            Facts = r.Text(job.Facts) ?? "",
            Findings = [.. job.Findings.Select(f => f with
            {
                Unit = r.Text(f.Unit) ?? "",
                Place = f.Covert ? null : r.Text(f.Place),
                Description = r.Text(f.Description) ?? "",
                Basis = r.Text(f.Basis),
                ResponsibleUnit = r.Text(f.ResponsibleUnit),
                HandedOverTo = r.Text(f.HandedOverTo),
            })],
        };
        return (redacted, r);
    }

    /// <summary>The model's text with the covert units' real names back in place of their placeholders.</summary>
    public string Restore(string text) => Swapped(text, _units.Select(u => (u.Placeholder, u.Real)));

    private string? Text(string? text) =>
        text is null ? null : IdentityScrubber.Scrub(Swapped(text, _units.Select(u => (u.Real, u.Placeholder))));

    /// <summary>Each <c>From</c> replaced by its <c>To</c>, the longest first (a name inside a longer one waits its turn).</summary>
    private static string Swapped(string text, IEnumerable<(string From, string To)> swaps)
    {
        foreach (var (from, to) in swaps.OrderByDescending(s => s.From.Length))
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }
}
