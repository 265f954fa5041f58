using Assistant.Core.Findings;
using Assistant.Core.Ledger;
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
    public static BriefDocument Daily(DayFacts facts, Texts t) => BriefKinds.Daily.Write(facts, t, NoNarratives);

    /// <summary>The feedback with its narrative parts written offline.</summary>
    public static BriefDocument Feedback(VisitFacts facts, Texts t) => BriefKinds.Feedback.Write(facts, t, NoNarratives);

    /// <summary>The daily brief around the narrative parts (<see cref="BriefKinds.Daily"/>).</summary>
    internal static BriefDocument ComposeDaily(DayFacts facts, Texts t, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> narratives) =>
        new(
            t["brief.title"],
            null,
            [
                new BriefSection(t["brief.h1"], Work(facts, t, narratives)),
                new BriefSection(t["brief.h2"], Problems(facts, t)),
                new BriefSection(t["brief.h3"], [new BriefParagraph(BriefPhrases.FollowUp(facts, t))]),
                new BriefSection(t["brief.h4"], Tips(facts, t)),
                new BriefSection(t["brief.h5"], Tomorrow(facts, t)),
            ],
            null,
            t.Language.Code())
        {
            Sensitivity = HasCovertDetails(facts) ? t["doc.sensitivity"] : null,
            Masthead = new BriefMasthead(t.Plain("brief.issue", facts.IssueNumber), BriefPhrases.TeamFullName(t, facts.Team), BriefFormat.FullDate(t, facts.Day)),
            Distribution = Distribution(facts.Settings, t),
            Appendix = facts.Notes.Count == 0 ? null : new BriefAppendix(t["brief.appendix"],
                [.. facts.Notes.Select(n => t.Plain(n.Covert ? "brief.appendix_entry_covert" : "brief.appendix_entry", t["note.kind." + n.Kind.ToString().ToLowerInvariant()], n.Author, n.Text.Trim()))]),
            Hints = IncompleteTipsHint(facts, t),
        };

    /// <summary>The feedback around the narrative parts (<see cref="BriefKinds.Feedback"/>).</summary>
    internal static BriefDocument ComposeFeedback(VisitFacts facts, Texts t, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> narratives)
    {
        var annexes = Annexes(facts, t);
        return new BriefDocument(
            t.Plain("report.title", facts.Team.Region),
            null,
            [
                new BriefSection(t["report.h1"], [new BriefParagraph(Basic(facts, t))]),
                new BriefSection(t["report.h2"], Assessment(narratives)),
                new BriefSection(t["report.h3"], MainProblems(facts, t)),
                new BriefSection(t["report.h4"], [new BriefList(BriefPhrases.Requirements(facts, t))]),
            ],
            null,
            t.Language.Code())
        {
            Sensitivity = facts.Findings.Concat(facts.AfterVisit).Any(f => f.Covert) ? t["doc.sensitivity"] : null,
            Signature = new BriefSignature(
                [.. annexes.Select((a, i) => t.Plain("report.annex_item", i + 1, a.Title))], BriefPhrases.TeamFullName(t, facts.Team), BriefFormat.FullDate(t, facts.Written)),
            Annexes = annexes,
            Hints =
            [
                .. facts.Highlights.Count == 0 ? new[] { t["report.hint_highlights"] } : [],
                .. facts.CovertHighlights > 0 ? new[] { t.Plain("report.hint_covert_highlights", facts.CovertHighlights) } : [],
            ],
        };
    }

    private static readonly IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> NoNarratives = new Dictionary<NarrativeSlot, IReadOnlyList<string>>();

    /// <summary>Covert targets named anywhere in the brief: a covert finding (today's, closed or extended today), a covert visit on the itinerary, or a note written on one.</summary>
    private static bool HasCovertDetails(DayFacts facts) =>
        facts.Findings.Concat(facts.Closed).Concat(facts.Extended.Select(e => e.Finding)).Any(f => f.Covert)
        || facts.Today.Concat(facts.Tomorrow).Any(i => i.Covert)
        || facts.Notes.Any(n => n.Covert);

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

        var text = t.Plain("brief.problem", BriefPhrases.UnitWhere(t, f), BriefFormat.Trimmed(f.Description))
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
            new BriefParagraph(BriefPhrases.CountsSentence(facts.Counts, t) is { } counts ? t.Plain("brief.work", counts) : t["brief.work_none"]),
        };
        if (facts.Today.Count > 0)
        {
            blocks.Add(new BriefParagraph(t.Plain("brief.itinerary", string.Join(t["brief.count.separator"], facts.Today.Select(i => BriefPhrases.ItineraryLine(t, i, tomorrow: false))))));
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
            new BriefParagraph(t.Plain("brief.totals", findings.Count, BriefPhrases.SeverityCounts(findings, t))
                + space + t.Plain("brief.by_sector", BriefPhrases.SectorCounts(findings, t))
                + space + t.Plain("brief.by_aspect", BriefPhrases.AspectCounts(findings, t, facts.Team.CampaignYear))),
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
            blocks.AddRange(AspectGroups(others, majors, t, 1, facts.Team.CampaignYear, withCode: true, facts.Day));
        }

        return blocks;
    }

    /// <summary>
    /// The findings grouped under the four aspects: a "（一）…方面" heading, then the group (一是…). An aspect that also
    /// has major hazards, listed apart above (<paramref name="majorsAbove"/>), says so in its heading
    /// ("（另有重大事故隐患1项见上）"), so the group and the count by aspect (which includes them) agree.
    /// </summary>
    private static List<BriefBlock> AspectGroups(
        IEnumerable<FindingFact> findings, IReadOnlyList<FindingFact> majorsAbove, Texts t, int firstGroup, int campaignYear, bool withCode, DateOnly reference)
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

            var above = majorsAbove.Count(f => f.Aspect == aspect);
            blocks.Add(new BriefSubheading(t.Plain("doc.aspect_group", BriefFormat.GroupNumber(t, group++), BriefPhrases.AspectName(t, aspect, campaignYear, asHeading: true))
                + (above == 0 ? "" : t.Plain(above == 1 ? "doc.aspect_major_above" : "doc.aspect_majors_above", above))));
            blocks.Add(Group([.. items.Select(f => ProblemText(t, f, withCode, reference, major: false))], t));
        }

        return blocks;
    }

    /// <summary>
    /// The tips received and how each was handled; a tip left half-done is counted but not listed (no placeholder in
    /// the document), and the reader is told in chat (<see cref="IncompleteTipsHint"/>).
    /// </summary>
    private static List<BriefBlock> Tips(DayFacts facts, Texts t)
    {
        var received = BriefPhrases.TipsReceived(facts);
        var listed = BriefPhrases.ListedTips(facts);
        if (received == 0)
        {
            return [new BriefParagraph(t["brief.tips_none"])];
        }

        if (listed.Count == 0)
        {
            return [new BriefParagraph(t.Plain("brief.tips_counted", received))];
        }

        if (listed.Count == 1)
        {
            return [new BriefParagraph(BriefFormat.RunOn(BriefPhrases.TipsIntro(facts, t), BriefPhrases.TipText(listed[0], t)))];
        }

        return [new BriefParagraph(BriefPhrases.TipsIntro(facts, t)), new BriefList([.. BriefPhrases.TipLines(facts, t)])];
    }

    /// <summary>Outside the document: how many of the day's tips were left half-done, so the leader can have them completed.</summary>
    private static IReadOnlyList<string> IncompleteTipsHint(DayFacts facts, Texts t) =>
        facts.Tips.Count(tip => !tip.Recorded) is var incomplete and > 0 ? [t.Plain("brief.hint_incomplete_tips", incomplete)] : [];

    private static List<BriefBlock> Tomorrow(DayFacts facts, Texts t)
    {
        var date = BriefFormat.DayWithWeekday(t, facts.NextDay);
        if (facts.Tomorrow.Count == 0)
        {
            return [new BriefParagraph(t.Plain("brief.tomorrow_none", date))];
        }

        var lines = facts.Tomorrow.Select(i => BriefPhrases.ItineraryLine(t, i, tomorrow: true)).ToList();
        return lines.Count == 1
            ? [new BriefParagraph(BriefFormat.RunOn(t.Plain("brief.tomorrow", date), lines[0] + BriefFormat.ItemEnd(t, last: true)))]
            : [new BriefParagraph(t.Plain("brief.tomorrow", date)), new BriefList([.. lines.Select((l, i) => l + BriefFormat.ItemEnd(t, i == lines.Count - 1))])];
    }

    private static string Basic(VisitFacts facts, Texts t)
    {
        var english = t.Language == Language.English;
        var sentences = new List<string>();
        if (BriefPhrases.CountsSentence(facts.Counts, t) is { } counts)
        {
            sentences.Add(t.Plain("report.work", counts));
        }

        if (facts.Cities.Count > 0)
        {
            sentences.Add(t.Plain("report.cities", string.Join(t["brief.list_separator"], facts.Cities)));
        }

        var visitMajors = facts.Findings.Count(f => f.Severity == Severity.MajorHazard);
        sentences.Add(t.Plain(visitMajors == 1 ? "report.totals_one_major" : "report.totals", facts.Findings.Count, visitMajors));
        if (facts.AfterVisit.Count > 0)
        {
            var majors = facts.AfterVisit.Count(f => f.Severity == Severity.MajorHazard);
            sentences.Add(majors > 0
                ? t.Plain("report.after_visit_totals", facts.AfterVisit.Count, majors)
                : t.Plain("report.after_visit_totals_minor", facts.AfterVisit.Count));
        }

        var to = english ? BriefFormat.FullDate(t, facts.To) : BriefFormat.Date(t, facts.To, facts.From);
        return t.Plain("report.basic", BriefFormat.FullDate(t, facts.From), to, BriefPhrases.TeamFullName(t, facts.Team), facts.Team.Region,
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
        blocks.AddRange(AspectGroups(others, majors, t, group, year, withCode, facts.Written));
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
        var annexes = new List<BriefAnnex> { new("", t["report.annex_problems"], ProblemTable(facts.Findings, t, facts.Written)) };
        if (facts.AfterVisit.Count > 0)
        {
            annexes.Add(new("", t["report.annex_after_visit"], ProblemTable(facts.AfterVisit, t, facts.Written)));
        }

        if (facts.Leads.Count > 0)
        {
            // The status column when leads are followed (a status for at least one of them).
            var withStatus = facts.Leads.Any(l => l.Status is not null);
            annexes.Add(new("", t["report.annex_leads"], new BriefTable(null,
                withStatus ? [t["report.col.no"], t["report.col.lead"], t["report.col.handed_to"], t["report.col.lead_status"]]
                    : [t["report.col.no"], t["report.col.lead"], t["report.col.handed_to"]],
                [.. facts.Leads.Select((l, i) => (IReadOnlyList<string>)(withStatus
                    ? [Number(i + 1), Cell(l.What), Cell(l.HandedTo), LeadStatusCell(t, l.Status)]
                    : [Number(i + 1), Cell(l.What), Cell(l.HandedTo)]))])));
        }

        return [.. annexes.Select((a, i) => a with { Label = t.Plain("report.annex_label", i + 1) })];
    }

    /// <summary>
    /// The problem list: number, code, unit and place, sector, severity, problem, basis, responsible unit, deadline, rectification
    /// (as it stands on <paramref name="written"/>, the document's date).
    /// </summary>
    private static BriefTable ProblemTable(IReadOnlyList<FindingFact> findings, Texts t, DateOnly written) => new(
        null,
        [
            t["report.col.no"], t["report.col.code"], t["report.col.unit"], t["report.col.sector"], t["report.col.severity"], t["report.col.problem"],
            t["report.col.basis"], t["report.col.responsible"], t["report.col.deadline"], t["report.col.status"],
        ],
        [.. findings.Select((f, i) => (IReadOnlyList<string>)
        [
            Number(i + 1), f.Code, Cell(BriefPhrases.UnitWhere(t, f)), Cell(BriefPhrases.SectorLabel(t, f)), t[f.Severity.Key()], Cell(f.Description),
            Cell(f.Basis), Cell(f.ResponsibleUnit), f.Deadline is { } d ? BriefFormat.FullDate(t, d) : Cell(null), RectificationCell(t, f, written),
        ])]);

    /// <summary>
    /// 已整改销号 for a closed item, 已整改待验收 for one waiting to be verified (the ledger counts that one overdue too once
    /// its deadline has passed; here its state says more); for one still open, 已逾期 once its deadline has passed on the
    /// document's date (the ledger's date rule), else 立行立改, 待整改 (no deadline) or 限期整改.
    /// </summary>
    private static string RectificationCell(Texts t, FindingFact f, DateOnly written) => f.Status switch
    {
        RectificationStatus.Closed => t["doc.closed_mark"],
        RectificationStatus.Rectified => t["doc.rectified_mark"],
        _ when f.Deadline is { } deadline && deadline < written => t["doc.overdue_mark"],
        _ when f.FixedOnSpot => t["doc.fixed_mark"],
        _ when f.Deadline is null => t["status.open"],
        _ => t["doc.open_mark"],
    };

    /// <summary>待反馈, 11月8日前反馈, 逾期未反馈, 仍在核查, 查实…, with 已办结 for a closed lead; "—" for a lead not followed.</summary>
    private static string LeadStatusCell(Texts t, LeadStatus? status) => status switch
    {
        null => Cell(null),
        { Stage: LeadStage.DueBy, Due: { } due } => t.Plain("report.lead_stage.dueby", BriefFormat.FullDate(t, due)),
        _ => t["report.lead_stage." + status.Stage.ToString().ToLowerInvariant()] + (status.Closed ? t["report.lead_closed"] : ""),
    };

    /// <summary>A table cell: one line, no closing punctuation, "—" when empty.</summary>
    private static string Cell(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "—" : BriefFormat.Trimmed(text.ReplaceLineEndings(" "));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
