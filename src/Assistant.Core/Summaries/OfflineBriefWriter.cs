using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>
/// Composes the daily brief and the feedback from the structured facts, in the standard section order and the form
/// of an official document (masthead, 报送/抄送, signature, annexes): deterministic, no model. Every count comes
/// from <see cref="CountRules"/>. The narrative parts (what the day's notes showed, the overall assessment's opening
/// and highlights) are slots (<see cref="BriefNarrative"/>) filled by a narrative writer: offline excerpts of the
/// notes by default (<see cref="OfflineNarratives"/>), or what another writer produced for each slot.
/// </summary>
public static class OfflineBriefWriter
{
    public const string Name = "offline";

    /// <summary>The daily brief with every narrative part written offline.</summary>
    public static BriefDocument Daily(DayFacts facts, Texts t) => Daily(facts, t, NoNarratives);

    /// <summary>
    /// The daily brief with the narrative parts given; a part of the plan not given is written offline (an empty one
    /// is left out).
    /// </summary>
    public static BriefDocument Daily(DayFacts facts, Texts t, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> narratives)
    {
        narratives = WithOffline(narratives, NarrativePlan.Day(facts), facts.Settings, t);
        var doc = new BriefDocument(
            t["brief.title"],
            null,
            [
                new BriefSection(t["brief.h1"], Work(facts, t, narratives)),
                new BriefSection(t["brief.h2"], Problems(facts, t)),
                new BriefSection(t["brief.h3"], [new BriefParagraph(FollowUp(facts, t))]),
                new BriefSection(t["brief.h4"], Tips(facts, t)),
                new BriefSection(t["brief.h5"], Tomorrow(facts, t)),
            ],
            null,
            t.Language.Code())
        {
            Sensitivity = HasCovertDetails(facts) ? t["doc.sensitivity"] : null,
            Masthead = new BriefMasthead(t.Plain("brief.issue", facts.IssueNumber), TeamFullName(t, facts.Team), BriefFormat.FullDate(t, facts.Day)),
            Distribution = Distribution(facts.Settings, t),
            Appendix = facts.Notes.Count == 0 ? null : new BriefAppendix(t["brief.appendix"],
                [.. facts.Notes.Select(n => t.Plain("brief.appendix_entry", t["note.kind." + n.Kind.ToString().ToLowerInvariant()], n.Author, n.Text.Trim()))]),
        };
        return ChineseTypography.Tidy(doc);
    }

    /// <summary>The feedback with its narrative parts written offline.</summary>
    public static BriefDocument Feedback(VisitFacts facts, Texts t) => Feedback(facts, t, NoNarratives);

    /// <summary>The feedback with the narrative parts given; a part of the plan not given is written offline.</summary>
    public static BriefDocument Feedback(VisitFacts facts, Texts t, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> narratives)
    {
        narratives = WithOffline(narratives, NarrativePlan.Visit(facts), facts.Settings, t);
        var annexes = Annexes(facts, t);
        var doc = new BriefDocument(
            t.Plain("report.title", facts.Team.Region),
            null,
            [
                new BriefSection(t["report.h1"], [new BriefParagraph(Basic(facts, t))]),
                new BriefSection(t["report.h2"], Assessment(narratives)),
                new BriefSection(t["report.h3"], MainProblems(facts, t)),
                new BriefSection(t["report.h4"], [new BriefList(Requirements(facts, t))]),
            ],
            null,
            t.Language.Code())
        {
            Sensitivity = facts.Findings.Concat(facts.AfterVisit).Any(f => f.Covert) ? t["doc.sensitivity"] : null,
            Signature = new BriefSignature(
                [.. annexes.Select((a, i) => t.Plain("report.annex_item", i + 1, a.Title))], TeamFullName(t, facts.Team), BriefFormat.FullDate(t, facts.Written)),
            Annexes = annexes,
            Hints = facts.Highlights.Count == 0 ? [t["report.hint_highlights"]] : [],
        };
        return ChineseTypography.Tidy(doc);
    }

    private static readonly IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> NoNarratives = new Dictionary<NarrativeSlot, IReadOnlyList<string>>();

    /// <summary>The parts given, and the offline text of every other part of the plan.</summary>
    private static Dictionary<NarrativeSlot, IReadOnlyList<string>> WithOffline(
        IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> given, IReadOnlyList<NarrativeRequest> plan, DocumentSettings settings, Texts t)
    {
        var all = new OfflineNarratives(settings.ExcerptLength).WriteAll(plan.Where(r => !given.ContainsKey(r.Slot)), t).ToDictionary();
        foreach (var (slot, paragraphs) in given)
        {
            all[slot] = paragraphs;
        }

        return all;
    }

    /// <summary>The four standard rectification requirements, the last with the plan's due date.</summary>
    public static IReadOnlyList<string> Requirements(VisitFacts facts, Texts t) =>
    [
        t["report.requirements.1"], t["report.requirements.2"], t["report.requirements.3"],
        t.Plain("report.requirements.4", BriefFormat.FullDate(t, facts.PlanDue)),
    ];

    /// <summary>"第七组" in Chinese; "第七组 (G7)" in English, where the name alone means little.</summary>
    public static string TeamLabel(Texts t, TeamFacts team) =>
        t.Language == Language.English ? $"{team.Name} ({team.Code})" : team.Name;

    /// <summary>"国务院安全生产和消防工作考核巡查第七组": the issuer of the brief and the signature of the feedback.</summary>
    public static string TeamFullName(Texts t, TeamFacts team) => t.Plain("doc.team_full_name", TeamLabel(t, team));

    /// <summary>
    /// An aspect's full name as the work programme words it, the campaign's year from the visit
    /// ("重大事故隐患专项排查整治2023行动和…组织实施情况"); <paramref name="asHeading"/>: its "…方面" form.
    /// </summary>
    public static string AspectName(Texts t, Aspect aspect, int campaignYear, bool asHeading)
    {
        var name = t.Plain($"doc.aspect.{(int)aspect}", campaignYear);
        return asHeading && name.EndsWith("情况", StringComparison.Ordinal) ? name[..^2] + "方面" : name;
    }

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

    /// <summary>"08:30—10:00，听取省应急管理厅专题汇报（省应急管理厅）"; a covert visit shows only its time.</summary>
    public static string ItineraryLine(Texts t, ItineraryFact item, bool tomorrow)
    {
        var time = t.Plain("brief.item_time", BriefFormat.Time(item.Start), BriefFormat.Time(item.End));
        if (item.Covert)
        {
            return t.Plain(tomorrow ? "brief.item_covert_tomorrow" : "brief.item_covert_today", time);
        }

        var title = string.IsNullOrWhiteSpace(item.Title) ? t[item.Kind.Key()] : item.Title.Trim();
        var line = t.Plain("brief.item", time, BriefFormat.Trimmed(title));
        return string.IsNullOrWhiteSpace(item.Place) || title.Contains(item.Place.Trim(), StringComparison.Ordinal)
            ? line
            : t.Plain("brief.item_place", line, item.Place.Trim());
    }

    /// <summary>"长沙某化工有限公司（长沙市望城区）": the unit and where it is, unless its name says so; covert findings marked.</summary>
    public static string UnitWhere(Texts t, FindingFact f)
    {
        var where = string.Concat(new[] { f.City, f.Place }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        if (where.Length > 0 && f.Unit.StartsWith(f.City.Trim(), StringComparison.Ordinal) && string.IsNullOrWhiteSpace(f.Place))
        {
            where = "";
        }

        var notes = new List<string>();
        if (where.Length > 0)
        {
            notes.Add(where);
        }

        if (f.Covert)
        {
            notes.Add(t["doc.covert_mark"]);
        }

        return notes.Count == 0 ? f.Unit : t.Plain("brief.unit_where", f.Unit, string.Join(t["doc.clause_separator"], notes));
    }

    public static string SectorLabel(Texts t, FindingFact f) =>
        f.Sector == Sector.Other && !string.IsNullOrWhiteSpace(f.SectorOther) ? f.SectorOther : t[f.Sector.Key()];

    /// <summary>"重大事故隐患1项、一般隐患6项、问题2项" (major hazards always named).</summary>
    public static string SeverityCounts(IReadOnlyList<FindingFact> findings, Texts t) =>
        string.Join(t["brief.list_separator"], FindingCounts.By(findings, f => f.Severity)
            .Where(s => s.Count > 0 || s.Value == Severity.MajorHazard)
            .Select(s => t.Plain("brief.severity_count", t[s.Value.Key()], s.Count)));

    /// <summary>"危险化学品3项、城镇燃气2项…", largest first (sectors typed in as other count as 其他).</summary>
    public static string SectorCounts(IReadOnlyList<FindingFact> findings, Texts t) =>
        string.Join(t["brief.list_separator"], FindingCounts.By(findings, f => f.Sector).Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Value)
            .Select(s => t.Plain("brief.label_count", t[s.Value.Key()], s.Count)));

    /// <summary>"安全生产责任落实方面3项…", in the order of the four aspects, by their full names.</summary>
    public static string AspectCounts(IReadOnlyList<FindingFact> findings, Texts t, int campaignYear) =>
        string.Join(t["brief.list_separator"], FindingCounts.By(findings, f => f.Aspect).Where(a => a.Count > 0)
            .Select(a => t.Plain("brief.label_count", AspectName(t, a.Value, campaignYear, asHeading: true), a.Count)));

    /// <summary>The day's follow-up in one sentence: fixed on the spot, deadlines, handed over, closed and extended that day.</summary>
    public static string FollowUp(DayFacts facts, Texts t)
    {
        var findings = facts.Findings;
        var day = facts.Day;
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

        if (facts.Closed.Count > 0)
        {
            parts.Add(t.Plain("brief.closed", facts.Closed.Count, string.Join(separator, facts.Closed.Select(f => f.Code))));
        }

        if (facts.Extended.Count > 0)
        {
            parts.Add(t.Plain("brief.extended", facts.Extended.Count, string.Join(t["brief.count.separator"], facts.Extended.Select(e =>
                t.Plain("brief.extended_item", e.Finding.Code, e.From is { } from ? BriefFormat.Date(t, from, day) : "", BriefFormat.Date(t, e.To, day))))));
        }

        return parts.Count == 0 ? t["brief.follow_up_none"] : t.Plain("brief.follow_up", Sentence(t, string.Join(t["brief.count.separator"], parts)));
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

    /// <summary>One line per tip: what it reports and how it was handled, never who sent it.</summary>
    public static IEnumerable<string> TipLines(DayFacts facts, Texts t) =>
        facts.Tips.Select((tip, i) => t.Plain("brief.tip_line", i + 1, TipText(tip, t)));

    /// <summary>An English sentence starts with a capital; Chinese has none.</summary>
    private static string Sentence(Texts t, string text) =>
        t.Language == Language.English && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string TipText(TipFact tip, Texts t) =>
        t.Plain("brief.tip_text", BriefFormat.Trimmed(tip.Subject ?? t["brief.tip_unrecorded"]), BriefFormat.Trimmed(tip.Handling ?? t["brief.tip_unrecorded"]));

    /// <summary>Covert targets named anywhere in the brief: a covert finding (today's, closed or extended today) or a covert visit on the itinerary.</summary>
    private static bool HasCovertDetails(DayFacts facts) =>
        facts.Findings.Concat(facts.Closed).Concat(facts.Extended.Select(e => e.Finding)).Any(f => f.Covert)
        || facts.Today.Concat(facts.Tomorrow).Any(i => i.Covert);

    private static IReadOnlyList<string> Distribution(DocumentSettings settings, Texts t) =>
    [
        .. settings.SubmitTo is { } submit ? new[] { t.Plain("doc.submit_to", submit) } : [],
        .. settings.CopyTo is { } copy ? new[] { t.Plain("doc.copy_to", copy) } : [],
    ];

    /// <summary>
    /// Items of a group: two or more as "一是…；二是…。" (one paragraph each), a single one as a plain sentence.
    /// </summary>
    private static BriefBlock Group(IReadOnlyList<string> items, Texts t)
    {
        if (items.Count == 1)
        {
            return new BriefParagraph(BriefFormat.Trimmed(items[0]) + BriefFormat.ItemEnd(t, last: true));
        }

        return new BriefList([.. items.Select((item, i) => BriefFormat.ItemMarker(t, i + 1) + BriefFormat.Trimmed(item) + BriefFormat.ItemEnd(t, i == items.Count - 1))]);
    }

    /// <summary>A problem as a sentence: "长沙某酒店（长沙市开福区）：消防控制室值班人员未持证上岗（G7-006）".</summary>
    private static string ProblemText(Texts t, FindingFact f, bool withCode, DateOnly reference, bool major)
    {
        var tags = new List<string>();
        if (withCode)
        {
            tags.Add(f.Code);
        }

        if (f.Closed)
        {
            tags.Add(t["doc.closed_mark"]);
        }

        var text = t.Plain("brief.problem", UnitWhere(t, f), BriefFormat.Trimmed(f.Description))
            + (tags.Count == 0 ? "" : t.Plain("doc.tags", string.Join(t["doc.clause_separator"], tags)));
        if (!major)
        {
            return text;
        }

        return text + BriefFormat.ItemEnd(t, last: true)
            + (string.IsNullOrWhiteSpace(f.Basis) ? "" : t.Plain("brief.basis", BriefFormat.Trimmed(f.Basis)))
            + (f.Deadline is { } d && !f.Closed ? t.Plain("brief.deadline", BriefFormat.Date(t, d, reference)) : "");
    }

    private static List<BriefBlock> Work(DayFacts facts, Texts t, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> narratives)
    {
        var blocks = new List<BriefBlock>
        {
            new BriefParagraph(CountsSentence(facts.Counts, t) is { } counts ? t.Plain("brief.work", counts) : t["brief.work_none"]),
        };
        if (facts.Today.Count > 0)
        {
            blocks.Add(new BriefParagraph(t.Plain("brief.itinerary", string.Join(t["brief.count.separator"], facts.Today.Select(i => ItineraryLine(t, i, tomorrow: false))))));
        }

        foreach (var request in NarrativePlan.Day(facts))
        {
            if (narratives.TryGetValue(request.Slot, out var paragraphs) && paragraphs.Count > 0)
            {
                blocks.Add(new BriefNarrative(request.Slot, paragraphs));
            }
        }

        return blocks;
    }

    private static List<BriefBlock> Problems(DayFacts facts, Texts t)
    {
        var findings = facts.Findings;
        if (findings.Count == 0)
        {
            return [new BriefParagraph(t["brief.no_findings"])];
        }

        var space = t.Language == Language.English ? " " : "";
        var blocks = new List<BriefBlock>
        {
            new BriefParagraph(t.Plain("brief.totals", findings.Count, SeverityCounts(findings, t))
                + space + t.Plain("brief.by_sector", SectorCounts(findings, t))
                + space + t.Plain("brief.by_aspect", AspectCounts(findings, t, facts.Team.CampaignYear))),
        };
        var majors = findings.Where(f => f.Severity == Severity.MajorHazard).ToList();
        if (majors.Count > 0)
        {
            blocks.Add(new BriefParagraph(t.Plain("brief.majors", majors.Count)));
            blocks.Add(Group([.. majors.Select(f => ProblemText(t, f, withCode: true, facts.Day, major: true))], t));
        }

        var others = findings.Where(f => f.Severity != Severity.MajorHazard).ToList();
        if (others.Count > 0)
        {
            blocks.Add(new BriefParagraph(t["brief.main_problems"]));
            blocks.AddRange(AspectGroups(others, t, 1, facts.Team.CampaignYear, withCode: true, facts.Day));
        }

        return blocks;
    }

    /// <summary>The findings grouped under the four aspects: a "（一）…方面" heading, then the group (一是…).</summary>
    private static List<BriefBlock> AspectGroups(IEnumerable<FindingFact> findings, Texts t, int firstGroup, int campaignYear, bool withCode, DateOnly reference)
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

            blocks.Add(new BriefSubheading(t.Plain("doc.aspect_group", BriefFormat.GroupNumber(t, group++), AspectName(t, aspect, campaignYear, asHeading: true))));
            blocks.Add(Group([.. items.Select(f => ProblemText(t, f, withCode, reference, major: false))], t));
        }

        return blocks;
    }

    private static List<BriefBlock> Tips(DayFacts facts, Texts t)
    {
        if (Math.Max(facts.Counts.Tips, facts.Tips.Count) == 0)
        {
            return [new BriefParagraph(t["brief.tips_none"])];
        }

        if (facts.Tips.Count == 1)
        {
            return [new BriefParagraph(TipsIntro(facts, t) + TipText(facts.Tips[0], t))];
        }

        var blocks = new List<BriefBlock> { new BriefParagraph(TipsIntro(facts, t)) };
        if (facts.Tips.Count > 0)
        {
            blocks.Add(new BriefList([.. TipLines(facts, t)]));
        }

        return blocks;
    }

    private static List<BriefBlock> Tomorrow(DayFacts facts, Texts t)
    {
        var date = BriefFormat.DayWithWeekday(t, facts.NextDay);
        if (facts.Tomorrow.Count == 0)
        {
            return [new BriefParagraph(t.Plain("brief.tomorrow_none", date))];
        }

        var lines = facts.Tomorrow.Select(i => ItineraryLine(t, i, tomorrow: true)).ToList();
        return lines.Count == 1
            ? [new BriefParagraph(t.Plain("brief.tomorrow", date) + lines[0] + BriefFormat.ItemEnd(t, last: true))]
            : [new BriefParagraph(t.Plain("brief.tomorrow", date)), new BriefList([.. lines.Select((l, i) => l + BriefFormat.ItemEnd(t, i == lines.Count - 1))])];
    }

    private static string Basic(VisitFacts facts, Texts t)
    {
        var english = t.Language == Language.English;
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
        if (facts.AfterVisit.Count > 0)
        {
            var majors = facts.AfterVisit.Count(f => f.Severity == Severity.MajorHazard);
            sentences.Add(majors > 0
                ? t.Plain("report.after_visit_totals", facts.AfterVisit.Count, majors)
                : t.Plain("report.after_visit_totals_minor", facts.AfterVisit.Count));
        }

        var to = english ? BriefFormat.FullDate(t, facts.To) : BriefFormat.Date(t, facts.To, facts.From);
        return t.Plain("report.basic", BriefFormat.FullDate(t, facts.From), to, TeamFullName(t, facts.Team), facts.Team.Region,
            string.Join(english ? " " : "", sentences));
    }

    private static List<BriefBlock> Assessment(IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> narratives) =>
    [
        .. new[] { NarrativeSlot.FeedbackOpening, NarrativeSlot.FeedbackHighlights }
            .Where(slot => narratives.TryGetValue(slot, out var p) && p.Count > 0)
            .Select(slot => new BriefNarrative(slot, narratives[slot])),
    ];

    private static List<BriefBlock> MainProblems(VisitFacts facts, Texts t)
    {
        if (facts.Findings.Count == 0 && facts.AfterVisit.Count == 0)
        {
            return [new BriefParagraph(t["report.no_findings"])];
        }

        var withCode = facts.Settings.FindingNumbersInFeedback;
        var year = facts.Team.CampaignYear;
        var blocks = new List<BriefBlock>();
        var majors = facts.Findings.Where(f => f.Severity == Severity.MajorHazard).ToList();
        var group = 1;
        if (majors.Count > 0)
        {
            blocks.Add(new BriefSubheading(t.Plain("report.majors", BriefFormat.GroupNumber(t, group++))));
            blocks.Add(Group([.. majors.Select(f => ProblemText(t, f, withCode, facts.Written, major: true))], t));
        }

        var others = facts.Findings.Where(f => f.Severity != Severity.MajorHazard).ToList();
        blocks.AddRange(AspectGroups(others, t, group, year, withCode, facts.Written));
        group += others.Select(f => f.Aspect).Distinct().Count();
        if (facts.AfterVisit.Count > 0)
        {
            blocks.Add(new BriefSubheading(t.Plain("report.after_visit", BriefFormat.GroupNumber(t, group))));
            blocks.Add(Group([.. facts.AfterVisit.Select(f => (f.Severity == Severity.MajorHazard ? t["report.major_mark"] : "")
                + ProblemText(t, f, withCode, facts.Written, major: false))], t));
        }

        return blocks;
    }

    private static List<BriefAnnex> Annexes(VisitFacts facts, Texts t)
    {
        var annexes = new List<BriefAnnex> { new("", t["report.annex_problems"], ProblemTable(facts.Findings, t, facts.Team.CampaignYear)) };
        if (facts.AfterVisit.Count > 0)
        {
            annexes.Add(new("", t["report.annex_after_visit"], ProblemTable(facts.AfterVisit, t, facts.Team.CampaignYear)));
        }

        if (facts.Leads.Count > 0)
        {
            annexes.Add(new("", t["report.annex_leads"], new BriefTable(null,
                [t["report.col.no"], t["report.col.lead"], t["report.col.handed_to"]],
                [.. facts.Leads.Select((l, i) => (IReadOnlyList<string>)[Number(i + 1), Cell(l.What), Cell(l.HandedTo)])])));
        }

        return [.. annexes.Select((a, i) => a with { Label = t.Plain("report.annex_label", i + 1) })];
    }

    /// <summary>The problem list: number, code, unit and place, sector, severity, problem, basis, responsible unit, deadline, rectification.</summary>
    private static BriefTable ProblemTable(IReadOnlyList<FindingFact> findings, Texts t, int campaignYear) => new(
        null,
        [
            t["report.col.no"], t["report.col.code"], t["report.col.unit"], t["report.col.sector"], t["report.col.severity"], t["report.col.problem"],
            t["report.col.basis"], t["report.col.responsible"], t["report.col.deadline"], t["report.col.status"],
        ],
        [.. findings.Select((f, i) => (IReadOnlyList<string>)
        [
            Number(i + 1), f.Code, Cell(UnitWhere(t, f)), Cell(SectorLabel(t, f)), t[f.Severity.Key()], Cell(f.Description),
            Cell(f.Basis), Cell(f.ResponsibleUnit), f.Deadline is { } d ? BriefFormat.FullDate(t, d) : Cell(null), RectificationCell(t, f),
        ])]);

    /// <summary>已整改销号 for a closed item; 已整改待验收, 立行立改 or 限期整改 otherwise.</summary>
    private static string RectificationCell(Texts t, FindingFact f) => f.Status switch
    {
        RectificationStatus.Closed => t["doc.closed_mark"],
        RectificationStatus.Rectified => t["doc.rectified_mark"],
        _ when f.FixedOnSpot => t["doc.fixed_mark"],
        _ when f.Deadline is null => t["status.open"],
        _ => t["doc.open_mark"],
    };

    /// <summary>A table cell: one line, no closing punctuation, "—" when empty.</summary>
    private static string Cell(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "—" : BriefFormat.Trimmed(text.ReplaceLineEndings(" "));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
