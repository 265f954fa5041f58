using Assistant.Core.Conversations;
using Assistant.Core.Teams;
using Step = Assistant.Core.Conversations.FormStep<Assistant.Core.Schedule.ScheduleDraft>;

namespace Assistant.Core.Schedule;

/// <summary>
/// Adds an item to the itinerary or changes one (liaison and leader): kind, title, start, end,
/// place, participants (<see cref="ScheduleParticipants"/>), then a card to add notes, edit, save or cancel.
/// </summary>
public sealed class ScheduleFlow : FormFlow<ScheduleDraft>
{
    public const string FlowName = "schedule";

    private readonly ScheduleService _service;
    private readonly ScheduleView _view;

    public ScheduleFlow(ScheduleService service, TeamStore teams, ScheduleView view)
        : base(FlowName, "flow.schedule")
    {
        _service = service;
        _view = view;
        var people = new ScheduleParticipants(teams);
        Kind = new("Kind")
        {
            Shown = (turn, d) => d.Kind is { } kind ? turn.Context.T[kind.Key()] : null,
            Ask = (turn, _) => new(turn.Context.T["schedule.ask.kind"], KindChoices(turn.Context.T).Chunk(3)),
            Read = (turn, d) => Answers.Pick(turn, KindChoices(turn.Context.T), v => d.Kind = EventKinds.Parse(v[2..]),
                typed => EventKinds.Parse(typed) is { } kind ? ["k:" + kind] : []) is var read && read.IsUnexpected ? ChooseButton(turn) : read,
        };
        Title = new("Title")
        {
            Field = "schedule.field.title",
            Required = true,
            IsAnswered = d => d.Title is not null,
            Shown = (_, d) => d.Title,
            Ask = (turn, _) => new(turn.Context.T["schedule.ask.title"]),
            Read = (turn, d) => Typed(turn, 200, v => d.Title = v),
        };
        Start = new("Start")
        {
            Field = "schedule.field.time",
            Required = true,
            IsAnswered = d => d.Start is not null,
            Shown = (turn, d) => d.Start is { } start
                ? DateText.Short(turn.Context.T, DateOnly.FromDateTime(start), turn.Context.Today) + " " + start.ToString("HH:mm", CultureInfo.InvariantCulture)
                : null,
            Ask = (turn, _) => new(turn.Context.T["schedule.ask.start"]),
            Read = ReadStart,
        };
        End = new("End")
        {
            Shown = (turn, d) => d.End is { } end ? turn.Context.T.Format("schedule.shown_end", end.ToString("HH:mm", CultureInfo.InvariantCulture)) : null,
            Ask = (turn, d) => new(turn.Context.T.Format("schedule.ask.end", d.Start!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)), [LengthChoices(turn.Context.T)]),
            Read = ReadEnd,
        };
        Place = new("Place")
        {
            Shown = (_, d) => d.Place,
            Ask = (turn, _) => new(turn.Context.T["schedule.ask.place"], [[new Choice(turn.Context.T["common.skip"], "skip")]]),
            Read = (turn, d) => turn.Input.Choice == "skip" ? Skipped(() => d.Place = null) : Typed(turn, 200, v => d.Place = v),
        };
        Participants = new("Participants") { Ask = people.Ask, Read = people.Read };
        UnknownParticipant = new("UnknownParticipant") { Ask = people.AskAboutName, Read = people.ReadAboutName };
        Notes = new("Notes")
        {
            Shown = (_, d) => d.Notes,
            Ask = (turn, _) => new(turn.Context.T["schedule.ask.notes"], [[new Choice(turn.Context.T["common.skip"], "skip")]]),
            Read = (turn, d) => turn.Input.Choice == "skip" ? Skipped(() => d.Notes = null) : Typed(turn, 2000, v => d.Notes = v),
        };
        EditTargets =
        [
            new("e:kind", new("EditKind"), Kind, "schedule.field.kind"),
            new("e:title", new("EditTitle"), Title, "schedule.field.title"),
            new("e:time", new("EditTime"), Start, "schedule.field.time"),
            new("e:place", new("EditPlace"), Place, "schedule.field.place"),
            new("e:people", new("EditParticipants"), Participants, "schedule.field.people"),
            new("e:notes", new("EditNotes"), Notes, "schedule.field.notes"),
        ];
        Review = ReviewCard.Step<ScheduleDraft>("Review", Card, EditTargets);
        Saved = FormStep.End<ScheduleDraft>("Saved", "create or update the item, tell its participants", Save);
        Cancelled = FormStep.Cancelled<ScheduleDraft>("nothing saved", "schedule.flow_cancelled");
    }

    private Step Kind { get; }

    private Step Title { get; }

    private Step Start { get; }

    private Step End { get; }

    private Step Place { get; }

    private Step Participants { get; }

    private Step UnknownParticipant { get; }

    private Step Notes { get; }

    private Step Review { get; }

    private Step Saved { get; }

    private Step Cancelled { get; }

    private IReadOnlyList<EditTarget<ScheduleDraft>> EditTargets { get; }

    protected override IReadOnlyList<Step> Steps =>
        [Kind, Title, Start, End, Place, Participants, UnknownParticipant, Notes, Review, Saved, Cancelled];

    /// <summary>The item's title (or its kind while it has none).</summary>
    public override string Describe(FlowTurn turn)
    {
        var d = turn.Data<ScheduleDraft>();
        return d.Title is { Length: > 0 } title ? Html.Escape(title) : d.Kind is { } kind ? turn.Context.T[kind.Key()] : "";
    }

    protected override Step FirstStep(ScheduleDraft data) => data.EditingItemId is null ? Kind : Review;

    protected override string MissingMessage(Texts t, IReadOnlyList<string> fields) => t["schedule.missing"];

    protected override void Configure(FormMachine<ScheduleDraft> machine)
    {
        machine.Review(Review, EditTargets, Saved, Cancelled);
        machine.Next(Kind, Title);
        machine.Next(Title, Start);
        machine.Configure(Start).Permit(FlowTrigger.Answered, End);
        machine.Next(End, Place);
        machine.Next(Place, Participants);
        // The notes are rarely wanted: not asked, but on the card (✎ 备注) like every answer.
        machine.Configure(Participants)
            .Permit(FlowTrigger.Answered, Review)
            .Permit(ScheduleParticipants.UnknownName, UnknownParticipant);
        machine.Configure(UnknownParticipant)
            .Permit(FlowTrigger.Answered, Participants)
            .PermitReentry(ScheduleParticipants.UnknownName);
        machine.Configure(Notes).Permit(FlowTrigger.Answered, Review);
    }

    private static List<Choice> KindChoices(Texts t) => [.. Enum.GetValues<EventKind>().Select(k => new Choice(t[k.Key()], "k:" + k))];

    private static List<Choice> LengthChoices(Texts t) =>
    [
        new(t.Format("schedule.hours", 1), "h:60"), new(t.Format("schedule.hours", 2), "h:120"),
        new(t.Format("schedule.hours", 3), "h:180"), new(t["schedule.half_day"], "h:240"),
    ];

    private static StepResult ChooseButton(FlowTurn turn) => StepResult.Again(turn.Context.T["flow.choose_button"]);

    private static StepResult Skipped(Action clear)
    {
        clear();
        return StepResult.Answered;
    }

    /// <summary>Typed text: without it, a text answer is asked for.</summary>
    private static StepResult Typed(FlowTurn turn, int max, Action<string> apply) =>
        string.IsNullOrWhiteSpace(turn.Input.Text) ? StepResult.Again(turn.Context.T["flow.text_expected"]) : Answers.Text(turn, max, apply);

    private static StepResult ReadStart(FlowTurn turn, ScheduleDraft d)
    {
        var t = turn.Context.T;
        var text = turn.Input.Text?.Trim();
        var result = DateTimeInput.Parse(text, turn.Context.Today, turn.Context.DateOptions(DateQuestion.Plan));
        if (!result.Ok)
        {
            return StepResult.Again(result.DateError switch
            {
                DateInputError.None => t.Format("schedule.bad_time", text ?? ""),
                DateInputError.Impossible => t.Format("date.impossible", text ?? ""),
                DateInputError.Ambiguous => t.Format("date.ambiguous", text ?? ""),
                _ => t.Format("schedule.bad_start", text ?? ""),
            });
        }

        var start = result.Date.ToDateTime(result.Time);
        var length = d.Start is { } oldStart && d.End is { } oldEnd ? oldEnd - oldStart : TimeSpan.FromHours(1);
        d.Start = start;
        d.End = start + length;
        if (DateText.YearNote(t, result.Date, turn.Context.Today) is { Length: > 0 } note)
        {
            turn.Say(note);
        }

        return StepResult.Answered;
    }

    private static StepResult ReadEnd(FlowTurn turn, ScheduleDraft d)
    {
        var t = turn.Context.T;
        var start = d.Start!.Value;
        var choice = turn.Input.Choice;
        if (choice is not null && choice.StartsWith("h:", StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            d.End = start.AddMinutes(minutes);
            return StepResult.Answered;
        }

        var text = turn.Input.Text?.Trim();
        var time = TimeInput.Parse(text);
        if (!time.Ok)
        {
            return StepResult.Again(t.Format("schedule.bad_time", text ?? ""));
        }

        var end = DateOnly.FromDateTime(start).ToDateTime(time.Time);
        if (end <= start)
        {
            return StepResult.Again(t.Format("schedule.end_before_start", start.ToString("HH:mm", CultureInfo.InvariantCulture)));
        }

        d.End = end;
        return StepResult.Answered;
    }

    private string Card(FlowTurn turn, ScheduleDraft d)
    {
        var t = turn.Context.T;
        var team = turn.Context.Team!;
        var preview = new ScheduleItem { TeamId = team.Id, CreatedBy = turn.Context.UserId };
        d.ApplyTo(preview, team.Zone);
        return t[d.EditingItemId is null ? "schedule.review" : "schedule.review_edit"] + "\n\n" + _view.Card(t, team, preview, turn.Context.Member, inGroup: false)
            + ClashLines(t, team, preview, d.EditingItemId, turn.Context.Member);
    }

    /// <summary>
    /// A warning under the card for each item its people already have then (saving stays possible: two people may leave
    /// a meeting early). A covert visit the reader may not see in full is left out, so that its people are not named.
    /// </summary>
    private string ClashLines(Texts t, Team team, ScheduleItem preview, int? editingId, Member? reader)
    {
        var lines = _service.Clashes(preview, editingId)
            .Where(c => ScheduleVisibility.SeesDetails(reader, c.Other, inGroup: false))
            .Select(c => t.Format("schedule.clash", c.Who(t),
                ScheduleView.Span(c.Other, team.Zone), c.Other.Title))
            .ToList();
        return lines.Count == 0 ? "" : "\n\n" + t["schedule.clash_title"] + "\n" + string.Join("\n", lines);
    }

    private void Save(FlowTurn turn, ScheduleDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        if (context.Team is not { } team || !context.Can(Permission.EditSchedule))
        {
            turn.Say(t["schedule.not_allowed"]);
            return;
        }

        if (d.EditingItemId is { } id)
        {
            var updated = _service.Update(context, id, d.EditingRevision, item => d.ApplyTo(item, team.Zone));
            turn.Say(updated is null ? t["schedule.edit_conflict"] : t["schedule.updated"] + "\n" + _view.Card(t, team, updated, context.Member, inGroup: false) + NotNotified(t, updated));
            return;
        }

        var created = new ScheduleItem();
        d.ApplyTo(created, team.Zone);
        _service.Create(context, created);
        turn.Say(t["schedule.added"] + "\n" + _view.Card(t, team, created, context.Member, inGroup: false) + NotNotified(t, created));
    }

    /// <summary>A line saying that the external participants were not told (they are not members).</summary>
    private static string NotNotified(Texts t, ScheduleItem item) =>
        item.WholeTeam || item.OtherParticipants.Count == 0 ? ""
        : "\n" + t.Format("schedule.externals_not_notified", string.Join(t["list.separator"], item.OtherParticipants));
}
