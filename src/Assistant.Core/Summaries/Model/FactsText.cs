using System.Text;
using Assistant.Core.Findings;
using Assistant.Core.Localization;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// The facts a prompt carries, as labelled lines in the brief's language, with every count, date and
/// sentence already computed (the same sentences the offline writer uses), so a model copies numbers
/// instead of working them out. Notes are rendered apart, as quoted data.
/// </summary>
public static class FactsText
{
    public static string Day(DayFacts f, Texts t, bool withFindings)
    {
        var sb = new StringBuilder();
        sb.AppendLine(t.Plain("facts.team", OfflineBriefWriter.TeamLabel(t, f.Team), f.Team.Region));
        sb.AppendLine(t.Plain("facts.date", BriefFormat.DayWithWeekday(t, f.Day)));
        sb.AppendLine(OfflineBriefWriter.CountsSentence(f.Counts, t) is { } counts ? t.Plain("facts.work", counts) : t["facts.work_none"]);
        if (f.Today.Count > 0)
        {
            sb.AppendLine(t["facts.itinerary"]);
            foreach (var item in f.Today)
            {
                sb.Append("- ").AppendLine(OfflineBriefWriter.ItineraryLine(t, item, tomorrow: false));
            }
        }

        Totals(sb, f.Findings, t, f.Team.CampaignYear);
        if (withFindings)
        {
            Findings(sb, f.Findings, f.Day, t);
        }

        sb.AppendLine(t.Plain("facts.follow_up", OfflineBriefWriter.FollowUp(f, t)));
        sb.AppendLine(t.Plain("facts.tips", Math.Max(f.Counts.Tips, f.Tips.Count) == 0 ? t["brief.tips_none"] : OfflineBriefWriter.TipsIntro(f, t)));
        foreach (var line in OfflineBriefWriter.TipLines(f, t))
        {
            sb.Append("- ").AppendLine(line);
        }

        var tomorrow = BriefFormat.DayWithWeekday(t, f.NextDay);
        sb.AppendLine(t.Plain(f.Tomorrow.Count == 0 ? "facts.tomorrow_none" : "facts.tomorrow", tomorrow));
        foreach (var item in f.Tomorrow)
        {
            sb.Append("- ").AppendLine(OfflineBriefWriter.ItineraryLine(t, item, tomorrow: true));
        }

        return sb.ToString().TrimEnd();
    }

    public static string Visit(VisitFacts f, Texts t, bool withFindings)
    {
        var sb = new StringBuilder();
        sb.AppendLine(t.Plain("facts.team", OfflineBriefWriter.TeamLabel(t, f.Team), f.Team.Region));
        sb.AppendLine(t.Plain("facts.visit", BriefFormat.FullDate(t, f.From), BriefFormat.FullDate(t, f.To)));
        sb.AppendLine(OfflineBriefWriter.CountsSentence(f.Counts, t) is { } counts ? t.Plain("facts.work", counts) : t["facts.work_none"]);
        sb.AppendLine(t.Plain("facts.cities", f.Cities.Count == 0 ? t["facts.none"] : string.Join(t["brief.list_separator"], f.Cities)));
        Totals(sb, f.Findings, t, f.Team.CampaignYear);
        if (withFindings)
        {
            Findings(sb, f.Findings, f.To, t);
        }

        sb.AppendLine(t.Plain("facts.leads", f.Leads.Count));
        sb.AppendLine(t.Plain("facts.plan_due", BriefFormat.FullDate(t, f.PlanDue)));
        sb.AppendLine(t["facts.requirements"]);
        foreach (var requirement in OfflineBriefWriter.Requirements(f, t))
        {
            sb.Append("- ").AppendLine(requirement);
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The findings alone, one line each (for a part of a long day).</summary>
    public static string FindingLines(IReadOnlyList<FindingFact> findings, DateOnly reference, Texts t)
    {
        var sb = new StringBuilder();
        Findings(sb, findings, reference, t);
        return sb.ToString().TrimEnd();
    }

    /// <summary>Quoted notes, one per line, each marked by its kind.</summary>
    public static string Notes(IEnumerable<NoteFact> notes, Texts t)
    {
        var sb = new StringBuilder();
        foreach (var n in notes)
        {
            sb.Append("- [").Append(t["note.kind." + n.Kind.ToString().ToLowerInvariant()]).Append("] ")
                .AppendLine(n.Text.ReplaceLineEndings(" ").Trim());
        }

        return sb.Length == 0 ? t["facts.none"] : sb.ToString().TrimEnd();
    }

    private static void Totals(StringBuilder sb, IReadOnlyList<FindingFact> findings, Texts t, int campaignYear)
    {
        sb.AppendLine(t.Plain("facts.totals", findings.Count, OfflineBriefWriter.SeverityCounts(findings, t)));
        if (findings.Count > 0)
        {
            sb.AppendLine(t.Plain("facts.by_sector", OfflineBriefWriter.SectorCounts(findings, t)));
            sb.AppendLine(t.Plain("facts.by_aspect", OfflineBriefWriter.AspectCounts(findings, t, campaignYear)));
        }
    }

    private static void Findings(StringBuilder sb, IReadOnlyList<FindingFact> findings, DateOnly reference, Texts t)
    {
        if (findings.Count == 0)
        {
            return;
        }

        sb.AppendLine(t["facts.findings"]);
        var none = t["facts.none"];
        foreach (var f in findings)
        {
            sb.Append("- ").AppendLine(t.Plain("facts.finding",
                f.Code, t[f.Severity.Key()], t[f.Aspect.ShortKey()], OfflineBriefWriter.SectorLabel(t, f), t[f.Method.Key()], t[Classification.OpennessKey(f.Covert)],
                f.Unit, string.Join(" ", new[] { f.City, f.Place }.Where(s => !string.IsNullOrWhiteSpace(s))),
                f.Description.ReplaceLineEndings(" ").Trim(), f.Basis ?? none, f.ResponsibleUnit ?? none,
                f.Deadline is { } d ? BriefFormat.Date(t, d, reference) : none,
                t[f.FixedOnSpot ? "common.yes" : "common.no"], f.HandedOverTo ?? none));
        }
    }
}
