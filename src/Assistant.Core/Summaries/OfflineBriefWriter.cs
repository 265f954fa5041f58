using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>
/// Writes the daily brief and the feedback from the structured facts alone, in the standard section
/// order (see docs and the domain notes): deterministic, no model, good enough to send as it is.
/// Counts and groupings are computed here; notes are quoted as written.
/// </summary>
public static class OfflineBriefWriter
{
    public const string Name = "offline";

    public static BriefDocument Daily(DayFacts facts, Texts t) => new(
        t.Plain("brief.title", TeamLabel(t, facts.Team)),
        BriefFormat.DayWithWeekday(t, facts.Day),
        [
            new BriefSection(t["brief.h1"], Work(facts, t)),
            new BriefSection(t["brief.h2"], Problems(facts.Findings, facts.Day, t)),
            new BriefSection(t["brief.h3"], [new BriefParagraph(FollowUp(facts.Findings, facts.Day, t))]),
            new BriefSection(t["brief.h4"], Tips(facts, t)),
            new BriefSection(t["brief.h5"], Tomorrow(facts, t)),
        ],
        null,
        t.Language.Code());

    public static BriefDocument Feedback(VisitFacts facts, Texts t) => new(
        t.Plain("report.title", TeamLabel(t, facts.Team)),
        t.Plain("report.subtitle", facts.Team.Region, BriefFormat.FullDate(t, facts.From), BriefFormat.FullDate(t, facts.To)),
        [
            new BriefSection(t["report.h1"], [new BriefParagraph(Basic(facts, t))]),
            new BriefSection(t["report.h2"], Highlights(facts, t)),
            new BriefSection(t["report.h3"], MainProblems(facts, t)),
            new BriefSection(t["report.h4"], [new BriefList(Requirements(facts, t))]),
            new BriefSection(t["report.h5"], Annexes(facts, t)),
        ],
        null,
        t.Language.Code());

    /// <summary>The four standard rectification requirements, the last with the plan's due date.</summary>
    public static IReadOnlyList<string> Requirements(VisitFacts facts, Texts t) =>
    [
        t["report.requirements.1"], t["report.requirements.2"], t["report.requirements.3"],
        t.Plain("report.requirements.4", BriefFormat.FullDate(t, facts.PlanDue)),
    ];

    /// <summary>The headings of a daily brief, in order (what the model's text must follow too).</summary>
    public static IReadOnlyList<string> DailyHeadings(Texts t) => [t["brief.h1"], t["brief.h2"], t["brief.h3"], t["brief.h4"], t["brief.h5"]];

    public static IReadOnlyList<string> FeedbackHeadings(Texts t) => [t["report.h1"], t["report.h2"], t["report.h3"], t["report.h4"], t["report.h5"]];

    /// <summary>"第七组" in Chinese; "第七组 (G7)" in English, where the name alone means little.</summary>
    public static string TeamLabel(Texts t, TeamFacts team) =>
        t.Language == Language.English ? $"{team.Name} ({team.Code})" : team.Name;

    /// <summary>The day's work as a sentence of counts ("听取汇报2场；调阅材料46份；…"), or null when nothing was counted.</summary>
    public static string? CountsSentence(ActivityCounts c, Texts t)
    {
        var parts = new List<string>();
        void Add(int n, string key)
        {
            if (n > 0)
            {
                parts.Add(t.Plain(key, n));
            }
        }

        Add(c.Briefings, "brief.count.briefings");
        Add(c.Documents, "brief.count.documents");
        Add(c.Interviews, "brief.count.interviews");
        Add(c.Visits, "brief.count.visits");
        if (c.SitesOpen > 0 && c.SitesCovert > 0)
        {
            parts.Add(t.Plain("brief.count.sites", c.Sites, c.SitesOpen, c.SitesCovert));
        }
        else
        {
            Add(c.SitesOpen, "brief.count.sites_open");
            Add(c.SitesCovert, "brief.count.sites_covert");
        }

        Add(c.Tips, "brief.count.tips");
        return parts.Count == 0 ? null : string.Join(t["brief.count.separator"], parts);
    }

    public static string ItineraryLine(Texts t, ItineraryFact item, bool tomorrow)
    {
        var time = t.Plain("brief.item_time", BriefFormat.Time(item.Start), BriefFormat.Time(item.End));
        if (item.Covert)
        {
            return t.Plain(tomorrow ? "brief.item_covert_tomorrow" : "brief.item_covert_today", time);
        }

        // "实地检查：实地检查湘潭某钢铁企业" says the kind twice; "其他：组内碰头会" says nothing.
        var kind = t[item.Kind.Key()];
        var title = item.Title ?? "";
        var line = item.Kind == EventKind.Other || title.StartsWith(kind, StringComparison.OrdinalIgnoreCase) || title.Length == 0
            ? time + " " + (title.Length == 0 ? kind : title)
            : t.Plain("brief.item", time, kind, title);
        return string.IsNullOrWhiteSpace(item.Place) ? line : t.Plain("brief.item_place", line, item.Place);
    }

    /// <summary>"长沙某化工有限公司（长沙市望城区 甲类仓库）".</summary>
    public static string UnitWhere(Texts t, FindingFact f)
    {
        var where = string.Join(" ", new[] { f.City, f.Place }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return where.Length == 0 ? f.Unit : t.Plain("brief.unit_where", f.Unit, where);
    }

    public static string SectorLabel(Texts t, FindingFact f) =>
        f.Sector == Sector.Other && !string.IsNullOrWhiteSpace(f.SectorOther) ? f.SectorOther : t[f.Sector.Key()];

    /// <summary>The findings grouped under the four aspects, each item "一是…（G7-001）；" (major hazards are listed apart).</summary>
    public static List<BriefBlock> AspectGroups(IEnumerable<FindingFact> findings, Texts t, int firstGroup)
    {
        var blocks = new List<BriefBlock>();
        var group = firstGroup;
        foreach (var aspect in Enum.GetValues<Aspect>())
        {
            var items = findings.Where(f => f.Aspect == aspect).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            blocks.Add(new BriefSubheading(t.Plain("brief.aspect_group", BriefFormat.GroupNumber(t, group++), t[aspect.ShortKey()])));
            blocks.Add(new BriefList([.. items.Select((f, i) =>
                t.Plain("brief.problem", BriefFormat.ItemMarker(t, i + 1), UnitWhere(t, f), BriefFormat.Trimmed(f.Description), f.Code)
                + BriefFormat.ItemEnd(t, i == items.Count - 1))]));
        }

        return blocks;
    }

    public static string MajorLine(Texts t, FindingFact f, int number, DateOnly reference) =>
        t.Plain("brief.major_line", number, f.Code, UnitWhere(t, f), BriefFormat.Trimmed(f.Description),
            string.IsNullOrWhiteSpace(f.Basis) ? "" : t.Plain("brief.basis", BriefFormat.Trimmed(f.Basis)),
            f.Deadline is { } d ? t.Plain("brief.deadline", BriefFormat.Date(t, d, reference)) : "");

    /// <summary>"重大事故隐患1项、一般隐患6项、问题2项" (major hazards always named).</summary>
    public static string SeverityCounts(IReadOnlyList<FindingFact> findings, Texts t) =>
        string.Join(t["brief.list_separator"], Enum.GetValues<Severity>()
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(s => s.Count > 0 || s.Severity == Severity.MajorHazard)
            .Select(s => t.Plain("brief.severity_count", t[s.Severity.Key()], s.Count)));

    /// <summary>"危险化学品3项、燃气2项…", largest first.</summary>
    public static string SectorCounts(IReadOnlyList<FindingFact> findings, Texts t) =>
        string.Join(t["brief.list_separator"], findings.GroupBy(f => SectorLabel(t, f))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(f => f.Code), StringComparer.Ordinal)
            .Select(g => t.Plain("brief.label_count", g.Key, g.Count())));

    /// <summary>"安全生产责任落实3项…", in the order of the four aspects.</summary>
    public static string AspectCounts(IReadOnlyList<FindingFact> findings, Texts t) =>
        string.Join(t["brief.list_separator"], Enum.GetValues<Aspect>()
            .Select(a => (Aspect: a, Count: findings.Count(f => f.Aspect == a))).Where(a => a.Count > 0)
            .Select(a => t.Plain("brief.label_count", t[a.Aspect.ShortKey()], a.Count)));

    /// <summary>An English sentence starts with a capital; Chinese has none.</summary>
    private static string Sentence(Texts t, string text) =>
        t.Language == Language.English && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static List<BriefBlock> Work(DayFacts facts, Texts t)
    {
        var blocks = new List<BriefBlock>
        {
            new BriefParagraph(CountsSentence(facts.Counts, t) is { } counts ? t.Plain("brief.work", counts) : t["brief.work_none"]),
        };
        if (facts.Today.Count > 0)
        {
            blocks.Add(new BriefParagraph(t["brief.itinerary"]));
            blocks.Add(new BriefList([.. facts.Today.Select(i => ItineraryLine(t, i, tomorrow: false))]));
        }

        if (facts.Notes.Count > 0)
        {
            blocks.Add(new BriefParagraph(t["brief.notes"]));
            blocks.Add(new BriefList([.. facts.Notes.Select(n => t.Plain("brief.note_line", t["note.kind." + n.Kind.ToString().ToLowerInvariant()], n.Author, n.Text.Trim()))]));
        }

        return blocks;
    }

    private static List<BriefBlock> Problems(IReadOnlyList<FindingFact> findings, DateOnly day, Texts t)
    {
        if (findings.Count == 0)
        {
            return [new BriefParagraph(t["brief.no_findings"])];
        }

        var space = t.Language == Language.English ? " " : "";
        var blocks = new List<BriefBlock>
        {
            new BriefParagraph(t.Plain("brief.totals", findings.Count, SeverityCounts(findings, t))
                + space + t.Plain("brief.by_sector", SectorCounts(findings, t))
                + space + t.Plain("brief.by_aspect", AspectCounts(findings, t))),
        };
        var majors = findings.Where(f => f.Severity == Severity.MajorHazard).ToList();
        if (majors.Count > 0)
        {
            blocks.Add(new BriefParagraph(t["brief.majors"]));
            blocks.Add(new BriefList([.. majors.Select((f, i) => MajorLine(t, f, i + 1, day))]));
        }

        var others = findings.Where(f => f.Severity != Severity.MajorHazard).ToList();
        if (others.Count > 0)
        {
            blocks.Add(new BriefParagraph(t["brief.main_problems"]));
            blocks.AddRange(AspectGroups(others, t, 1));
        }

        return blocks;
    }

    /// <summary>Fixed on the spot, given a deadline, handed over: one sentence.</summary>
    public static string FollowUp(IReadOnlyList<FindingFact> findings, DateOnly day, Texts t)
    {
        var separator = t["brief.list_separator"];
        var parts = new List<string>();
        var fixedOnSpot = findings.Where(f => f.FixedOnSpot).ToList();
        if (fixedOnSpot.Count > 0)
        {
            parts.Add(t.Plain("brief.fixed", fixedOnSpot.Count, string.Join(separator, fixedOnSpot.Select(f => f.Code))));
        }

        var withDeadline = findings.Where(f => !f.FixedOnSpot && f.Deadline is not null).ToList();
        if (withDeadline.Count > 0)
        {
            parts.Add(t.Plain("brief.deadlines", withDeadline.Count, BriefFormat.Date(t, withDeadline.Min(f => f.Deadline!.Value), day)));
        }

        var handed = findings.Where(f => !string.IsNullOrWhiteSpace(f.HandedOverTo)).ToList();
        if (handed.Count > 0)
        {
            parts.Add(t.Plain("brief.handed", handed.Count, string.Join(t["brief.count.separator"], handed.Select(f => t.Plain("brief.handed_item", f.Code, f.HandedOverTo)))));
        }

        return parts.Count == 0 ? t["brief.follow_up_none"] : t.Plain("brief.follow_up", Sentence(t, string.Join(t["brief.count.separator"], parts)));
    }

    private static List<BriefBlock> Tips(DayFacts facts, Texts t)
    {
        if (Math.Max(facts.Counts.Tips, facts.Tips.Count) == 0)
        {
            return [new BriefParagraph(t["brief.tips_none"])];
        }

        var blocks = new List<BriefBlock> { new BriefParagraph(TipsIntro(facts, t)) };
        if (facts.Tips.Count > 0)
        {
            blocks.Add(new BriefList([.. TipLines(facts, t)]));
        }

        return blocks;
    }

    /// <summary>"受理举报2件（电话1件、邮箱1件）：".</summary>
    public static string TipsIntro(DayFacts facts, Texts t)
    {
        var received = Math.Max(facts.Counts.Tips, facts.Tips.Count);
        var channels = string.Join(t["brief.list_separator"], facts.Tips
            .GroupBy(tip => tip.Channel ?? TipChannel.Other).OrderBy(g => g.Key)
            .Select(g => t.Plain("brief.tip_channel", t[Note.ChannelKey(g.Key)], g.Count())));
        return received > facts.Tips.Count
            ? t.Plain("brief.tips_more", received, facts.Tips.Count, channels)
            : t.Plain("brief.tips", received, channels);
    }

    public static IEnumerable<string> TipLines(DayFacts facts, Texts t) =>
        facts.Tips.Select((tip, i) => t.Plain("brief.tip_line", i + 1,
            BriefFormat.Trimmed(tip.Subject ?? t["brief.tip_unrecorded"]), BriefFormat.Trimmed(tip.Handling ?? t["brief.tip_unrecorded"])));

    private static List<BriefBlock> Tomorrow(DayFacts facts, Texts t)
    {
        var date = BriefFormat.DayWithWeekday(t, facts.NextDay);
        if (facts.Tomorrow.Count == 0)
        {
            return [new BriefParagraph(t.Plain("brief.tomorrow_none", date))];
        }

        return
        [
            new BriefParagraph(t.Plain("brief.tomorrow", date)),
            new BriefList([.. facts.Tomorrow.Select(i => ItineraryLine(t, i, tomorrow: true))]),
        ];
    }

    private static string Basic(VisitFacts facts, Texts t)
    {
        var sentences = new List<string>();
        if (CountsSentence(facts.Counts, t) is { } counts)
        {
            sentences.Add(t.Plain("report.work", counts));
        }

        if (facts.Cities.Count > 0)
        {
            sentences.Add(t.Plain("report.cities", string.Join(t["brief.list_separator"], facts.Cities)));
        }

        sentences.Add(t.Plain("report.totals", facts.Findings.Count, facts.Findings.Count(f => f.Severity == Severity.MajorHazard)));
        return t.Plain("report.basic", BriefFormat.FullDate(t, facts.From), BriefFormat.FullDate(t, facts.To), TeamLabel(t, facts.Team), facts.Team.Region,
            string.Join(t.Language == Language.English ? " " : "", sentences));
    }

    private static List<BriefBlock> Highlights(VisitFacts facts, Texts t)
    {
        if (facts.Highlights.Count == 0)
        {
            return [new BriefParagraph(t["report.highlights_none"])];
        }

        return
        [
            new BriefParagraph(t.Plain("report.highlights_intro", facts.Team.Region)),
            new BriefList([.. facts.Highlights.Select((h, i) =>
                t.Plain("report.highlight", t.Language == Language.English ? "" : BriefFormat.Chinese(i + 1), BriefFormat.Trimmed(h.Text))
                + BriefFormat.ItemEnd(t, i == facts.Highlights.Count - 1))]),
        ];
    }

    private static List<BriefBlock> MainProblems(VisitFacts facts, Texts t)
    {
        if (facts.Findings.Count == 0)
        {
            return [new BriefParagraph(t["report.no_findings"])];
        }

        var blocks = new List<BriefBlock>();
        var majors = facts.Findings.Where(f => f.Severity == Severity.MajorHazard).ToList();
        var group = 1;
        if (majors.Count > 0)
        {
            blocks.Add(new BriefSubheading(t.Plain("report.majors", BriefFormat.GroupNumber(t, group++))));
            blocks.Add(new BriefList([.. majors.Select((f, i) => MajorLine(t, f, i + 1, facts.To))]));
        }

        blocks.AddRange(AspectGroups(facts.Findings.Where(f => f.Severity != Severity.MajorHazard), t, group));
        return blocks;
    }

    private static List<BriefBlock> Annexes(VisitFacts facts, Texts t)
    {
        var problems = new BriefTable(
            t["report.annex_problems"],
            [t["report.col.no"], t["report.col.code"], t["report.col.unit"], t["report.col.problem"], t["report.col.basis"], t["report.col.responsible"], t["report.col.deadline"]],
            [.. facts.Findings.Select((f, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), f.Code, UnitWhere(t, f), f.Description.Trim(), f.Basis ?? "", f.ResponsibleUnit ?? "",
                f.Deadline is { } d ? BriefFormat.FullDate(t, d) : "",
            ])]);
        BriefBlock leads = facts.Leads.Count == 0
            ? new BriefParagraph(t["report.annex_leads_none"])
            : new BriefTable(
                t["report.annex_leads"],
                [t["report.col.no"], t["report.col.lead"], t["report.col.handed_to"]],
                [.. facts.Leads.Select((l, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), l.What, l.HandedTo])]);
        return [problems, leads];
    }
}
