using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Stateless;
using Stateless.Graph;

namespace Assistant.Core.Ledger;

/// <summary>What a ledger action has collected so far.</summary>
public sealed class LedgerActionDraft : IDeadlineDraft
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

    public string? Reason { get; set; }

    /// <summary>The verification opinion (验收意见) when closing.</summary>
    public string? Opinion { get; set; }

    public string? Note { get; set; }

    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Contacts offered as buttons (a button carries only its index).</summary>
    public List<long> Offered { get; set; } = [];
}

/// <summary>
/// Collects what a rectification step needs before it is applied: an assignment (responsible unit,
/// person — a registered contact or a name and phone — and deadline), evidence of the fix, the
/// reason for sending it back, a new deadline (checked when typed: after the current one) and the
/// reason, or the verification opinion and optional evidence that close it (销号). A deadline far
/// ahead is confirmed first. Ends with a confirmation; the service then checks everything again
/// (role, state, revision) as for any button.
/// </summary>
public sealed class LedgerActionFlow(LedgerService ledger, FindingStore findings, TeamStore teams) : IFlow
{
    public const string FlowName = "ledger";

    internal enum State
    {
        Unit,
        Person,
        Deadline,
        NewDeadline,
        ConfirmDeadline,
        Reason,
        Opinion,
        Evidence,
        Confirm,
        Applied,
        Cancelled,
    }

    internal enum Trigger
    {
        Answered,
        FarDeadline,
        ChangeDeadline,
        Confirm,
        Cancel,
    }

    /// <summary>Quick extensions, counted from the current deadline.</summary>
    internal static readonly int[] ExtensionDays = [7, 15, 30];

    public string Name => FlowName;

    public string TitleKey => "flow.ledger";

    public void Begin(FlowTurn turn, LedgerActionDraft data)
    {
        turn.Draft.State = (data.Action switch
        {
            RectificationAction.Assign => State.Unit,
            RectificationAction.SubmitFix => State.Evidence,
            RectificationAction.ExtendDeadline => State.NewDeadline,
            RectificationAction.Verify => State.Opinion,
            _ => State.Reason,
        }).ToString();
        AskAndSave(turn, data, Current(turn.Draft));
    }

    public void AskAgain(FlowTurn turn) => AskAndSave(turn, turn.Data<LedgerActionDraft>(), Current(turn.Draft));

    public string Diagram() => MermaidGraph.Format(Build(new Draft { State = nameof(State.Unit) }, new LedgerActionDraft()).GetInfo());

    /// <summary>The finding's number and the step: "G7-003 · 指派".</summary>
    public string Describe(FlowTurn turn)
    {
        var d = turn.Data<LedgerActionDraft>();
        return findings.Get(d.FindingId) is { } f ? $"{Html.Bold(f.Code)} · {turn.Context.T[d.Action.Key()]}" : "";
    }

    public void Continue(FlowTurn turn)
    {
        var d = turn.Data<LedgerActionDraft>();
        var machine = Build(turn.Draft, d);
        var t = turn.Context.T;
        var input = turn.Input;
        if (input.Choice == "cancel")
        {
            turn.Say(t["ledger.action_cancelled"]);
            turn.Finish();
            return;
        }

        if (Handle(turn, d, machine.State) is { } trigger)
        {
            if (trigger == Trigger.Confirm)
            {
                Apply(turn, d);
                return;
            }

            machine.Fire(trigger);
        }

        AskAndSave(turn, d, machine.State);
    }

    internal static StateMachine<State, Trigger> Build(Draft draft, LedgerActionDraft d)
    {
        var machine = new StateMachine<State, Trigger>(() => Enum.TryParse<State>(draft.State, out var s) ? s : State.Confirm, s => draft.State = s.ToString());
        machine.Configure(State.Unit).Permit(Trigger.Answered, State.Person);
        machine.Configure(State.Person).Permit(Trigger.Answered, State.Deadline);
        machine.Configure(State.Deadline).Permit(Trigger.Answered, State.Confirm).Permit(Trigger.FarDeadline, State.ConfirmDeadline);
        machine.Configure(State.NewDeadline).Permit(Trigger.Answered, State.Reason).Permit(Trigger.FarDeadline, State.ConfirmDeadline);
        var extending = () => d.Action == RectificationAction.ExtendDeadline;
        machine.Configure(State.ConfirmDeadline)
            .PermitIf(Trigger.Answered, State.Reason, extending, "extension: ask the reason")
            .PermitIf(Trigger.Answered, State.Confirm, () => !extending(), "assignment: confirm")
            .PermitIf(Trigger.ChangeDeadline, State.NewDeadline, extending, "extension: ask again")
            .PermitIf(Trigger.ChangeDeadline, State.Deadline, () => !extending(), "assignment: ask again")
            .PermitReentry(Trigger.FarDeadline);
        machine.Configure(State.Reason).Permit(Trigger.Answered, State.Confirm);
        machine.Configure(State.Opinion).Permit(Trigger.Answered, State.Evidence);
        machine.Configure(State.Evidence).Permit(Trigger.Answered, State.Confirm);
        machine.Configure(State.Confirm).Permit(Trigger.Confirm, State.Applied).Permit(Trigger.Cancel, State.Cancelled);
        machine.OnUnhandledTrigger((_, _) => { });
        return machine;
    }

    private static State Current(Draft draft) => Enum.TryParse<State>(draft.State, out var s) ? s : State.Confirm;

    private Trigger? Handle(FlowTurn turn, LedgerActionDraft d, State state)
    {
        var t = turn.Context.T;
        var input = turn.Input;
        var text = input.Text?.Trim();
        switch (state)
        {
            case State.Unit:
                return Text(turn, text, v => d.Unit = v);
            case State.Person:
                if (input.Choice is { } c && c.StartsWith("c:", StringComparison.Ordinal)
                    && int.TryParse(c.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < d.Offered.Count)
                {
                    d.ContactId = d.Offered[index];
                    d.Person = teams.GetMember(d.ContactId.Value)?.DisplayName;
                    return Trigger.Answered;
                }

                if (input.Choice == "skip")
                {
                    return Trigger.Answered;
                }

                return Text(turn, text, v =>
                {
                    d.Person = v;
                    d.ContactId = null;
                });
            case State.Deadline or State.NewDeadline:
                return Deadline(turn, d, state);
            case State.ConfirmDeadline:
                return ConfirmDeadline(turn, d);
            case State.Reason:
                return Text(turn, text, v => d.Reason = v);
            case State.Opinion:
                return Text(turn, text, v => d.Opinion = v);
            case State.Evidence:
                if (input.Files.Count > 0)
                {
                    foreach (var file in input.Files.Where(f => f.Kind is FileKind.Photo or FileKind.Document or FileKind.Video))
                    {
                        d.Evidence.Add(new Evidence
                        {
                            Kind = file.Kind == FileKind.Photo ? EvidenceKind.Photo : file.Kind == FileKind.Video ? EvidenceKind.Video : EvidenceKind.Document,
                            FileId = file.FileId,
                            FileName = file.FileName,
                            MimeType = file.MimeType,
                            Size = file.Size,
                            AddedUtc = turn.Context.UtcNow,
                        });
                    }

                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        AddWords(d, text);
                    }

                    return null;
                }

                if (input.Choice == "done")
                {
                    // The verifier's evidence is optional; the fix needs some.
                    if (d.Action != RectificationAction.Verify && d.Evidence.Count == 0 && string.IsNullOrWhiteSpace(d.Note))
                    {
                        turn.Say(t["ledger.evidence_required"]);
                        return null;
                    }

                    return Trigger.Answered;
                }

                if (!string.IsNullOrWhiteSpace(text))
                {
                    AddWords(d, text);
                    return null;
                }

                return Unexpected(turn);
            case State.Confirm:
                return input.Choice switch
                {
                    "ok" => Trigger.Confirm,
                    _ => Unexpected(turn),
                };
            default:
                return null;
        }
    }

    /// <summary>Words sent with or after evidence: the fix's note, or more of the verification opinion.</summary>
    private static void AddWords(LedgerActionDraft d, string text)
    {
        if (d.Action == RectificationAction.Verify)
        {
            d.Opinion = d.Opinion is null ? text : d.Opinion + "\n" + text;
        }
        else
        {
            d.Note = d.Note is null ? text : d.Note + "\n" + text;
        }
    }

    /// <summary>
    /// A deadline (quick button from today) or a new deadline (quick button from the current one), checked as it
    /// is typed: it must be after the current deadline, so the reason asked next is never thrown away.
    /// </summary>
    private Trigger? Deadline(FlowTurn turn, LedgerActionDraft d, State state)
    {
        var today = turn.Context.Today;
        if (state == State.Deadline && turn.Input.Choice is { } c && c.StartsWith("d:", StringComparison.Ordinal)
            && int.TryParse(c.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= DateInput.PlausibleYears * 365)
        {
            d.Deadline = today.AddDays(days);
            return Trigger.Answered;
        }

        var current = state == State.NewDeadline ? findings.Get(d.FindingId)?.Deadline : null;
        return DeadlineAnswer.Answer(turn, d, current) switch
        {
            DeadlineStep.Taken => Trigger.Answered,
            DeadlineStep.Far => Trigger.FarDeadline,
            _ => null,
        };
    }

    /// <summary>A deadline far ahead: yes takes it, change asks again; a date typed here answers the deadline again.</summary>
    private Trigger? ConfirmDeadline(FlowTurn turn, LedgerActionDraft d) => DeadlineAnswer.Confirm(turn, d) switch
    {
        DeadlineStep.Taken => Trigger.Answered,
        DeadlineStep.Change => Trigger.ChangeDeadline,
        DeadlineStep.Retyped => Deadline(turn, d, d.Action == RectificationAction.ExtendDeadline ? State.NewDeadline : State.Deadline),
        _ => Unexpected(turn),
    };

    private static Trigger? Text(FlowTurn turn, string? text, Action<string> apply)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Unexpected(turn);
        }

        if (text.Length > 1000)
        {
            turn.Say(turn.Context.T.Format("flow.too_long", 1000));
            return null;
        }

        apply(text);
        return Trigger.Answered;
    }

    private static Trigger? Unexpected(FlowTurn turn)
    {
        turn.Say(turn.Context.T[turn.Input.Text is null ? "flow.text_expected" : "flow.choose_button"]);
        return null;
    }

    private void Apply(FlowTurn turn, LedgerActionDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        turn.Finish();
        if (context.Member is not { } member)
        {
            return;
        }

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
            Rules = ledger.Rules,
        };
        LedgerReplies.Outcome(context, ledger.Apply(context, d.FindingId, d.Revision, d.Action, request), ledger.Rules);
    }

    private void AskAndSave(FlowTurn turn, LedgerActionDraft d, State state)
    {
        Ask(turn, d, state);
        turn.Save(d);
    }

    private void Ask(FlowTurn turn, LedgerActionDraft d, State state)
    {
        var t = turn.Context.T;
        var code = findings.Get(d.FindingId)?.Code ?? "?";
        Choice[] cancel = [new Choice(t["flow.cancel"], "cancel")];
        switch (state)
        {
            case State.Unit:
                turn.Ask(t.Format("ledger.ask.unit", code), [cancel]);
                break;
            case State.Person:
                var contacts = teams.MembersOf(turn.Draft.TeamId).Where(m => m.Role == Role.Contact).ToList();
                d.Offered.Clear();
                d.Offered.AddRange(contacts.Select(m => m.Id));
                turn.Ask(t["ledger.ask.person"],
                [
                    .. contacts.Select((m, i) => new Choice(m.DisplayName + (m.Organization is null ? "" : " · " + m.Organization), "c:" + i.ToString(CultureInfo.InvariantCulture))).Chunk(2),
                    [new Choice(t["common.skip"], "skip"), .. cancel],
                ]);
                break;
            case State.Deadline:
                turn.Ask(t["ledger.ask.deadline"],
                [
                    [.. DateInput.QuickOffsets.Where(n => n > 0).Select(n => new Choice(t.Format("date.in_days", n), "d:" + n.ToString(CultureInfo.InvariantCulture)))],
                    cancel,
                ]);
                break;
            case State.NewDeadline:
                AskNewDeadline(turn, d, code, cancel);
                break;
            case State.ConfirmDeadline:
                var far = DeadlineAnswer.AskToConfirm(turn, d.PendingDeadline ?? turn.Context.Today, cancel);
                turn.Ask(far.Html, far.Rows);
                break;
            case State.Reason:
                turn.Ask(d.Action == RectificationAction.Reject ? t["ledger.ask.reject_reason"]
                    : t.Format("ledger.ask.extend_reason", DateText.Full(t, d.Deadline ?? turn.Context.Today)), [cancel]);
                break;
            case State.Opinion:
                turn.Ask(t.Format("ledger.ask.opinion", code), [cancel]);
                break;
            case State.Evidence when d.Action == RectificationAction.Verify:
                turn.Ask(d.Evidence.Count == 0 ? t["ledger.ask.verify_evidence"] : t.Format("ledger.ask.verify_evidence_more", EvidenceText.Summary(t, d.Evidence)),
                    [[new Choice(t[d.Evidence.Count == 0 ? "ledger.no_verify_evidence" : "common.next"], "done"), .. cancel]]);
                break;
            case State.Evidence:
                turn.Ask(d.Evidence.Count == 0 && d.Note is null ? t.Format("ledger.ask.evidence", code)
                    : t.Format("ledger.ask.evidence_more", EvidenceText.Summary(t, d.Evidence), d.Note ?? ""),
                    [[new Choice(t["common.next"], "done"), .. cancel]]);
                break;
            case State.Confirm:
                turn.Ask(t.Format("ledger.confirm", code, t[d.Action.Key()]) + "\n" + Details(turn, d), [[new Choice(t["ledger.confirm_yes"], "ok"), .. cancel]]);
                break;
        }
    }

    /// <summary>
    /// The new deadline: buttons +7, +15, +30 days from the current deadline (from today when even the first of them
    /// has passed: an item long overdue), or a typed date after the current deadline.
    /// </summary>
    private void AskNewDeadline(FlowTurn turn, LedgerActionDraft d, string code, Choice[] cancel)
    {
        var t = turn.Context.T;
        var today = turn.Context.Today;
        var current = findings.Get(d.FindingId)?.Deadline;
        var from = current is { } c && c.AddDays(ExtensionDays[0]) >= today ? c : today;
        var question = current is { } deadline
            ? t.Format("ledger.ask.new_deadline_after", code, DateText.Full(t, deadline))
            : t.Format("ledger.ask.new_deadline_none", code);
        turn.Ask(question, [[.. DeadlineAnswer.DateChoices(t, from, ExtensionDays, today)], cancel]);
    }

    private static string Details(FlowTurn turn, LedgerActionDraft d)
    {
        var t = turn.Context.T;
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
            lines.Add(t["field.deadline"] + t["card.colon"] + FindingCard.Date(t, deadline));
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
