using Assistant.Core.Ledger.Documents;
using Assistant.Core.Teams;

namespace Assistant.Core.Plan;

/// <summary>The plan's sheet in the ledger export: the plan, each progress report, what is due next and the look-back.</summary>
public sealed class PlanSheet(PlanStore plans) : ILedgerSheetSource
{
    public ExtraSheet? For(Texts t, Team team, DateOnly today)
    {
        if (plans.ForTeam(team.Id) is not { } plan)
        {
            return null;
        }

        string Day(DateOnly? d) => d is { } day ? DateText.Full(t, day) : "";
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { t["plan.what.plan"], Day(plan.PlanDue), Day(plan.ReceivedOn), plan.PlanDocument?.FileName ?? "", "" },
        };
        rows.AddRange(plan.Reports.Select((r, i) => (IReadOnlyList<string>)[t.Format("plan.sheet.report_n", i + 1), "", Day(r.ReceivedOn), r.Document.FileName, r.Summary]));
        if (plan.NextKind == PlanDueKind.Report)
        {
            var overdue = plan.DaysOverdue(today);
            rows.Add([t["plan.sheet.next_report"], Day(plan.NextDue), "", "", overdue > 0 ? t.Format("plan.sheet.overdue", overdue) : ""]);
        }
        else if (plan.DaysOverdue(today) is var days && days > 0)
        {
            rows[0] = [.. rows[0].Take(4), t.Format("plan.sheet.overdue", days)];
        }

        if (plan.LookBackOn is { } lookBack)
        {
            rows.Add([t["plan.field.lookback"], Day(lookBack), "", "", ""]);
        }

        return new ExtraSheet(t["plan.sheet"], [t["plan.sheet.item"], t["plan.sheet.due"], t["plan.sheet.received"], t["plan.sheet.document"], t["plan.sheet.note"]], rows);
    }
}
