using Assistant.Core.Teams;

namespace Assistant.Core.Plan;

/// <summary>The plan's state as a card, with the buttons the reader's role may use (pl:a:ACTION).</summary>
public static class PlanCard
{
    public static IReadOnlyList<IReadOnlyList<Button>> OpenButton(Texts t) => [[new Button(t["plan.open"], "pl:v")]];

    public static string Text(Texts t, RectificationPlan plan, DateOnly today)
    {
        var sb = new StringBuilder(t["plan.title"]);
        Line(sb, t, "plan.field.due", DateText.Full(t, plan.PlanDue));
        Line(sb, t, "plan.field.received", plan.ReceivedOn is { } received
            ? t.Format("plan.received_with", new SafeHtml(DateText.Full(t, received)), plan.PlanDocument?.FileName ?? "")
            : Html.Escape(t["plan.not_received"]));
        Line(sb, t, "plan.field.interval", Html.Escape(t.Format("plan.months", plan.IntervalMonths)));
        Line(sb, t, "plan.field.lookback", plan.LookBackOn is { } lookBack ? DateText.Full(t, lookBack) : Html.Escape(t["plan.not_set"]));
        var what = t[plan.NextKind == PlanDueKind.Plan ? "plan.what.plan" : "plan.what.report"];
        var overdue = plan.DaysOverdue(today);
        Line(sb, t, "plan.field.next", overdue > 0
            ? t.Format("plan.next_overdue", what, new SafeHtml(DateText.Full(t, plan.NextDue)), overdue)
            : t.Format("plan.next", what, new SafeHtml(DateText.Full(t, plan.NextDue))));
        if (plan.Reports.Count > 0)
        {
            sb.Append("\n\n").Append(Html.Escape(t.Format("plan.reports", plan.Reports.Count)));
            foreach (var (report, i) in plan.Reports.Select((r, i) => (r, i)))
            {
                sb.Append('\n').Append(t.Format("plan.report_line", i + 1, new SafeHtml(DateText.Full(t, report.ReceivedOn)), report.Summary, report.Document.FileName));
            }
        }

        return sb.ToString();
    }

    /// <summary>The buttons of the actions the reader's role allows on the plan as it stands.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? Buttons(Texts t, RectificationPlan plan, Member reader)
    {
        var rows = Enum.GetValues<PlanAction>()
            .Where(a => PlanService.May(reader, a) && PlanService.Applies(plan, a))
            .Select(a => (IReadOnlyList<Button>)[new Button(t["plan.action." + a.ToString().ToLowerInvariant()], "pl:a:" + a)])
            .ToList();
        return rows.Count == 0 ? null : rows;
    }

    private static void Line(StringBuilder sb, Texts t, string fieldKey, string valueHtml) =>
        sb.Append('\n').Append(Html.Escape(t[fieldKey])).Append(t["card.colon"]).Append(valueHtml);
}
