using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Teams;
using Step = Assistant.Core.Conversations.FormStep<Assistant.Core.Ledger.LedgerActionDraft>;

namespace Assistant.Core.Ledger;

/// <summary>
/// What a ledger action has collected so far. Its free texts are scrubbed of anything identifying a person
/// (<see cref="ScrubIdentities"/>) where input enters the flow (every answer, and the draft the flow begins with) and again
/// when the step is applied, as the finding flow's are (<see cref="FindingDraft"/>); loading a saved draft does not scrub
/// it again. The responsible person's name is kept as typed.
/// </summary>
public sealed class LedgerActionDraft : IDeadlineDraft, IEvidenceDraft
{
    public int FindingId { get; set; }

    public int Revision { get; set; }

    public RectificationAction Action { get; set; }

    public string? Unit { get; set; }

    public string? Person { get; set; }

    public long? ContactId { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>A deadline typed far ahead, waiting to be confirmed.</summary>
    public DateOnly? PendingDeadline { get; set; }

    /// <summary>The step's reason (sending back, extending).</summary>
    public string? Reason { get; set; }

    /// <summary>The verification opinion (验收意见) when closing.</summary>
    public string? Opinion { get; set; }

    public string? Note { get; set; }

    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Contacts offered as buttons (a button carries only its index).</summary>
    public List<long> Offered { get; set; } = [];

    /// <summary>Responsible units offered as buttons (<see cref="ResponsibleUnits"/>).</summary>
    public List<string> OfferedUnits { get; set; } = [];

    /// <summary>The draft's free texts that may carry a tipster's identity (not the responsible person's name), each read and written once.</summary>
    private static readonly IReadOnlyList<(Func<LedgerActionDraft, string?> Get, Action<LedgerActionDraft, string?> Set)> Texts =
    [
        (d => d.Unit, (d, v) => d.Unit = v),
        (d => d.Reason, (d, v) => d.Reason = v),
        (d => d.Opinion, (d, v) => d.Opinion = v),
        (d => d.Note, (d, v) => d.Note = v),
    ];

    /// <summary>Takes anything identifying a person out of the free texts (see <see cref="IdentityScrubber"/>): where input enters the draft, and on apply.</summary>
    public void ScrubIdentities() => IdentityScrubber.ScrubEach(this, Texts);
}

/// <summary>
/// Collects what a rectification step needs before it is applied: an assignment (responsible unit,
/// person — a registered contact or a name and phone — and deadline), evidence of the fix, the
/// reason for sending it back, a new deadline (checked when typed: after the current one) and the
/// reason, or the verification opinion and optional evidence that close it (销号). A deadline far
/// ahead is confirmed first. Ends with a confirmation; the service then checks everything again
/// (role, state, revision) as for any button. Every question can be cancelled.
/// </summary>
public sealed class LedgerActionFlow : FormFlow<LedgerActionDraft>
{
    public const string FlowName = "ledger";

    /// <summary>Quick extensions, counted from the current deadline.</summary>
    internal static readonly int[] ExtensionDays = [7, 15, 30];

    private const int MaxText = 1000;

    /// <summary>The deadline's questions (asked, retyped at the confirmation) fill one field: the answers so far name it once.</summary>
    private const string DeadlineField = "field.deadline";

    private readonly LedgerService _ledger;
    private readonly FindingStore _findings;

    public LedgerActionFlow(LedgerService ledger, FindingStore findings, TeamStore teams)
        : base(FlowName, "flow.ledger")
    {
        _ledger = ledger;
        _findings = findings;
        Unit = new("Unit")
        {
            Shown = (_, d) => d.Unit,
            Ask = AskUnit,
            Read = (turn, d) => ResponsibleUnits.Read(turn, d.OfferedUnits, unit => d.Unit = unit, () => Answers.Text(turn, MaxText, v => d.Unit = v)),
        };
        Person = new("Person")
        {
            Shown = (_, d) => d.Person,
            Ask = (turn, d) => AskPerson(turn, d, teams),
            Read = (turn, d) => ReadPerson(turn, d, teams),
        };
        Deadline = new("Deadline")
        {
            Field = DeadlineField,
            Shown = DeadlineAnswer.Shown,
            Ask = (turn, _) => new(turn.Context.T["ledger.ask.deadline"], [DeadlineAnswer.QuickChoices(turn.Context.T, withToday: false)]),
            Read = (turn, d) => DeadlineAnswer.Read(turn, d),
        };
        NewDeadline = new("NewDeadline")
        {
            Field = DeadlineField,
            Shown = DeadlineAnswer.Shown,
            Ask = AskNewDeadline,

            // Checked as it is typed: after the current deadline, so the reason asked next is never thrown away.
            Read = (turn, d) => DeadlineAnswer.Read(turn, d, after: _findings.Get(d.FindingId)?.Deadline),
        };
        ConfirmDeadline = DeadlineAnswer.Confirmation<LedgerActionDraft>(d => Extending(d) ? NewDeadline : Deadline, DeadlineField);
        Reason = new("Reason")
        {
            Ask = (turn, d) => new(d.Action == RectificationAction.Reject ? turn.Context.T["ledger.ask.reject_reason"]
                : turn.Context.T.Format("ledger.ask.extend_reason", DateText.Full(turn.Context.T, d.Deadline ?? turn.Context.Today))),
            Read = (turn, d) => Answers.Text(turn, MaxText, v => d.Reason = v),
            Shown = (_, d) => d.Reason,
        };
        Opinion = new("Opinion")
        {
            Ask = (turn, d) => new(turn.Context.T.Format("ledger.ask.opinion", Code(d))),
            Read = (turn, d) => Answers.Text(turn, MaxText, v => d.Opinion = v),
            Shown = (_, d) => d.Opinion,
        };
        Evidence = new("Evidence") { TakesFiles = true, Ask = AskEvidence, Read = ReadEvidence };
        Confirm = new("Confirm")
        {
            Ask = (turn, d) => new(turn.Context.T.Format("ledger.confirm", Code(d), turn.Context.T[d.Action.Key()]) + "\n" + Details(turn.Context.T, d),
                [[new Choice(turn.Context.T["ledger.confirm_yes"], "ok")]]),
            Read = (turn, _) => turn.Input.Choice == "ok" ? StepResult.Fire(FlowTrigger.Save) : StepResult.Unexpected,
        };
        Applied = FormStep.End<LedgerActionDraft>("Applied", "apply the step (checked again)", Apply);
        Cancelled = FormStep.Cancelled<LedgerActionDraft>("nothing applied", "ledger.action_cancelled");
    }

    private Step Unit { get; }

    private Step Person { get; }

    private Step Deadline { get; }

    private Step NewDeadline { get; }

    private Step ConfirmDeadline { get; }

    private Step Reason { get; }

    private Step Opinion { get; }

    private Step Evidence { get; }

    private Step Confirm { get; }

    private Step Applied { get; }

    private Step Cancelled { get; }

    protected override IReadOnlyList<Step> Steps =>
        [Unit, Person, Deadline, NewDeadline, ConfirmDeadline, Reason, Opinion, Evidence, Confirm, Applied, Cancelled];

    /// <summary>The finding's number and the step: "G7-003 · 指派".</summary>
    public override string Describe(FlowTurn turn)
    {
        var d = turn.Data<LedgerActionDraft>();
        return _findings.Get(d.FindingId) is { } f ? $"{Html.Bold(f.Code)} · {turn.Context.T[d.Action.Key()]}" : "";
    }

    protected override Step FirstStep(LedgerActionDraft data) => data.Action switch
    {
        RectificationAction.Assign => Unit,
        RectificationAction.SubmitFix => Evidence,
        RectificationAction.ExtendDeadline => NewDeadline,
        RectificationAction.Verify => Opinion,
        _ => Reason,
    };

    protected override void Configure(FormMachine<LedgerActionDraft> machine)
    {
        machine.Configure(Unit).Permit(FlowTrigger.Answered, Person);
        machine.Configure(Person).Permit(FlowTrigger.Answered, Deadline);
        machine.Configure(Deadline).Permit(FlowTrigger.Answered, Confirm).Permit(FlowTrigger.FarDeadline, ConfirmDeadline);
        machine.Configure(NewDeadline).Permit(FlowTrigger.Answered, Reason).Permit(FlowTrigger.FarDeadline, ConfirmDeadline);
        machine.Configure(ConfirmDeadline)
            .PermitIf(FlowTrigger.Answered, Reason, () => Extending(machine.Data), "extension: ask the reason")
            .PermitIf(FlowTrigger.Answered, Confirm, () => !Extending(machine.Data), "assignment: confirm")
            .PermitIf(FlowTrigger.ChangeDeadline, NewDeadline, () => Extending(machine.Data), "extension: ask again")
            .PermitIf(FlowTrigger.ChangeDeadline, Deadline, () => !Extending(machine.Data), "assignment: ask again")
            .PermitReentry(FlowTrigger.FarDeadline);
        machine.Configure(Reason).Permit(FlowTrigger.Answered, Confirm);
        machine.Configure(Opinion).Permit(FlowTrigger.Answered, Evidence);
        machine.Configure(Evidence).Permit(FlowTrigger.Answered, Confirm);
        machine.Configure(Confirm).Permit(FlowTrigger.Save, Applied);
        machine.End(Applied, FlowTrigger.Save);
        machine.CancelFromEveryStep(Steps, Cancelled);
    }

    /// <summary>A tipster's identity never enters the draft: every text is scrubbed as the input arrives (not when the draft is loaded).</summary>
    protected override void Accept(FlowTurn turn, LedgerActionDraft data) => data.ScrubIdentities();

    private static bool Extending(LedgerActionDraft d) => d.Action == RectificationAction.ExtendDeadline;

    private string Code(LedgerActionDraft d) => _findings.Get(d.FindingId)?.Code ?? "?";

    /// <summary>The responsible unit: typed, or one of those offered (the unit inspected, the team's latest).</summary>
    private Question AskUnit(FlowTurn turn, LedgerActionDraft d)
    {
        d.OfferedUnits = ResponsibleUnits.Offer(_findings, turn.Context.Member, _findings.Get(d.FindingId)?.Unit);
        return new(turn.Context.T.Format("ledger.ask.unit", Code(d)), ResponsibleUnits.Buttons(d.OfferedUnits));
    }

    private static Question AskPerson(FlowTurn turn, LedgerActionDraft d, TeamStore teams)
    {
        var t = turn.Context.T;
        var contacts = teams.MembersOf(turn.Draft.TeamId).Where(m => m.Role == Role.Contact).ToList();
        d.Offered.Clear();
        d.Offered.AddRange(contacts.Select(m => m.Id));
        return new(t["ledger.ask.person"],
        [
            .. contacts.Select((m, i) => new Choice(m.DisplayName + (m.Organization is null ? "" : " · " + m.Organization), Answers.Offer("c:", i))).Chunk(2),
            [new Choice(t["common.skip"], "skip")],
        ]);
    }

    /// <summary>A registered contact's button, skip, or a name and phone typed.</summary>
    private static StepResult ReadPerson(FlowTurn turn, LedgerActionDraft d, TeamStore teams)
    {
        if (Answers.TryOffered(turn.Input.Choice, "c:", d.Offered.Count, out var index))
        {
            d.ContactId = d.Offered[index];
            d.Person = teams.GetMember(d.ContactId.Value)?.DisplayName;
            return StepResult.Answered;
        }

        return turn.Input.Choice == "skip" ? StepResult.Answered : Answers.Text(turn, MaxText, v =>
        {
            d.Person = v;
            d.ContactId = null;
        });
    }

    /// <summary>
    /// The new deadline: buttons +7, +15, +30 days from the current deadline (from today when even the first of them
    /// has passed: an item long overdue), or a typed date after the current deadline.
    /// </summary>
    private Question AskNewDeadline(FlowTurn turn, LedgerActionDraft d)
    {
        var t = turn.Context.T;
        var today = turn.Context.Today;
        var current = _findings.Get(d.FindingId)?.Deadline;
        var from = current is { } c && c.AddDays(ExtensionDays[0]) >= today ? c : today;
        var question = current is { } deadline
            ? t.Format("ledger.ask.new_deadline_after", Code(d), DateText.Full(t, deadline))
            : t.Format("ledger.ask.new_deadline_none", Code(d));
        return new(question, [DeadlineAnswer.DateChoices(t, from, ExtensionDays, today)]);
    }

    private Question AskEvidence(FlowTurn turn, LedgerActionDraft d)
    {
        var t = turn.Context.T;
        if (d.Action == RectificationAction.Verify)
        {
            return new(d.Evidence.Count == 0 ? t["ledger.ask.verify_evidence"] : t.Format("ledger.ask.verify_evidence_more", EvidenceText.Summary(t, d.Evidence)),
                [[new Choice(t[d.Evidence.Count == 0 ? "ledger.no_verify_evidence" : "common.next"], "done")]]);
        }

        return new(d.Evidence.Count == 0 && d.Note is null ? t.Format("ledger.ask.evidence", Code(d))
                : d.Note is { Length: > 0 } note
                    ? t.Format("ledger.ask.evidence_more_note", EvidenceText.Summary(t, d.Evidence), note.TrimEnd('。', '.', '；', ';', ' '))
                    : t.Format("ledger.ask.evidence_more", EvidenceText.Summary(t, d.Evidence)),
            [[new Choice(t["common.next"], "done")]]);
    }

    /// <summary>Files (kept as the finding's are, voice included) and words, until done; the fix needs one or the other.</summary>
    private static StepResult ReadEvidence(FlowTurn turn, LedgerActionDraft d)
    {
        var text = turn.Input.Text?.Trim();
        if (turn.Input.Files.Count > 0)
        {
            EvidenceAnswer.Keep(turn, d, sayKept: false);
            AddWords(d, text);
            return StepResult.Stay;
        }

        if (turn.Input.Choice == "done")
        {
            // The verifier's evidence is optional; the fix needs some.
            return d.Action != RectificationAction.Verify && d.Evidence.Count == 0 && string.IsNullOrWhiteSpace(d.Note)
                ? StepResult.Again(turn.Context.T["ledger.evidence_required"])
                : StepResult.Answered;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return StepResult.Unexpected;
        }

        AddWords(d, text);
        return StepResult.Stay;
    }

    /// <summary>Words sent with or after evidence: the fix's note, or more of the verification opinion.</summary>
    private static void AddWords(LedgerActionDraft d, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (d.Action == RectificationAction.Verify)
        {
            d.Opinion = d.Opinion is null ? text : d.Opinion + "\n" + text;
        }
        else
        {
            d.Note = d.Note is null ? text : d.Note + "\n" + text;
        }
    }

    private void Apply(FlowTurn turn, LedgerActionDraft d)
    {
        var context = turn.Context;
        if (context.Member is not { } member)
        {
            return;
        }

        // Scrubbed again as it leaves the draft (as a finding is on save): the step's notices and history carry these texts.
        d.ScrubIdentities();
        var request = new RectificationRequest
        {
            Actor = member,
            Unit = d.Unit,
            Person = d.Person,
            ContactId = d.ContactId,
            NewDeadline = d.Deadline,
            Reason = d.Reason,
            Opinion = d.Opinion,
            Note = d.Note,
            Evidence = d.Evidence,
            Rules = _ledger.Rules,
        };
        LedgerReplies.Outcome(context, _ledger.Apply(context, d.FindingId, d.Revision, d.Action, request), _ledger.Rules);
    }

    private static string Details(Texts t, LedgerActionDraft d)
    {
        var lines = new List<string>();
        if (d.Unit is not null)
        {
            lines.Add(t["field.responsible_unit"] + t["card.colon"] + Html.Escape(d.Unit));
        }

        if (d.Person is not null)
        {
            lines.Add(t["field.responsible_person"] + t["card.colon"] + Html.Escape(d.Person));
        }

        if (d.Deadline is { } deadline)
        {
            lines.Add(t["field.deadline"] + t["card.colon"] + DateText.Full(t, deadline));
        }

        if (d.Reason is not null)
        {
            lines.Add(t["ledger.field.reason"] + t["card.colon"] + Html.Escape(d.Reason));
        }

        if (d.Action == RectificationAction.Verify)
        {
            lines.Add(t.Format("ledger.opinion", d.Opinion ?? ""));
            if (d.Evidence.Count > 0)
            {
                lines.Add(t["ledger.field.verification_evidence"] + t["card.colon"] + EvidenceText.Summary(t, d.Evidence));
            }
        }
        else if (d.Evidence.Count > 0 || d.Note is not null)
        {
            lines.Add(t["ledger.field.fix"] + t["card.colon"] + Html.Escape(d.Note ?? "") + (d.Evidence.Count > 0 ? " (" + EvidenceText.Summary(t, d.Evidence) + ")" : ""));
        }

        return string.Join('\n', lines);
    }
}
