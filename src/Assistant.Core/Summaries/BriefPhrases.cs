using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;

namespace Assistant.Core.Summaries;

/// <summary>
/// The phrases both brief writers build documents from: team and aspect names, counts, itinerary and problem lines,
/// follow-up and tip sentences. Pure functions of the facts and the texts.
/// </summary>
public static class BriefPhrases
{
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

    /// <summary>The finding's sector (<see cref="SectorNames"/>).</summary>
    public static string SectorLabel(Texts t, FindingFact f) => SectorNames.Label(t, f.Sector, f.SectorOther);

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

    /// <summary>The tips received that day: the larger of the count (set with /tally or the day's tip notes) and the tips recorded.</summary>
    public static int TipsReceived(DayFacts facts) => Math.Max(facts.Counts.Tips, facts.Tips.Count);

    /// <summary>The tips a brief lists: those whose questions were answered (<see cref="TipFact.Recorded"/>).</summary>
    public static IReadOnlyList<TipFact> ListedTips(DayFacts facts) => [.. facts.Tips.Where(tip => tip.Recorded)];

    /// <summary>"受理举报2件（电话1件、邮箱1件）：", or "受理举报3件，已登记处理情况2件（…）：" when fewer are listed than received.</summary>
    public static string TipsIntro(DayFacts facts, Texts t)
    {
        var received = TipsReceived(facts);
        var listed = ListedTips(facts);
        var channels = string.Join(t["brief.list_separator"], listed
            .GroupBy(tip => tip.Channel ?? TipChannel.Other).OrderBy(g => g.Key)
            .Select(g => t.Plain("brief.tip_channel", t[Note.ChannelKey(g.Key)], g.Count())));
        return received > listed.Count
            ? t.Plain("brief.tips_more", received, listed.Count, channels)
            : t.Plain("brief.tips", received, channels);
    }

    /// <summary>One line per listed tip: what it reports and how it was handled, never who sent it.</summary>
    public static IEnumerable<string> TipLines(DayFacts facts, Texts t) =>
        ListedTips(facts).Select((tip, i) => t.Plain("brief.tip_line", i + 1, TipText(tip, t)));

    /// <summary>An English sentence starts with a capital; Chinese has none.</summary>
    private static string Sentence(Texts t, string text) =>
        t.Language == Language.English && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>
    /// "反映…；处理情况：…。" for a recorded tip; its subject as typed when it already says 反映 itself
    /// ("举报群众反映…"), so the verb is never doubled.
    /// </summary>
    internal static string TipText(TipFact tip, Texts t)
    {
        var subject = BriefFormat.Trimmed(tip.Subject ?? "");
        return t.Plain(subject.Contains("反映", StringComparison.Ordinal) ? "brief.tip_text_as_is" : "brief.tip_text", subject, BriefFormat.Trimmed(tip.Handling ?? ""));
    }
}
