using Assistant.Core.Dispatching;

namespace Assistant.Core.Ledger;

/// <summary>What the person who took a rectification step is told, from a button or at the end of the ledger flow.</summary>
public static class LedgerReplies
{
    /// <summary>Tells the person what became of their step: done, refused (why, and what they can do), or stale.</summary>
    public static void Outcome(UpdateContext context, LedgerOutcome outcome, RectificationRules rules)
    {
        var t = context.T;
        var member = context.Member!;
        switch (outcome)
        {
            case LedgerOutcome.Done done:
                context.Reply(DoneText(t, done) + "\n\n" + LedgerCard.Full(t, done.Finding, context.Today, context.Zone),
                    LedgerCard.Actions(t, done.Finding, member, rules));
                break;
            case LedgerOutcome.Refused refused:
                var missing = string.Join(t["list.separator"], refused.MissingGuardKeys.Select(k => t[k]));
                var allowed = refused.Allowed.Count == 0 ? t["ledger.nothing_allowed"] : string.Join(t["list.separator"], refused.Allowed.Select(a => t[a.Key()]));
                context.Reply((refused.MissingGuardKeys.Count > 0
                        ? t.Format("ledger.refused_guard", refused.Finding.Code, new SafeHtml(missing))
                        : t.Format("ledger.refused_state", refused.Finding.Code, t[refused.Finding.Status.Key()]))
                    + "\n" + t.Format("ledger.allowed", new SafeHtml(allowed)),
                    LedgerCard.Actions(t, refused.Finding, member, rules));
                break;
            case LedgerOutcome.Stale stale:
                context.Reply(t["ledger.card_stale"] + "\n\n" + LedgerCard.Full(t, stale.Finding, context.Today, context.Zone), LedgerCard.Actions(t, stale.Finding, member, rules));
                break;
            default:
                context.Reply(t["finding.not_found"]);
                break;
        }
    }

    /// <summary>
    /// "✅ G7-002：待整改 → 已指派": what the step changed; when the status stayed and the deadline moved (an extension),
    /// the deadline, old → new, rather than "已指派 → 已指派".
    /// </summary>
    public static string DoneText(Texts t, LedgerOutcome.Done done) =>
        done.From == done.Finding.Status && done.DeadlineBefore != done.Finding.Deadline && done.Finding.Deadline is { } to
            ? t.Format("ledger.done_deadline", done.Finding.Code,
                new SafeHtml(done.DeadlineBefore is { } from ? Findings.FindingCard.Date(t, from) : t["ledger.no_deadline"]), new SafeHtml(Findings.FindingCard.Date(t, to)))
            : t.Format("ledger.done", done.Finding.Code, t[done.From.Key()], t[done.Finding.Status.Key()]);
}
