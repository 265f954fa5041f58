using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Ledger.Documents;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Ledger;

/// <summary>
/// The ledger export (an Excel workbook and a CSV) and the statistics (text and a chart), made in
/// the background: building them takes seconds for a large ledger, too long for the update path.
/// Each contains only what the person who asked may see, checked again when the job runs.
/// </summary>
public sealed class LedgerJobs(JobStore jobs, LedgerQueries queries, TeamStore teams, Outbox outbox, AssistantDatabase db, TextCatalog catalog, TimeProvider time, IEnumerable<ILedgerSheetSource> sheets) : IJobHandler
{
    public const string JobKind = "ledger-document";
    public const int MaxOverdueListed = 15;

    public string Kind => JobKind;

    public void QueueExport(UpdateContext context) => Queue(context, "export", "ledger.export_started");

    /// <param name="context">The update that asked.</param>
    /// <param name="keyboard">Buttons under the "preparing…" answer (the Mini App's dashboard, when served).</param>
    public void QueueStats(UpdateContext context, IReadOnlyList<IReadOnlyList<Button>>? keyboard = null) => Queue(context, "stats", "ledger.stats_started", keyboard);

    public Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var member = teams.GetMember(job.Payload["user"].AsInt64);
        var team = member is null ? null : teams.GetTeam(member.TeamId);
        var what = job.Payload["what"].AsString;
        if (member is null || team is null || !AccessPolicy.Allows(member.Role, what == "export" ? Permission.Export : Permission.ViewSummary))
        {
            return Task.FromResult(JobResult.Done);
        }

        var t = catalog.For(member.Language);
        var today = TimeZones.Today(time.GetUtcNow(), team.Zone);
        var all = queries.All(new LedgerQuery { Scope = LedgerScope.All }, member, today).ToList();
        var chat = job.Payload["chat"].AsInt64;
        var messages = all.Count == 0
            ? [new OutgoingMessage { ChatId = chat, Html = t["ledger.empty_ledger"], Purpose = what }]
            : what == "export" ? Export(t, team, all, today, chat, [.. sheets.Select(s => s.For(t, team, today)).OfType<ExtraSheet>()]) : Stats(t, team, all, today, chat);
        var now = time.GetUtcNow().UtcDateTime;
        var queued = db.InTransaction(() => outbox.Enqueue(messages, now));
        outbox.NotifyAfterCommit(queued);
        return Task.FromResult(JobResult.Done);
    }

    /// <summary>
    /// A finding as a ledger row. Every free text passes the <see cref="IdentityScrubber"/>: an export leaves the
    /// assistant, so nothing typed into a finding may name a tipster there (the responsible person is the inspected
    /// side's named official and stays).
    /// </summary>
    public static LedgerRow Row(Texts t, Finding f, Team team, DateOnly today) => new(
        f.Code,
        IdentityScrubber.Scrub(f.Unit),
        t[f.Covert ? "ledger.openness.covert" : "ledger.openness.open"],
        IdentityScrubber.Scrub(string.IsNullOrWhiteSpace(f.Place) ? f.City : $"{f.City} {f.Place}"),
        SectorNames.Label(t, f.Sector, IdentityScrubber.ScrubOrNull(f.SectorOther)),
        t[f.Aspect.Key()],
        IdentityScrubber.Scrub(f.Description),
        IdentityScrubber.ScrubOrNull(f.Basis),
        t[f.Severity.Key()],
        IdentityScrubber.ScrubOrNull(f.ResponsibleUnit),
        f.ResponsiblePerson,
        f.Deadline,
        t[f.Status.Key()],
        f.FixNote is null && f.FixEvidence.Count == 0 ? null
            : IdentityScrubber.Scrub($"{f.FixNote}{(f.FixEvidence.Count > 0 ? $" ({Html.ToPlainText(EvidenceText.Summary(t, f.FixEvidence))})" : "")}".Trim()),
        f.VerifiedByName,
        f.VerifiedUtc is { } v ? TimeZones.ToLocal(v, team.Zone) : null,
        f.VerificationOpinion,
        f.DaysOverdue(today));

    private void Queue(UpdateContext context, string what, string startedKey, IReadOnlyList<IReadOnlyList<Button>>? keyboard = null)
    {
        jobs.Enqueue(JobKind, new BsonDocument { ["what"] = what, ["user"] = context.UserId, ["chat"] = context.Update.ChatId }, context.UtcNow);
        context.Reply(context.T[startedKey], keyboard);
    }

    /// <summary>
    /// The workbook and the CSV, of what the reader may see (<see cref="LedgerQueries.All"/>). A ledger that names a
    /// covert (暗访) unit is marked like a brief that does (shared/domain.md): the sensitivity line
    /// (<c>doc.sensitivity</c>, "内部资料　注意保存") at the top of the sheet, in bold over each file's message, and
    /// <see cref="OutgoingFile.InternalMark"/> in both file names (<see cref="ExportMarking"/>); the CSV keeps its header as its first row.
    /// </summary>
    private static List<OutgoingMessage> Export(Texts t, Team team, List<Finding> all, DateOnly today, long chat, IReadOnlyList<ExtraSheet> extra)
    {
        var rows = all.Select(f => Row(t, f, team, today)).ToList();
        var headings = LedgerColumns.Headings(t);
        var covert = all.Count(f => f.Covert);
        var marking = ExportMarking.For(t, covert);
        var stem = ExportMarking.Stem($"{team.Code}-ledger-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}", marking);
        var title = t.Format("ledger.export_title", team.Name, new SafeHtml(FindingCard.Date(t, today)));
        var summary = t.Format("ledger.exported", rows.Count, rows.Count(r => r.DaysOverdue > 0));
        return
        [
            new OutgoingMessage
            {
                ChatId = chat,
                Html = marking is null ? summary : marking.Message(summary, t.Format("ledger.exported_covert", covert, marking.Line)),
                File = new OutgoingFile(stem + ".xlsx", LedgerWorkbook.Xlsx(rows, headings, Html.ToPlainText(title), t["ledger.sheet"], extra, marking?.Line)),
                Purpose = "export",
            },
            new OutgoingMessage
            {
                ChatId = chat,
                Html = marking?.Bold ?? "",
                File = new OutgoingFile(stem + ".csv", LedgerWorkbook.Csv(rows, headings)),
                Purpose = "export",
            },
        ];
    }

    private static List<OutgoingMessage> Stats(Texts t, Team team, List<Finding> all, DateOnly today, long chat)
    {
        var sb = new StringBuilder(t.Format("stats.title", team.Name, all.Count, new SafeHtml(FindingCard.Date(t, today))));
        void Section(string titleKey, IEnumerable<(string Label, int Count)> counts)
        {
            sb.Append("\n\n<b>").Append(t[titleKey]).Append("</b>");
            foreach (var (label, count) in counts)
            {
                sb.Append('\n').Append(Html.Escape(label)).Append(t["card.colon"]).Append(count.ToString(CultureInfo.InvariantCulture));
            }
        }

        var byStatus = Count(all, f => f.Status, Enum.GetValues<RectificationStatus>(), s => t[s.Key()]);
        var bySector = Count(all, f => f.Sector, Enum.GetValues<Sector>(), s => t[s.Key()]).Where(c => c.Count > 0).ToList();
        var byAspect = Count(all, f => f.Aspect, Enum.GetValues<Aspect>(), a => t[a.ShortKey()]);
        var bySeverity = Count(all, f => f.Severity, Enum.GetValues<Severity>(), s => t[s.Key()]);
        Section("stats.by_status", byStatus);
        Section("stats.by_sector", bySector);
        Section("stats.by_aspect", byAspect);
        Section("stats.by_severity", bySeverity);
        var overdue = all.Where(f => f.DaysOverdue(today) > 0).OrderByDescending(f => f.DaysOverdue(today)).ToList();
        sb.Append("\n\n<b>").Append(t.Format("stats.overdue", overdue.Count)).Append("</b>");
        foreach (var f in overdue.Take(MaxOverdueListed))
        {
            sb.Append('\n').Append(LedgerCard.Line(t, f, today));
        }

        if (overdue.Count > MaxOverdueListed)
        {
            sb.Append('\n').Append(t.Format("stats.more", overdue.Count - MaxOverdueListed));
        }

        var chart = StatsChart.Png(ChartData(t, team, all, today, overdue.Count));
        return
        [
            new OutgoingMessage { ChatId = chat, Html = sb.ToString(), Purpose = "stats" },
            new OutgoingMessage { ChatId = chat, Html = "", File = new OutgoingFile($"{team.Code}-stats.png", chart, AsPhoto: true), Purpose = "stats" },
        ];
    }

    /// <summary>
    /// What the chart shows, in the reader's language: the four panels of the text statistics, the overdue count
    /// (<paramref name="overdue"/>, as the text counts it) as the last bar of the status panel and as a badge, the
    /// major accident hazards marked. The team is named by its code when no font here can draw its name.
    /// </summary>
    internal static StatsChartData ChartData(Texts t, Team team, List<Finding> all, DateOnly today, int overdue)
    {
        StatsChartPanel Panel<T>(string titleKey, Func<Finding, T> key, Func<T, string> label, Func<T, ChartAccent> accent)
            where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            return new(t[titleKey], [.. values.Zip(Count(all, key, values, label), (v, c) => new StatsChartBar(c.Label, c.Count, accent(v)))]);
        }

        var byStatus = Panel("stats.by_status", f => f.Status, s => t[s.Key()], s => s == RectificationStatus.Closed ? ChartAccent.Done : ChartAccent.None);
        var bySector = Panel("stats.by_sector", f => f.Sector, s => t[s.Key()], _ => ChartAccent.None);
        var byAspect = Panel("stats.by_aspect", f => f.Aspect, a => t[a.ShortKey()], _ => ChartAccent.None);
        var bySeverity = Panel("stats.by_severity", f => f.Severity, s => t[s.Key()], s => s == Severity.MajorHazard ? ChartAccent.MajorHazard : ChartAccent.None);
        var major = bySeverity.Bars.Where(b => b.Accent == ChartAccent.MajorHazard).Sum(b => b.Count);
        return new StatsChartData(
            Html.ToPlainText(t.Format("stats.chart_title", StatsChart.CanDraw(team.Name) ? team.Name : team.Code)),
            Html.ToPlainText(t.Format("stats.chart_date", new SafeHtml(FindingCard.Date(t, today)), all.Count)),
            [
                byStatus with { Bars = [.. byStatus.Bars, new StatsChartBar(t["stats.chart_overdue"], overdue, ChartAccent.Overdue)] },
                bySector with { Bars = [.. bySector.Bars.Where(b => b.Count > 0)] },
                byAspect,
                bySeverity,
            ])
        {
            Highlights =
            [
                new(Html.ToPlainText(t.Format("stats.chart_overdue_count", overdue)), overdue > 0 ? ChartAccent.Overdue : ChartAccent.None),
                new(Html.ToPlainText(t.Format("stats.chart_major_count", major)), major > 0 ? ChartAccent.MajorHazard : ChartAccent.None),
            ],
        };
    }

    /// <summary>The counts of one field, every value in order: the definition the brief and the feedback count by (<see cref="FindingCounts"/>).</summary>
    private static List<(string Label, int Count)> Count<T>(IReadOnlyList<Finding> all, Func<Finding, T> key, IEnumerable<T> values, Func<T, string> label)
        where T : struct, Enum =>
        [.. FindingCounts.By(all, key).Where(c => values.Contains(c.Value)).Select(c => (label(c.Value), c.Count))];
}
