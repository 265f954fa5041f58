using Assistant.Core.Conversations;
using Step = Assistant.Core.Conversations.FormStep<Assistant.Core.Notes.TipDraft>;

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
public sealed class TipFlow : FormFlow<TipDraft>
{
    public const string FlowName = "tip";
    private const int MaxLength = 500;

    private static readonly string[] HandlingPresets = ["tip.handling.local", "tip.handling.team", "tip.handling.pending"];

    private readonly NoteStore _notes;
    private readonly IReadOnlyList<ITipSavedHandler> _saved;

    public TipFlow(NoteStore notes, IEnumerable<ITipSavedHandler> saved)
        : base(FlowName, "flow.tip")
    {
        _notes = notes;
        _saved = [.. saved];
        Channel = new("Channel")
        {
            Shown = (turn, d) => d.Channel is { } channel ? turn.Context.T[Note.ChannelKey(channel)] : null,
            Ask = (turn, _) => new(turn.Context.T["tip.ask.channel"], ChannelChoices(turn.Context.T).Chunk(3)),
            Read = (turn, d) => Answers.Pick(turn, ChannelChoices(turn.Context.T), v => d.Channel = Enum.Parse<TipChannel>(v)),
        };
        Subject = new("Subject")
        {
            Shown = (_, d) => d.Subject,
            Ask = (turn, _) => new(turn.Context.T["tip.ask.subject"]),
            Read = (turn, d) => ReadWithoutIdentity(turn, v => d.Subject = v),
        };
        Handling = new("Handling")
        {
            Shown = (_, d) => d.Handling,
            // The example's feedback date is a week from today, so that it never reads as a date already past.
            Ask = (turn, d) => new(turn.Context.T.Format("tip.ask.handling", d.Subject ?? "", DateText.Short(turn.Context.T, turn.Context.Today.AddDays(7), turn.Context.Today)),
                HandlingPresets.Select(k => new[] { new Choice(turn.Context.T[k], k) })),
            Read = (turn, d) => ReadWithoutIdentity(turn, v => d.Handling = v) is var read && read == StepResult.Answered ? StepResult.Fire(FlowTrigger.Save) : read,
        };
        Saved = FormStep.End<TipDraft>("Saved", "mark the note as a tip", Save);
    }

    private Step Channel { get; }

    private Step Subject { get; }

    private Step Handling { get; }

    private Step Saved { get; }

    protected override IReadOnlyList<Step> Steps => [Channel, Subject, Handling, Saved];

    /// <summary>The subject if given, else the start of the note the tip is about.</summary>
    public override string Describe(FlowTurn turn)
    {
        var d = turn.Data<TipDraft>();
        var text = d.Subject ?? _notes.Get(d.NoteId)?.Text ?? "";
        return text.Length == 0 ? "" : "“" + Html.Escape(TextPreview.Shorten(text, 20)) + "”";
    }

    /// <summary>The tip's draft for a note: what the note already holds of it (a tip taken up again after it was left half-done).</summary>
    public static TipDraft DraftFor(Note note) => new()
    {
        NoteId = note.Id,
        Channel = note.TipChannel,
        Subject = string.IsNullOrWhiteSpace(note.TipSubject) ? null : note.TipSubject,
        Handling = string.IsNullOrWhiteSpace(note.TipHandling) ? null : note.TipHandling,
    };

    /// <summary>The first question the draft does not answer yet: a tip completed later asks only what is missing.</summary>
    protected override Step FirstStep(TipDraft data) => data.Channel is null ? Channel : data.Subject is null ? Subject : Handling;

    /// <summary>
    /// Left with /cancel, or the draft expired (the janitor, or the member's next update after the timeout): the note is a
    /// tip left half-done; its buttons come back, with one to complete the tip. The channel answered stays on the note. What it reports does not: a tip with a subject is one that has its lead (made when the
    /// tip is saved, <see cref="ITipSavedHandler"/>), so the subject is written only with the rest, on save.
    /// </summary>
    public override void Left(FlowTurn turn)
    {
        var d = turn.Data<TipDraft>();
        var note = _notes.Get(d.NoteId);
        if (note is null || note.Deleted || note.AuthorId != turn.Context.UserId || note.TeamId != turn.Context.Member?.TeamId || note.Kind != NoteKind.Tip)
        {
            return;
        }

        if (d.Channel is { } channel && note.TipChannel != channel)
        {
            note.TipChannel = channel;
            _notes.Update(note);
        }
        if (Note.IsHalfDoneTip(note))
        {
            var t = turn.Context.T;
            turn.Context.Reply(NoteButtons.Saved(t, note) + "\n\n" + t["tip.left_half_done"], NoteButtons.For(t, note));
        }
    }

    protected override void Configure(FormMachine<TipDraft> machine)
    {
        machine.Configure(Channel).Permit(FlowTrigger.Answered, Subject);
        machine.Configure(Subject).Permit(FlowTrigger.Answered, Handling);
        machine.Configure(Handling).Permit(FlowTrigger.Save, Saved);
        machine.End(Saved, FlowTrigger.Save);
    }

    private static List<Choice> ChannelChoices(Localization.Texts t) =>
        [.. Enum.GetValues<TipChannel>().Select(c => new Choice(t[Note.ChannelKey(c)], c.ToString()))];

    /// <summary>Typed text or a preset's button; refused when it would identify the tipster.</summary>
    private static StepResult ReadWithoutIdentity(FlowTurn turn, Action<string> apply)
    {
        var t = turn.Context.T;
        if (turn.Input.Choice is { } preset && HandlingPresets.Contains(preset))
        {
            apply(t[preset]);
            return StepResult.Answered;
        }

        return Answers.TextWithoutIdentity(turn, MaxLength, apply);
    }

    private void Save(FlowTurn turn, TipDraft d)
    {
        var t = turn.Context.T;
        var note = _notes.Get(d.NoteId);
        if (note is null || note.Deleted || note.AuthorId != turn.Context.UserId)
        {
            turn.Say(t["callback.expired"]);
            return;
        }

        note.Kind = NoteKind.Tip;
        note.TipChannel = d.Channel;
        note.TipSubject = d.Subject;
        note.TipHandling = d.Handling;
        _notes.Update(note);
        var lines = _saved.Select(h => h.TipSaved(turn.Context, note)).OfType<string>().Prepend(
            t.Format("tip.saved", t[Note.ChannelKey(d.Channel ?? TipChannel.Other)], d.Subject ?? "", d.Handling ?? ""));
        turn.Context.Reply(string.Join("\n", lines), NoteButtons.For(t, note));
    }
}
