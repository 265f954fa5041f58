using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Stateless;
using Stateless.Graph;

namespace Assistant.Core.Ledger;

/// <summary>What a ledger action has collected so far.</summary>
public sealed class LedgerActionDraft
{
    public int FindingId { get; set; }

    public int Revision { get; set; }

    public RectificationAction Action { get; set; }

    public string? Unit { get; set; }

    public string? Person { get; set; }

    public long? ContactId { get; set; }

    public DateOnly? Deadline { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Contacts offered as buttons (a button carries only its index).</summary>
    public List<long> Offered { get; set; } = [];
}

/// <summary>
/// Collects what a rectification step needs before it is applied: an assignment (responsible unit,
/// person — a registered contact or a name and phone — and deadline), evidence of the fix, the
/// reason for sending it back, or a new deadline and the reason. Ends with a confirmation; the
/// service then checks everything again (role, state, revision) as for any button.
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
        Reason,
        Evidence,
        Confirm,
        Applied,
        Cancelled,
    }

    internal enum Trigger
    {
        Answered,
        Confirm,
        Cancel,
    }

    public string Name => FlowName;

    public string TitleKey => "flow.ledger";

    public void Begin(FlowTurn turn, LedgerActionDraft data)
    {
        turn.Draft.State = (data.Action switch
        {
            RectificationAction.Assign => State.Unit,
            RectificationAction.SubmitFix => State.Evidence,
            RectificationAction.ExtendDeadline => State.NewDeadline,
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
        machine.Configure(State.Deadline).Permit(Trigger.Answered, State.Confirm);
        machine.Configure(State.NewDeadline).Permit(Trigger.Answered, State.Reason);
        machine.Configure(State.Reason).Permit(Trigger.Answered, State.Confirm);
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
                return Date(turn, d, text);
            case State.Reason:
                return Text(turn, text, v => d.Reason = v);
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
                        d.Note = text;
                    }

                    return null;
                }

                if (input.Choice == "done")
                {
                    if (d.Evidence.Count == 0 && string.IsNullOrWhiteSpace(d.Note))
                    {
                        turn.Say(t["ledger.evidence_required"]);
                        return null;
                    }

                    return Trigger.Answered;
                }

                if (!string.IsNullOrWhiteSpace(text))
                {
                    d.Note = d.Note is null ? text : d.Note + "\n" + text;
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

    private static Trigger? Date(FlowTurn turn, LedgerActionDraft d, string? text)
    {
        var t = turn.Context.T;
        var today = turn.Context.Today;
        if (turn.Input.Choice is { } c && c.StartsWith("d:", StringComparison.Ordinal)
            && int.TryParse(c.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= DateInput.PlausibleYears * 365)
        {
            d.Deadline = today.AddDays(days);
            return Trigger.Answered;
        }

        var result = DateInput.Parse(text, today, new DateInputOptions(YearlessDates.NextOccurrence, AllowPast: false));
        switch (result.Error)
        {
            case DateInputError.None when !DateInput.IsPlausible(result.Date, today):
                turn.Say(t.Format("date.implausible", text ?? ""));
                return null;
            case DateInputError.None:
                d.Deadline = result.Date;
                return Trigger.Answered;
            case DateInputError.InPast:
                turn.Say(t.Format("date.in_past", new SafeHtml(FindingCard.Date(t, result.Date))));
                return null;
            case DateInputError.Impossible:
                turn.Say(t.Format("date.impossible", text ?? ""));
                return null;
            case DateInputError.Ambiguous:
                turn.Say(t.Format("date.ambiguous", text ?? ""));
                return null;
            default:
                turn.Say(t.Format("date.unrecognized", text ?? ""));
                return null;
        }
    }

    private static Trigger? Text(FlowTurn turn, string? text, Action<string> apply)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Unexpected(turn);
        }

        if (text.Length > 1000)
        {
            turn.Say(turn.Context.T.Format("finding.too_long", 1000));
            return null;
        }

        apply(text);
        return Trigger.Answered;
    }

    private static Trigger? Unexpected(FlowTurn turn)
    {
        turn.Say(turn.Context.T[turn.Input.Text is null ? "finding.text_expected" : "finding.choose_button"]);
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
            Note = d.Note,
            Evidence = d.Evidence,
        };
        LedgerCommands.Answer(context, ledger.Apply(context, d.FindingId, d.Revision, d.Action, request));
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
        Choice[] cancel = [new Choice(t["finding.cancel"], "cancel")];
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
            case State.Deadline or State.NewDeadline:
                turn.Ask(t[state == State.Deadline ? "ledger.ask.deadline" : "ledger.ask.new_deadline"],
                [
                    [.. DateInput.QuickOffsets.Where(n => n > 0).Select(n => new Choice(t.Format("date.in_days", n), "d:" + n.ToString(CultureInfo.InvariantCulture)))],
                    cancel,
                ]);
                break;
            case State.Reason:
                turn.Ask(t[d.Action == RectificationAction.Reject ? "ledger.ask.reject_reason" : "ledger.ask.extend_reason"], [cancel]);
                break;
            case State.Evidence:
                turn.Ask(d.Evidence.Count == 0 && d.Note is null ? t.Format("ledger.ask.evidence", code)
                    : t.Format("ledger.ask.evidence_more", FindingCard.Evidence(t, d.Evidence), d.Note ?? ""),
                    [[new Choice(t["common.next"], "done"), .. cancel]]);
                break;
            case State.Confirm:
                turn.Ask(t.Format("ledger.confirm", code, t[d.Action.Key()]) + "\n" + Details(turn, d), [[new Choice(t["ledger.confirm_yes"], "ok"), .. cancel]]);
                break;
        }
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

        if (d.Evidence.Count > 0 || d.Note is not null)
        {
            lines.Add(t["ledger.field.fix"] + t["card.colon"] + Html.Escape(d.Note ?? "") + (d.Evidence.Count > 0 ? " (" + FindingCard.Evidence(t, d.Evidence) + ")" : ""));
        }

        return string.Join('\n', lines);
    }
}
