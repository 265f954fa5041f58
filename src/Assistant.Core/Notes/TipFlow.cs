using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Stateless;
using Stateless.Graph;

namespace Assistant.Core.Notes;

/// <summary>What the tip flow has collected so far.</summary>
public sealed class TipDraft
{
    public int NoteId { get; set; }

    public TipChannel? Channel { get; set; }

    public string? Subject { get; set; }

    public string? Handling { get; set; }
}

/// <summary>
/// After a note is marked as a tip (举报线索): how it arrived, what it reports and how it was handled,
/// which is what the daily brief shows. The note itself (who called, their number) stays visible
/// only to its author, the liaison and the leader; the subject and handling may not identify the
/// tipster, and text that does (a phone number, an e-mail, "举报人：…") is refused with the reason.
/// </summary>
public sealed class TipFlow(NoteStore notes) : IFlow
{
    public const string FlowName = "tip";
    private const int MaxLength = 500;

    internal enum State
    {
        Channel,
        Subject,
        Handling,
        Saved,
    }

    internal enum Trigger
    {
        Answered,
    }

    private static readonly string[] HandlingPresets = ["tip.handling.local", "tip.handling.team", "tip.handling.pending"];

    public string Name => FlowName;

    public string TitleKey => "flow.tip";

    public static void Begin(FlowTurn turn, TipDraft data)
    {
        turn.Draft.State = nameof(State.Channel);
        Ask(turn, data, State.Channel);
        turn.Save(data);
    }

    public void AskAgain(FlowTurn turn) => Ask(turn, turn.Data<TipDraft>(), Current(turn.Draft));

    public string Diagram() => MermaidGraph.Format(Build(new Draft { State = nameof(State.Channel) }).GetInfo());

    /// <summary>The subject if given, else the start of the note the tip is about.</summary>
    public string Describe(FlowTurn turn)
    {
        var d = turn.Data<TipDraft>();
        var text = d.Subject ?? notes.Get(d.NoteId)?.Text ?? "";
        return text.Length == 0 ? "" : "“" + Messaging.Html.Escape(text.Length <= 20 ? text : text[..20] + "…") + "”";
    }

    public void Continue(FlowTurn turn)
    {
        var d = turn.Data<TipDraft>();
        var machine = Build(turn.Draft);
        if (Handle(turn, d, machine.State))
        {
            machine.Fire(Trigger.Answered);
        }

        if (machine.State == State.Saved)
        {
            Save(turn, d);
            return;
        }

        Ask(turn, d, machine.State);
        turn.Save(d);
    }

    internal static StateMachine<State, Trigger> Build(Draft draft)
    {
        var machine = new StateMachine<State, Trigger>(() => Current(draft), s => draft.State = s.ToString());
        machine.Configure(State.Channel).Permit(Trigger.Answered, State.Subject);
        machine.Configure(State.Subject).Permit(Trigger.Answered, State.Handling);
        machine.Configure(State.Handling).Permit(Trigger.Answered, State.Saved);
        machine.OnUnhandledTrigger((_, _) => { });
        return machine;
    }

    private static State Current(Draft draft) => Enum.TryParse<State>(draft.State, out var s) ? s : State.Channel;

    private static bool Handle(FlowTurn turn, TipDraft d, State state)
    {
        var t = turn.Context.T;
        var text = turn.Input.Text?.Trim();
        switch (state)
        {
            case State.Channel when turn.Input.Choice is { } c && Enum.TryParse<TipChannel>(c, out var channel):
                d.Channel = channel;
                return true;
            case State.Subject or State.Handling:
                var value = turn.Input.Choice is { } preset && HandlingPresets.Contains(preset) ? t[preset] : text;
                if (string.IsNullOrEmpty(value))
                {
                    break;
                }

                if (value.Length > MaxLength)
                {
                    turn.Say(t.Format("flow.too_long", MaxLength));
                    return false;
                }

                if (IdentityScrubber.Identifies(value))
                {
                    turn.Say(t["tip.identifies"]);
                    return false;
                }

                if (state == State.Subject)
                {
                    d.Subject = value;
                }
                else
                {
                    d.Handling = value;
                }

                return true;
        }

        turn.Say(t[state == State.Channel ? "flow.choose_button" : "flow.text_expected"]);
        return false;
    }

    private static void Ask(FlowTurn turn, TipDraft d, State state)
    {
        var t = turn.Context.T;
        switch (state)
        {
            case State.Channel:
                turn.Ask(t["tip.ask.channel"], Enum.GetValues<TipChannel>().Select(c => new Choice(t[Note.ChannelKey(c)], c.ToString())).Chunk(3));
                break;
            case State.Subject:
                turn.Ask(t["tip.ask.subject"]);
                break;
            case State.Handling:
                turn.Ask(t.Format("tip.ask.handling", d.Subject ?? ""), HandlingPresets.Select(k => new[] { new Choice(t[k], k) }));
                break;
        }
    }

    private void Save(FlowTurn turn, TipDraft d)
    {
        var t = turn.Context.T;
        var note = notes.Get(d.NoteId);
        if (note is null || note.Deleted || note.AuthorId != turn.Context.UserId)
        {
            turn.Say(t["callback.expired"]);
            turn.Finish();
            return;
        }

        note.Kind = NoteKind.Tip;
        note.TipChannel = d.Channel;
        note.TipSubject = d.Subject;
        note.TipHandling = d.Handling;
        notes.Update(note);
        turn.Context.Reply(t.Format("tip.saved", t[Note.ChannelKey(d.Channel ?? TipChannel.Other)], d.Subject ?? "", d.Handling ?? ""), NoteButtons.For(t, note));
        turn.Finish();
    }
}
