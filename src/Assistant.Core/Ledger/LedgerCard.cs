using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Ledger;

/// <summary>
/// How a finding looks in the ledger: a summary line, a full card with its rectification, and the
/// buttons of the actions this reader's role allows from its state. Button data:
/// lg:v:ID (open), lg:s|fs:ID:REV (start, fixed on the spot), lg:a|f|ok|r|x:ID:REV
/// (assign, submit the fix, verify and close, send back, extend: each asks for what it needs first).
/// </summary>
public static class LedgerCard
{
    private static readonly Dictionary<RectificationAction, string> Codes = new()
    {
        [RectificationAction.Assign] = "a",
        [RectificationAction.Start] = "s",
        [RectificationAction.SubmitFix] = "f",
        [RectificationAction.Verify] = "ok",
        [RectificationAction.Reject] = "r",
        [RectificationAction.ExtendDeadline] = "x",
        [RectificationAction.FixOnSpot] = "fs",
    };

    public static RectificationAction? ActionOf(string code) =>
        Codes.FirstOrDefault(c => c.Value == code) is { Value: not null } pair ? pair.Key : null;

    /// <summary>One line: G7-012 (· 🔴 major hazard) · unit · status · deadline (overdue N days).</summary>
    public static string Line(Texts t, Finding f, DateOnly today)
    {
        var overdue = f.DaysOverdue(today);
        var deadline = f.Deadline is { } d ? FindingCard.Date(t, d) : t["ledger.no_deadline"];
        var late = overdue > 0 ? " " + t.Format("ledger.overdue_days", overdue) : "";
        var major = f.Severity == Severity.MajorHazard ? " · " + t["ledger.major_mark"] : "";

        // Lists reach the statistics and group-visible pages: the unit is scrubbed before it is shortened, so no part of a number is left.
        return $"{Html.Bold(f.Code)}{major} · {Html.Escape(TextPreview.Shorten(IdentityScrubber.Scrub(f.Unit), 20))} · {t[f.Status.Key()]} · {deadline}{late}";
    }

    /// <summary>The rectification in a few lines (for reminders and lists).</summary>
    public static string Summary(Texts t, Finding f, DateOnly today)
    {
        var sb = new StringBuilder(Line(t, f, today));
        sb.Append('\n').Append(Html.Escape(TextPreview.Shorten(f.Description, 80)));
        if (!string.IsNullOrWhiteSpace(f.ResponsibleUnit))
        {
            sb.Append('\n').Append(t["field.responsible_unit"]).Append(t["card.colon"]).Append(Html.Escape(f.ResponsibleUnit));
            if (!string.IsNullOrWhiteSpace(f.ResponsiblePerson))
            {
                sb.Append(" · ").Append(Html.Escape(f.ResponsiblePerson));
            }
        }

        return sb.ToString();
    }

    /// <summary>The whole finding with its rectification and deadline history; times in the team's <paramref name="zone"/>.</summary>
    public static string Full(Texts t, Finding f, DateOnly today, TimeZoneInfo zone) => FindingCard.Render(t, f) + Rectification(t, f, today, zone);

    /// <summary>The rectification part of the card: status, deadline changes, the fix, the verification (its time in <paramref name="zone"/>).</summary>
    public static string Rectification(Texts t, Finding f, DateOnly today, TimeZoneInfo zone)
    {
        var sb = new StringBuilder();
        sb.Append("\n\n<b>").Append(t["ledger.rectification"]).Append("</b>");
        if (f.MergedIntoCode is { } into)
        {
            // Followed on the finding it was merged into; its own state stopped there and is in its history.
            return sb.Append('\n').Append(t.Format("ledger.merged", into)).ToString();
        }

        sb.Append('\n').Append(t["ledger.field.status"]).Append(t["card.colon"]).Append(t[f.Status.Key()]);
        if (f.DaysOverdue(today) is var overdue and > 0)
        {
            sb.Append(" · ").Append(t.Format("ledger.overdue_days", overdue));
        }

        foreach (var change in f.DeadlineChanges)
        {
            sb.Append('\n').Append(t.Format("ledger.deadline_change",
                new SafeHtml(change.From is { } from ? FindingCard.Date(t, from) : t["card.not_set"]),
                new SafeHtml(FindingCard.Date(t, change.To)), change.Reason, change.ByName));
        }

        if (f.FixEvidence.Count > 0 || !string.IsNullOrWhiteSpace(f.FixNote))
        {
            sb.Append('\n').Append(t["ledger.field.fix"]).Append(t["card.colon"]).Append(Html.Escape(f.FixNote ?? ""));
            if (f.FixEvidence.Count > 0)
            {
                sb.Append(" (").Append(EvidenceText.Summary(t, f.FixEvidence)).Append(')');
            }

            if (!string.IsNullOrWhiteSpace(f.RectifiedByName))
            {
                sb.Append(t.Format("ledger.fix_by", f.RectifiedByName));
            }
        }

        if (!string.IsNullOrWhiteSpace(f.RejectReason) && f.Status == RectificationStatus.InProgress)
        {
            sb.Append('\n').Append(t.Format("ledger.reject_reason", f.RejectReason));
        }

        if (f.VerifiedUtc is { } verified)
        {
            sb.Append('\n').Append(t.Format("ledger.verified", f.VerifiedByName ?? "", DateText.FullTime(t, TimeZones.ToLocal(verified, zone))));
            if (!string.IsNullOrWhiteSpace(f.VerificationOpinion))
            {
                sb.Append('\n').Append(t.Format("ledger.opinion", f.VerificationOpinion));
            }

            if (f.VerificationEvidence.Count > 0)
            {
                sb.Append('\n').Append(t["ledger.field.verification_evidence"]).Append(t["card.colon"]).Append(EvidenceText.Summary(t, f.VerificationEvidence));
            }
        }

        return sb.ToString();
    }

    public static IReadOnlyList<IReadOnlyList<Button>> OpenButton(Texts t, Finding f) =>
        [[new Button(t.Format("ledger.open", f.Code), $"lg:v:{f.Id.ToString(CultureInfo.InvariantCulture)}")]];

    /// <summary>A button for each action the reader may take now (the machine decides, by role and state).</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? Actions(Texts t, Finding f, Member reader, RectificationRules? rules = null)
    {
        var actions = RectificationMachine.Available(f, reader, rules);
        if (actions.Count == 0)
        {
            return null;
        }

        var id = f.Id.ToString(CultureInfo.InvariantCulture);
        var revision = f.Revision.ToString(CultureInfo.InvariantCulture);
        return actions.Select(a => new Button(t[a.Key()], $"lg:{Codes[a]}:{id}:{revision}")).Chunk(2)
            .Select(row => (IReadOnlyList<Button>)[.. row]).ToList();
    }
}
