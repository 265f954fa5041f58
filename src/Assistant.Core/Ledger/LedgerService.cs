using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Ledger;

/// <summary>The result of asking for a rectification step.</summary>
public abstract record LedgerOutcome
{
    public sealed record Done(Finding Finding, RectificationStatus From) : LedgerOutcome
    {
        /// <summary>The deadline before the step (what an extension moved it from).</summary>
        public DateOnly? DeadlineBefore { get; init; }
    }

    /// <summary>Not this person's to touch (another team's, or not assigned to this contact); same answer as "no such finding".</summary>
    public sealed record NotFound : LedgerOutcome;

    /// <summary>The finding changed since the card was shown.</summary>
    public sealed record Stale(Finding Finding) : LedgerOutcome;

    /// <summary>The machine does not allow it: what is missing, and what this person may do instead.</summary>
    public sealed record Refused(Finding Finding, IReadOnlyList<string> MissingGuardKeys, IReadOnlyList<RectificationAction> Allowed) : LedgerOutcome;
}

/// <summary>
/// Applies rectification steps (through <see cref="RectificationMachine"/>), records each change in
/// the finding's audit trail, re-plans its deadline reminders and tells the people concerned.
/// </summary>
public sealed class LedgerService(FindingStore findings, TeamStore teams, LedgerReminders reminders, IOptions<LedgerOptions> options)
{
    /// <summary>Who may take which step beyond the role table (four eyes on verification, unless waived).</summary>
    public RectificationRules Rules { get; } = new(options.Value.AllowSelfVerification);

    /// <summary>Whether this person may see the finding in the ledger at all.</summary>
    public static bool MaySee(Member member, Finding f) =>
        member.TeamId == f.TeamId && (member.Role != Role.Contact ? FindingVisibility.CanSee(member, f) : f.ResponsibleContactId == member.Id);

    /// <summary>
    /// Whether this person's role may take the step from the finding's state at all (inputs assumed
    /// given): checked before a flow asks them for anything. Null when allowed.
    /// </summary>
    public static LedgerOutcome.Refused? Check(Finding f, Member actor, RectificationAction action, RectificationRules? rules = null)
    {
        if (f.IsMerged)
        {
            return new LedgerOutcome.Refused(f, [RectificationMachine.NotMerged], []);
        }

        var machine = RectificationMachine.Build(f, RectificationRequest.Hypothetical(actor, rules));
        // Stateless gives no list at all when the state has no transition for the action.
        return machine.CanFire(action, out var unmet) ? null : new LedgerOutcome.Refused(f, [.. unmet ?? []], RectificationMachine.Available(f, actor, rules));
    }

    public LedgerOutcome Apply(UpdateContext context, int findingId, int revision, RectificationAction action, RectificationRequest request)
    {
        var f = findings.Get(findingId);
        if (f is null || !MaySee(request.Actor, f))
        {
            return new LedgerOutcome.NotFound();
        }

        if (f.Revision != revision)
        {
            return new LedgerOutcome.Stale(f);
        }

        if (f.IsMerged)
        {
            return new LedgerOutcome.Refused(f, [RectificationMachine.NotMerged], []);
        }

        var machine = RectificationMachine.Build(f, request);
        if (!machine.CanFire(action, out var unmet))
        {
            return new LedgerOutcome.Refused(f, [.. unmet ?? []], RectificationMachine.Available(f, request.Actor, request.Rules));
        }

        var from = f.Status;
        var deadlineBefore = f.Deadline;

        // Fire before touching any field: the guards read the finding (a later deadline, a unit).
        machine.Fire(action);
        var now = context.UtcNow;
        var actor = request.Actor;
        switch (action)
        {
            case RectificationAction.Assign:
                f.ResponsibleUnit = request.Unit;
                f.ResponsibleContactId = request.ContactId;
                f.ResponsiblePerson = request.ContactId is { } contactId ? teams.GetMember(contactId)?.DisplayName ?? request.Person : request.Person;
                if (request.NewDeadline is { } assigned && assigned != f.Deadline)
                {
                    if (f.Deadline is not null)
                    {
                        f.DeadlineChanges.Add(new DeadlineChange { From = f.Deadline, To = assigned, Reason = "assign", ById = actor.Id, ByName = actor.DisplayName, TimeUtc = now });
                    }

                    f.Deadline = assigned;
                }

                break;
            case RectificationAction.SubmitFix:
                f.FixEvidence.AddRange(request.Evidence);
                f.FixNote = string.IsNullOrWhiteSpace(request.Note) ? f.FixNote : request.Note;
                MarkRectified(f, actor, now);
                f.RejectReason = null;
                break;
            case RectificationAction.FixOnSpot:
                f.FixedOnSpot = true;
                f.FixEvidence.AddRange(request.Evidence);
                f.FixNote = request.Note ?? f.FixNote;
                MarkRectified(f, actor, now);
                break;
            case RectificationAction.Verify:
                f.VerifiedById = actor.Id;
                f.VerifiedByName = actor.DisplayName;
                f.VerifiedUtc = now;
                f.VerificationOpinion = request.Opinion;
                f.VerificationEvidence.AddRange(request.Evidence);
                break;
            case RectificationAction.Reject:
                f.RejectReason = request.Reason;
                break;
            case RectificationAction.ExtendDeadline:
                f.DeadlineChanges.Add(new DeadlineChange { From = f.Deadline, To = request.NewDeadline!.Value, Reason = request.Reason!, ById = actor.Id, ByName = actor.DisplayName, TimeUtc = now });
                f.Deadline = request.NewDeadline;
                break;
        }

        f.Revision++;
        f.UpdatedUtc = now;
        findings.Update(f);
        Record(f, actor, now, "status", from.ToString(), f.Status.ToString(), action switch
        {
            RectificationAction.Reject => request.Reason,
            RectificationAction.Verify => request.Opinion,
            _ => null,
        });
        if (deadlineBefore != f.Deadline)
        {
            Record(f, actor, now, "deadline", deadlineBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), request.Reason);
        }

        reminders.Plan(f, now);
        Notify(context, f, action, actor);
        return new LedgerOutcome.Done(f, from) { DeadlineBefore = deadlineBefore };
    }

    private static void MarkRectified(Finding f, Member actor, DateTime now)
    {
        f.RectifiedUtc = now;
        f.RectifiedById = actor.Id;
        f.RectifiedByName = actor.DisplayName;
    }

    /// <summary>The status a new finding starts in, from what was entered at capture.</summary>
    public static RectificationStatus Initial(Finding f) =>
        f.FixedOnSpot ? RectificationStatus.Rectified
        : !string.IsNullOrWhiteSpace(f.ResponsibleUnit) && f.Deadline is not null ? RectificationStatus.Assigned
        : RectificationStatus.Open;

    private void Record(Finding f, Member actor, DateTime now, string field, string? old, string? @new, string? reason)
    {
        if (old == @new)
        {
            return;
        }

        findings.AddChange(f, actor, now, field, old, reason is null ? @new : $"{@new} ({reason})");
    }

    /// <summary>Tells whoever should act next: the follower (author), the responsible contact, in their language.</summary>
    private void Notify(UpdateContext context, Finding f, RectificationAction action, Member actor)
    {
        var recipients = new List<Member>();
        void Add(long? id)
        {
            if (id is { } value && value != actor.Id && teams.GetMember(value) is { } m && m.TeamId == f.TeamId && recipients.All(r => r.Id != m.Id))
            {
                recipients.Add(m);
            }
        }

        switch (action)
        {
            case RectificationAction.Assign or RectificationAction.Reject or RectificationAction.Verify or RectificationAction.ExtendDeadline:
                Add(f.ResponsibleContactId);
                Add(f.AuthorId);
                break;
            case RectificationAction.SubmitFix or RectificationAction.Start or RectificationAction.FixOnSpot:
                Add(f.AuthorId);
                break;
        }

        foreach (var member in recipients)
        {
            context.Notify(member, t => t.Format("ledger.notify", f.Code, t[action.Key()], actor.DisplayName, t[f.Status.Key()])
                + (action == RectificationAction.Reject ? "\n" + t.Format("ledger.reject_reason", f.RejectReason ?? "") : "")
                + (action == RectificationAction.Verify ? "\n" + t.Format("ledger.opinion", f.VerificationOpinion ?? "") : "")
                + (action == RectificationAction.ExtendDeadline && f.Deadline is { } d ? "\n" + t.Format("ledger.new_deadline", new SafeHtml(FindingCard.Date(t, d))) : ""),
                LedgerCard.OpenButton(context.TextsFor(member.Language), f));
        }
    }

}
