using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Teams;

namespace Assistant.Core.Dashboard;

/// <summary>The counts of the dashboard, with the definitions <c>/stats</c> uses (<see cref="FindingCounts"/>).</summary>
/// <param name="Total">Every item the reader may see.</param>
/// <param name="Overdue">Items past their deadline and not closed.</param>
/// <param name="ByStatus">Every status, zeros included.</param>
/// <param name="BySector">Sectors with at least one item (as <c>/stats</c> lists them).</param>
/// <param name="ByAspect">The four aspects, zeros included.</param>
/// <param name="BySeverity">Every severity, zeros included.</param>
public sealed record DashboardCounts(
    int Total,
    int Overdue,
    IReadOnlyList<(RectificationStatus Value, int Count)> ByStatus,
    IReadOnlyList<(Sector Value, int Count)> BySector,
    IReadOnlyList<(Aspect Value, int Count)> ByAspect,
    IReadOnlyList<(Severity Value, int Count)> BySeverity);

/// <summary>What the visit dashboard shows one reader.</summary>
/// <param name="Counts">Counts by status, sector, aspect and severity.</param>
/// <param name="OverdueTrend">Overdue items at the end of each of the last weeks.</param>
/// <param name="DueSoon">Items due within the next seven days (the list <c>/due</c> shows), earliest first, at most <see cref="VisitDashboard.MaxDueSoon"/>.</param>
/// <param name="DueSoonCount">How many are due within the next seven days in all.</param>
/// <param name="Leads">Leads awaiting answers; null while leads are not recorded (see <see cref="ILeadsAwaitingAnswers"/>).</param>
public sealed record VisitDashboardData(
    DashboardCounts Counts,
    IReadOnlyList<WeekPoint> OverdueTrend,
    IReadOnlyList<Finding> DueSoon,
    int DueSoonCount,
    IReadOnlyList<LeadAwaitingAnswer>? Leads);

/// <summary>
/// The visit at a glance for one reader: the ledger's counts with the same definitions and the same visibility as
/// <c>/stats</c> (the reader's team only, covert items only for those allowed), the weekly overdue trend, the items
/// due within seven days (as <c>/due</c>) and the leads awaiting answers. Channel-agnostic: the Mini App shows it.
/// </summary>
public sealed class VisitDashboard(LedgerQueries queries, ILeadsAwaitingAnswers leads)
{
    public const int MaxDueSoon = 20;

    /// <summary>Whether the reader may see the dashboard at all (as <c>/stats</c>: not a rectification contact).</summary>
    public static bool MaySee(Member reader) => AccessPolicy.Allows(reader.Role, Permission.ViewSummary);

    public VisitDashboardData For(Member reader, Team team, DateOnly today)
    {
        if (!MaySee(reader) || reader.TeamId != team.Id)
        {
            throw new InvalidOperationException("The dashboard is for team members with the statistics permission, of their own team.");
        }

        var all = queries.All(new LedgerQuery { Scope = LedgerScope.All }, reader, today).ToList();
        var counts = new DashboardCounts(
            all.Count,
            all.Count(f => f.DaysOverdue(today) > 0),
            FindingCounts.By(all, f => f.Status),
            [.. FindingCounts.By(all, f => f.Sector).Where(c => c.Count > 0)],
            FindingCounts.By(all, f => f.Aspect),
            FindingCounts.By(all, f => f.Severity));
        var due = queries.All(new LedgerQuery { Scope = LedgerScope.DueSoon }, reader, today).ToList();
        return new VisitDashboardData(
            counts,
            OverdueTrend.Weekly(all, today, team.Zone),
            [.. due.Take(MaxDueSoon)],
            due.Count,
            leads.For(reader, today));
    }
}
