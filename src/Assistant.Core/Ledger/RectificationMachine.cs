using Assistant.Core.Findings;
using Assistant.Core.Teams;
using Stateless;
using Stateless.Graph;

namespace Assistant.Core.Ledger;

/// <summary>Settings that change who may take a step.</summary>
/// <param name="AllowSelfVerification">The person who submitted the fix may also verify it (a one-person team); off: four eyes.</param>
public sealed record RectificationRules(bool AllowSelfVerification = false)
{
    /// <summary>Four eyes: whoever submitted the fix may not verify it.</summary>
    public static RectificationRules Default { get; } = new();
}

/// <summary>Who asks for a rectification step, and with what (evidence, a reason, a new deadline, an assignment, a verification opinion).</summary>
public sealed class RectificationRequest
{
    public required Member Actor { get; init; }

    public string? Reason { get; init; }

    /// <summary>The verification opinion (验收意见) that closes the item.</summary>
    public string? Opinion { get; init; }

    public RectificationRules Rules { get; init; } = RectificationRules.Default;

    public DateOnly? NewDeadline { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    public string? Note { get; init; }

    public string? Unit { get; init; }

    public string? Person { get; init; }

    public long? ContactId { get; init; }

    /// <summary>A request with every input present: used to ask "what may this role do from here?".</summary>
    public static RectificationRequest Hypothetical(Member actor, RectificationRules? rules = null) => new()
    {
        Actor = actor,
        Rules = rules ?? RectificationRules.Default,
        Reason = "-",
        Opinion = "-",
        NewDeadline = DateOnly.MaxValue,
        Note = "-",
        Unit = "-",
        Person = "-",
    };
}

/// <summary>
/// The life of a finding's rectification as a Stateless machine over <see cref="Finding.Status"/>:
/// open → assigned → in progress → rectified (evidence required) → verified and closed (销号: a
/// verification opinion required, by a team member other than the one who submitted the fix unless
/// <see cref="RectificationRules.AllowSelfVerification"/>);
/// rectified can be sent back to in progress with a reason; the deadline can be extended with a
/// reason while not closed; fixed on the spot (立行立改) goes straight to rectified. Guards say who
/// may do what; their descriptions are catalog keys, so a refusal names what is missing.
/// </summary>
public static class RectificationMachine
{
    public const string Coordinator = "ledger.guard.coordinator";
    public const string TeamMember = "ledger.guard.team_member";
    public const string Responsible = "ledger.guard.responsible";
    public const string WithEvidence = "ledger.guard.evidence";
    public const string WithReason = "ledger.guard.reason";
    public const string LaterDeadline = "ledger.guard.later_deadline";
    public const string WithAssignment = "ledger.guard.assignment";
    public const string WithOpinion = "ledger.guard.opinion";
    public const string OtherVerifier = "ledger.guard.other_verifier";

    /// <summary>A finding merged into another takes no step: its rectification is followed on that one.</summary>
    public const string NotMerged = "ledger.guard.not_merged";

    public static StateMachine<RectificationStatus, RectificationAction> Build(Finding f, RectificationRequest r)
    {
        var machine = new StateMachine<RectificationStatus, RectificationAction>(() => f.Status, s => f.Status = s);
        var coordinator = Tuple.Create<Func<bool>, string>(() => r.Actor.Role.IsCoordinator(), Coordinator);
        var teamMember = Tuple.Create<Func<bool>, string>(() => r.Actor.Role != Role.Contact, TeamMember);
        var responsible = Tuple.Create<Func<bool>, string>(() => r.Actor.Role != Role.Contact || f.ResponsibleContactId == r.Actor.Id, Responsible);
        var evidence = Tuple.Create<Func<bool>, string>(() => r.Evidence.Count > 0 || !string.IsNullOrWhiteSpace(r.Note), WithEvidence);
        var reason = Tuple.Create<Func<bool>, string>(() => !string.IsNullOrWhiteSpace(r.Reason), WithReason);
        var later = Tuple.Create<Func<bool>, string>(() => r.NewDeadline is { } d && (f.Deadline is null || d > f.Deadline), LaterDeadline);
        var assignment = Tuple.Create<Func<bool>, string>(() => !string.IsNullOrWhiteSpace(r.Unit), WithAssignment);
        var opinion = Tuple.Create<Func<bool>, string>(() => !string.IsNullOrWhiteSpace(r.Opinion), WithOpinion);
        var otherVerifier = Tuple.Create<Func<bool>, string>(() => r.Rules.AllowSelfVerification || f.RectifiedById != r.Actor.Id, OtherVerifier);

        machine.Configure(RectificationStatus.Open)
            .PermitIf(RectificationAction.Assign, RectificationStatus.Assigned, coordinator, assignment)
            .PermitIf(RectificationAction.FixOnSpot, RectificationStatus.Rectified, teamMember)
            .PermitReentryIf(RectificationAction.ExtendDeadline, coordinator, reason, later);

        machine.Configure(RectificationStatus.Assigned)
            .PermitReentryIf(RectificationAction.Assign, coordinator, assignment)
            .PermitIf(RectificationAction.Start, RectificationStatus.InProgress, responsible)
            .PermitIf(RectificationAction.SubmitFix, RectificationStatus.Rectified, responsible, evidence)
            .PermitIf(RectificationAction.FixOnSpot, RectificationStatus.Rectified, teamMember)
            .PermitReentryIf(RectificationAction.ExtendDeadline, coordinator, reason, later);

        machine.Configure(RectificationStatus.InProgress)
            .PermitReentryIf(RectificationAction.Assign, coordinator, assignment)
            .PermitIf(RectificationAction.SubmitFix, RectificationStatus.Rectified, responsible, evidence)
            .PermitIf(RectificationAction.FixOnSpot, RectificationStatus.Rectified, teamMember)
            .PermitReentryIf(RectificationAction.ExtendDeadline, coordinator, reason, later);

        machine.Configure(RectificationStatus.Rectified)
            .PermitIf(RectificationAction.Verify, RectificationStatus.Closed, teamMember, otherVerifier, opinion)
            .PermitIf(RectificationAction.Reject, RectificationStatus.InProgress, teamMember, reason);

        return machine;
    }

    /// <summary>The actions this person's role allows from the finding's current state (inputs assumed given).</summary>
    public static IReadOnlyList<RectificationAction> Available(Finding f, Member actor, RectificationRules? rules = null)
    {
        if (f.IsMerged)
        {
            return [];
        }

        var machine = Build(f, RectificationRequest.Hypothetical(actor, rules));
        return [.. Enum.GetValues<RectificationAction>().Where(machine.CanFire)];
    }

    public static string Diagram()
    {
        var finding = new Finding();
        var actor = new Member { Role = Role.Leader };
        return MermaidGraph.Format(Build(finding, RectificationRequest.Hypothetical(actor)).GetInfo());
    }
}
