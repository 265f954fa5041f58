using Assistant.Core.Dashboard;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web;

/// <summary>One bar of a count: its label, the count, and the filter value that lists those items (when there is one).</summary>
public sealed record CountView(string Label, int Count, string? Filter);

/// <summary>The overdue count at the end of one week.</summary>
/// <param name="WeekStart">The Monday, yyyy-MM-dd.</param>
/// <param name="Label">"Week of …" in the reader's language.</param>
/// <param name="Short">The Monday as M/d, for a narrow axis.</param>
/// <param name="Overdue">Items overdue at the end of the week (today for this week).</param>
public sealed record TrendView(string WeekStart, string Label, string Short, int Overdue);

/// <summary>An item due within seven days.</summary>
public sealed record DueView(string Code, string Unit, string Deadline, int DaysLeft, string Status, bool Major);

/// <summary>A lead awaiting its answer (see <see cref="ILeadsAwaitingAnswers"/>).</summary>
public sealed record LeadView(string Code, string Subject, string? Due, string? HandedOverTo);

/// <summary>The visit dashboard as the page draws it.</summary>
public sealed record DashboardView(
    string AsOf,
    int Total,
    int Overdue,
    IReadOnlyList<CountView> ByStatus,
    IReadOnlyList<CountView> BySector,
    IReadOnlyList<CountView> ByAspect,
    IReadOnlyList<CountView> BySeverity,
    IReadOnlyList<TrendView> Trend,
    IReadOnlyList<DueView> DueSoon,
    int DueSoonCount,
    IReadOnlyList<LeadView>? Leads);

/// <summary><c>GET api/dashboard</c>: <see cref="VisitDashboard"/> for the caller, for those <c>/stats</c> serves.</summary>
public sealed class DashboardEndpoint(VisitDashboard dashboard)
{
    public IResult Handle(WebCaller caller)
    {
        var t = caller.T;
        if (!VisitDashboard.MaySee(caller.Member))
        {
            return WebReply.Error(StatusCodes.Status403Forbidden, "no_dashboard", t["web.error.no_dashboard"]);
        }

        var today = caller.Today;
        var data = dashboard.For(caller.Member, caller.Team, today);
        var c = data.Counts;
        return WebReply.Ok(new DashboardView(
            FindingCard.Date(t, today),
            c.Total,
            c.Overdue,
            [.. c.ByStatus.Select(s => new CountView(t[s.Value.Key()], s.Count, s.Value.ToString()))],
            [.. c.BySector.Select(s => new CountView(t[s.Value.Key()], s.Count, s.Value.ToString()))],
            [.. c.ByAspect.Select(a => new CountView(t[a.Value.ShortKey()], a.Count, a.Value.ToString()))],
            [.. c.BySeverity.Select(s => new CountView(t[s.Value.Key()], s.Count, s.Value.ToString()))],
            [.. data.OverdueTrend.Select(w => new TrendView(w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Plain("web.week_of", WeekLabel(t, w.WeekStart)), w.WeekStart.ToString("M/d", CultureInfo.InvariantCulture), w.Overdue))],
            [.. data.DueSoon.Select(f => new DueView(
                f.Code,
                IdentityScrubber.Scrub(f.Unit),
                FindingCard.Date(t, f.Deadline!.Value),
                f.Deadline!.Value.DayNumber - today.DayNumber,
                t[f.Status.Key()],
                f.Severity == Severity.MajorHazard))],
            data.DueSoonCount,
            data.Leads?.Select(l => new LeadView(l.Code, l.Subject, l.DueDate is { } d ? FindingCard.Date(t, d) : null, l.HandedOverTo)).ToList()));
    }

    private static string WeekLabel(Texts t, DateOnly monday) =>
        monday.ToString(t.Language == Language.English ? "d MMM" : "M月d日", t.Culture);
}
