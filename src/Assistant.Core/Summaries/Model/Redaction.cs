using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Localization;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// What leaves the machine for a model: covert findings' units become placeholders ("暗访单位1")
/// and their exact places are dropped, wherever the name appears; every free text loses what
/// identifies a person (<see cref="IdentityScrubber"/>). <see cref="Restore"/> puts the units back
/// into the model's text for the readers who may see them.
/// </summary>
public sealed class Redaction
{
    private readonly List<(string Placeholder, string Real)> _units = [];

    private Redaction()
    {
    }

    public IReadOnlyList<(string Placeholder, string Real)> Placeholders => _units;

    public static (DayFacts Facts, Redaction Redaction) Of(DayFacts facts, Texts t)
    {
        var r = new Redaction();
        r.Collect(facts.Findings, t);
        var redacted = facts with
        {
            Findings = [.. facts.Findings.Select(r.Finding)],
            Notes = [.. facts.Notes.Select(n => n with { Text = r.Text(n.Text) ?? "", Author = "" })],
            Tips = [.. facts.Tips.Select(tip => tip with { Subject = r.Text(tip.Subject), Handling = r.Text(tip.Handling) })],
            Today = [.. facts.Today.Select(r.Item)],
            Tomorrow = [.. facts.Tomorrow.Select(r.Item)],
        };
        return (redacted, r);
    }

    public static (VisitFacts Facts, Redaction Redaction) Of(VisitFacts facts, Texts t)
    {
        var r = new Redaction();
        r.Collect(facts.Findings, t);
        var redacted = facts with
        {
            Findings = [.. facts.Findings.Select(r.Finding)],
            Highlights = [.. facts.Highlights.Select(n => n with { Text = r.Text(n.Text) ?? "", Author = "" })],
            Leads = [.. facts.Leads.Select(l => new LeadFact(r.Text(l.What) ?? "", r.Text(l.HandedTo) ?? ""))],
        };
        return (redacted, r);
    }

    /// <summary>The model's text with the covert units' real names back in place of their placeholders.</summary>
    public string Restore(string text)
    {
        foreach (var (placeholder, real) in _units.OrderByDescending(u => u.Placeholder.Length))
        {
            text = text.Replace(placeholder, real, StringComparison.Ordinal);
        }

        return text;
    }

    private void Collect(IEnumerable<FindingFact> findings, Texts t)
    {
        foreach (var unit in findings.Where(f => f.Covert && f.Unit.Length > 0).Select(f => f.Unit).Distinct())
        {
            var number = (_units.Count + 1).ToString(CultureInfo.InvariantCulture);
            _units.Add((t.Plain("summary.covert_unit", number), unit));
        }
    }

    private FindingFact Finding(FindingFact f) => f with
    {
        Unit = Text(f.Unit) ?? "",
        Place = f.Covert ? null : Text(f.Place),
        Description = Text(f.Description) ?? "",
        Basis = Text(f.Basis),
        ResponsibleUnit = Text(f.ResponsibleUnit),
        HandedOverTo = Text(f.HandedOverTo),
    };

    private ItineraryFact Item(ItineraryFact i) => i with { Title = Text(i.Title), Place = Text(i.Place) };

    private string? Text(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var (placeholder, real) in _units.OrderByDescending(u => u.Real.Length))
        {
            text = text.Replace(real, placeholder, StringComparison.Ordinal);
        }

        return IdentityScrubber.Scrub(text);
    }
}
