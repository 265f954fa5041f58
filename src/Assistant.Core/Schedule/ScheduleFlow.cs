using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Localization;
using Assistant.Core.Teams;
using Stateless;
using Stateless.Graph;

namespace Assistant.Core.Schedule;

/// <summary>What has been entered in the schedule flow so far.</summary>
public sealed class ScheduleDraft
{
    public int? EditingItemId { get; set; }

    public int EditingRevision { get; set; }

    public bool ReturnToReview { get; set; }

    public EventKind? Kind { get; set; }

    public string? Title { get; set; }

    /// <summary>Start in team time.</summary>
    public DateTime? Start { get; set; }

    /// <summary>End in team time.</summary>
    public DateTime? End { get; set; }

    public string? Place { get; set; }

    public bool WholeTeam { get; set; }

    public List<long> Participants { get; set; } = [];

    /// <summary>People from outside the team, marked so by the liaison: shown as external, never notified.</summary>
    public List<string> OtherParticipants { get; set; } = [];

    /// <summary>Names typed that match no member, waiting for the liaison to say who they are.</summary>
    public List<string> UnknownNames { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>Member ids offered as participant buttons (a button carries only its index).</summary>
    public List<long> Offered { get; set; } = [];

    public static ScheduleDraft From(ScheduleItem item, TimeZoneInfo zone) => new()
    {
        EditingItemId = item.Id,
        EditingRevision = item.Revision,
        ReturnToReview = true,
        Kind = item.Kind,
        Title = item.Title,
        Start = TimeZones.ToLocal(item.StartUtc, zone),
        End = TimeZones.ToLocal(item.EndUtc, zone),
        Place = item.Place,
        WholeTeam = item.WholeTeam,
        Participants = [.. item.Participants],
        OtherParticipants = [.. item.OtherParticipants],
        Notes = item.Notes,
    };

    public void ApplyTo(ScheduleItem item, TimeZoneInfo zone)
    {
        item.Kind = Kind ?? EventKind.Other;
        item.Title = Title ?? "";
        item.StartUtc = TimeZones.ToUtc(DateOnly.FromDateTime(Start!.Value), TimeOnly.FromDateTime(Start.Value), zone);
        var end = End ?? Start.Value.AddHours(1);
        item.EndUtc = TimeZones.ToUtc(DateOnly.FromDateTime(end), TimeOnly.FromDateTime(end), zone);
        item.Place = Place;
        item.WholeTeam = WholeTeam;
        item.Participants = WholeTeam ? [] : [.. Participants];
        item.OtherParticipants = WholeTeam ? [] : [.. OtherParticipants];
        item.Notes = Notes;
    }
}

/// <summary>
/// Adds an item to the itinerary or changes one (liaison and leader): kind, title, start, end,
/// place, participants (toggle buttons, or names typed and matched to members; a name that matches
/// no member is asked about: one of the members, or an external person who is shown as such and
/// never notified), notes, then a card to edit, save or cancel.
/// </summary>
public sealed class ScheduleFlow(ScheduleService service, TeamStore teams, ScheduleView view) : IFlow
{
    public const string FlowName = "schedule";

    internal enum State
    {
        Kind,
        Title,
        Start,
        End,
        Place,
        Participants,
        UnknownParticipant,
        Notes,
        Review,
        Saved,
        Cancelled,
    }

    internal enum Trigger
    {
        Answered,
        UnknownName,
        EditKind,
        EditTitle,
        EditTime,
        EditPlace,
        EditParticipants,
        EditNotes,
        Save,
        Cancel,
    }

    private static readonly (string Value, Trigger Trigger, State Target, string LabelKey)[] EditTargets =
    [
        ("e:kind", Trigger.EditKind, State.Kind, "schedule.field.kind"),
        ("e:title", Trigger.EditTitle, State.Title, "schedule.field.title"),
        ("e:time", Trigger.EditTime, State.Start, "schedule.field.time"),
        ("e:place", Trigger.EditPlace, State.Place, "schedule.field.place"),
        ("e:people", Trigger.EditParticipants, State.Participants, "schedule.field.people"),
        ("e:notes", Trigger.EditNotes, State.Notes, "schedule.field.notes"),
    ];

    public string Name => FlowName;

    public string TitleKey => "flow.schedule";

    public void Begin(FlowTurn turn, ScheduleDraft data)
    {
        turn.Draft.State = (data.EditingItemId is null ? State.Kind : State.Review).ToString();
        AskAndSave(turn, data, Current(turn.Draft));
    }

    public void AskAgain(FlowTurn turn) => AskAndSave(turn, turn.Data<ScheduleDraft>(), Current(turn.Draft));

    public string Diagram() => MermaidGraph.Format(Build(new Draft { State = nameof(State.Kind) }, new ScheduleDraft()).GetInfo());

    /// <summary>The item's title (or its kind while it has none).</summary>
    public string Describe(FlowTurn turn)
    {
        var d = turn.Data<ScheduleDraft>();
        return d.Title is { Length: > 0 } title ? Messaging.Html.Escape(title) : d.Kind is { } kind ? turn.Context.T[kind.Key()] : "";
    }

    public void Continue(FlowTurn turn)
    {
        var data = turn.Data<ScheduleDraft>();
        var machine = Build(turn.Draft, data);
        if (turn.Input.Files.Count > 0 || turn.Input.Location is not null)
        {
            turn.Say(turn.Context.T["flow.text_expected"]);
        }
        else if (Handle(turn, data, machine.State) is { } trigger)
        {
            switch (trigger)
            {
                case Trigger.Save:
                    Save(turn, data);
                    return;
                case Trigger.Cancel:
                    turn.Say(turn.Context.T["schedule.flow_cancelled"]);
                    turn.Finish();
                    return;
                default:
                    machine.Fire(trigger);
                    break;
            }
        }

        AskAndSave(turn, data, machine.State);
    }

    /// <summary>Asks the question, then saves: asking records which members its buttons stand for.</summary>
    private void AskAndSave(FlowTurn turn, ScheduleDraft data, State state)
    {
        Ask(turn, data, state);
        turn.Save(data);
    }

    internal static StateMachine<State, Trigger> Build(Draft draft, ScheduleDraft d)
    {
        var machine = new StateMachine<State, Trigger>(() => Current(draft), s => draft.State = s.ToString());

        void Next(State from, State next) => machine.Configure(from)
            .PermitIf(Trigger.Answered, next, () => !d.ReturnToReview, "next question")
            .PermitIf(Trigger.Answered, State.Review, () => d.ReturnToReview, "back to the card");

        Next(State.Kind, State.Title);
        Next(State.Title, State.Start);
        machine.Configure(State.Start).Permit(Trigger.Answered, State.End);
        Next(State.End, State.Place);
        Next(State.Place, State.Participants);
        Next(State.Participants, State.Notes);
        machine.Configure(State.Participants).Permit(Trigger.UnknownName, State.UnknownParticipant);
        machine.Configure(State.UnknownParticipant)
            .Permit(Trigger.Answered, State.Participants)
            .PermitReentry(Trigger.UnknownName);
        machine.Configure(State.Notes).Permit(Trigger.Answered, State.Review);
        var review = machine.Configure(State.Review)
            .OnEntry(() => d.ReturnToReview = true, "answers now return to the card")
            .Permit(Trigger.Save, State.Saved)
            .Permit(Trigger.Cancel, State.Cancelled);
        foreach (var (_, trigger, target, _) in EditTargets)
        {
            review.Permit(trigger, target);
        }

        machine.OnUnhandledTrigger((_, _) => { });
        return machine;
    }

    private static State Current(Draft draft) => Enum.TryParse<State>(draft.State, out var s) ? s : State.Kind;

    private Trigger? Handle(FlowTurn turn, ScheduleDraft d, State state)
    {
        var t = turn.Context.T;
        var input = turn.Input;
        var text = input.Text?.Trim();
        switch (state)
        {
            case State.Kind:
                var kind = input.Choice is { } c && c.StartsWith("k:", StringComparison.Ordinal) ? EventKinds.Parse(c[2..])
                    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= Enum.GetValues<EventKind>().Length ? (EventKind)(n - 1)
                    : EventKinds.Parse(text) ?? Enum.GetValues<EventKind>().Cast<EventKind?>().FirstOrDefault(k => string.Equals(t[k!.Value.Key()], text, StringComparison.OrdinalIgnoreCase));
                if (kind is null)
                {
                    turn.Say(t["flow.choose_button"]);
                    return null;
                }

                d.Kind = kind;
                return Trigger.Answered;
            case State.Title:
                return Text(turn, text, 200, v => d.Title = v);
            case State.Start:
                return Start(turn, d, text);
            case State.End:
                return End(turn, d, text);
            case State.Place:
                if (input.Choice == "skip")
                {
                    d.Place = null;
                    return Trigger.Answered;
                }

                return Text(turn, text, 200, v => d.Place = v);
            case State.Participants:
                return Participants(turn, d, text);
            case State.UnknownParticipant:
                return UnknownParticipant(turn, d, text);
            case State.Notes:
                if (input.Choice == "skip")
                {
                    d.Notes = null;
                    return Trigger.Answered;
                }

                return Text(turn, text, 2000, v => d.Notes = v);
            case State.Review:
                if (input.Choice == "save")
                {
                    return d.Title is null || d.Start is null ? Missing(turn) : Trigger.Save;
                }

                if (input.Choice == "cancel")
                {
                    return Trigger.Cancel;
                }

                foreach (var (value, trigger, _, _) in EditTargets)
                {
                    if (input.Choice == value)
                    {
                        return trigger;
                    }
                }

                turn.Say(t["flow.choose_button"]);
                return null;
            default:
                return null;
        }
    }

    private static Trigger? Missing(FlowTurn turn)
    {
        turn.Say(turn.Context.T["schedule.missing"]);
        return null;
    }

    private static Trigger? Start(FlowTurn turn, ScheduleDraft d, string? text)
    {
        var t = turn.Context.T;
        var result = DateTimeInput.Parse(text, turn.Context.Today, turn.Context.DateOptions(DateQuestion.Plan));
        if (!result.Ok)
        {
            turn.Say(result.DateError switch
            {
                DateInputError.None => t.Format("schedule.bad_time", text ?? ""),
                DateInputError.Impossible => t.Format("date.impossible", text ?? ""),
                DateInputError.Ambiguous => t.Format("date.ambiguous", text ?? ""),
                _ => t.Format("schedule.bad_start", text ?? ""),
            });
            return null;
        }

        var start = result.Date.ToDateTime(result.Time);
        var length = d.Start is { } oldStart && d.End is { } oldEnd ? oldEnd - oldStart : TimeSpan.FromHours(1);
        d.Start = start;
        d.End = start + length;
        if (DateText.YearNote(t, result.Date, turn.Context.Today) is { Length: > 0 } note)
        {
            turn.Say(note);
        }

        return Trigger.Answered;
    }

    private static Trigger? End(FlowTurn turn, ScheduleDraft d, string? text)
    {
        var t = turn.Context.T;
        var start = d.Start!.Value;
        var choice = turn.Input.Choice;
        if (choice is not null && choice.StartsWith("h:", StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            d.End = start.AddMinutes(minutes);
            return Trigger.Answered;
        }

        var time = TimeInput.Parse(text);
        if (!time.Ok)
        {
            turn.Say(t.Format("schedule.bad_time", text ?? ""));
            return null;
        }

        var end = DateOnly.FromDateTime(start).ToDateTime(time.Time);
        if (end <= start)
        {
            turn.Say(t.Format("schedule.end_before_start", start.ToString("HH:mm", CultureInfo.InvariantCulture)));
            return null;
        }

        d.End = end;
        return Trigger.Answered;
    }

    private Trigger? Participants(FlowTurn turn, ScheduleDraft d, string? text)
    {
        var choice = turn.Input.Choice;
        switch (choice)
        {
            case "done":
                return Trigger.Answered;
            case "all":
                d.WholeTeam = !d.WholeTeam;
                return null;
            case not null when choice.StartsWith("p:", StringComparison.Ordinal)
                && int.TryParse(choice.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < d.Offered.Count:
                var id = d.Offered[index];
                d.WholeTeam = false;
                if (!d.Participants.Remove(id))
                {
                    d.Participants.Add(id);
                }

                return null;
        }

        if (string.IsNullOrEmpty(text))
        {
            turn.Say(turn.Context.T["flow.choose_button"]);
            return null;
        }

        // Names typed: members are matched by name; anyone else is asked about before being kept.
        var members = teams.MembersOf(turn.Draft.TeamId);
        foreach (var name in text.Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name is "全体" or "全体人员" or "all" or "everyone")
            {
                d.WholeTeam = true;
                continue;
            }

            if (FindMember(members, name) is { } member)
            {
                AddParticipant(d, member.Id);
            }
            else if (!d.OtherParticipants.Contains(name) && !d.UnknownNames.Contains(name))
            {
                d.UnknownNames.Add(name);
            }
        }

        return d.UnknownNames.Count > 0 ? Trigger.UnknownName : null;
    }

    /// <summary>The answer about the first name that matched no member: a member after all, external, or left out.</summary>
    private Trigger? UnknownParticipant(FlowTurn turn, ScheduleDraft d, string? text)
    {
        if (d.UnknownNames.Count == 0)
        {
            return Trigger.Answered;
        }

        var name = d.UnknownNames[0];
        var choice = turn.Input.Choice;
        switch (choice)
        {
            case "ext":
                d.OtherParticipants.Add(name);
                break;
            case "drop":
                break;
            case not null when choice.StartsWith("m:", StringComparison.Ordinal)
                && int.TryParse(choice.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < d.Offered.Count:
                AddParticipant(d, d.Offered[index]);
                break;
            default:
                // A name typed here: one of the members, or the question again.
                if (text is not null && FindMember(teams.MembersOf(turn.Draft.TeamId), text) is { } member)
                {
                    AddParticipant(d, member.Id);
                    break;
                }

                turn.Say(turn.Context.T["flow.choose_button"]);
                return null;
        }

        d.UnknownNames.RemoveAt(0);
        return d.UnknownNames.Count > 0 ? Trigger.UnknownName : Trigger.Answered;
    }

    private static Member? FindMember(IReadOnlyList<Member> members, string name) =>
        members.FirstOrDefault(m => m.Role != Role.Contact && string.Equals(m.DisplayName, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static void AddParticipant(ScheduleDraft d, long memberId)
    {
        d.WholeTeam = false;
        if (!d.Participants.Contains(memberId))
        {
            d.Participants.Add(memberId);
        }
    }

    private static Trigger? Text(FlowTurn turn, string? text, int max, Action<string> apply)
    {
        var t = turn.Context.T;
        if (string.IsNullOrEmpty(text))
        {
            turn.Say(t["flow.text_expected"]);
            return null;
        }

        if (text.Length > max)
        {
            turn.Say(t.Format("flow.too_long", max));
            return null;
        }

        apply(text);
        return Trigger.Answered;
    }

    private void Save(FlowTurn turn, ScheduleDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        if (context.Team is not { } team || !context.Can(Permission.EditSchedule))
        {
            turn.Say(t["schedule.not_allowed"]);
            turn.Finish();
            return;
        }

        if (d.EditingItemId is { } id)
        {
            var updated = service.Update(context, id, d.EditingRevision, item => d.ApplyTo(item, team.Zone));
            turn.Say(updated is null ? t["schedule.edit_conflict"] : t["schedule.updated"] + "\n" + view.Card(t, team, updated, context.Member, inGroup: false) + NotNotified(t, updated));
            turn.Finish();
            return;
        }

        var created = new ScheduleItem();
        d.ApplyTo(created, team.Zone);
        service.Create(context, created);
        turn.Say(t["schedule.added"] + "\n" + view.Card(t, team, created, context.Member, inGroup: false) + NotNotified(t, created));
        turn.Finish();
    }

    /// <summary>A line saying that the external participants were not told (they are not members).</summary>
    private static string NotNotified(Texts t, ScheduleItem item) =>
        item.WholeTeam || item.OtherParticipants.Count == 0 ? ""
        : "\n" + t.Format("schedule.externals_not_notified", string.Join(t["list.separator"], item.OtherParticipants));

    private void Ask(FlowTurn turn, ScheduleDraft d, State state)
    {
        var t = turn.Context.T;
        switch (state)
        {
            case State.Kind:
                turn.Ask(t["schedule.ask.kind"], Enum.GetValues<EventKind>().Select(k => new Choice(t[k.Key()], "k:" + k)).Chunk(3));
                break;
            case State.Title:
                turn.Ask(t["schedule.ask.title"]);
                break;
            case State.Start:
                turn.Ask(t["schedule.ask.start"]);
                break;
            case State.End:
                turn.Ask(t.Format("schedule.ask.end", d.Start!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)),
                    [[new Choice(t.Format("schedule.hours", 1), "h:60"), new Choice(t.Format("schedule.hours", 2), "h:120"), new Choice(t.Format("schedule.hours", 3), "h:180"), new Choice(t["schedule.half_day"], "h:240")]]);
                break;
            case State.Place:
                turn.Ask(t["schedule.ask.place"], [[new Choice(t["common.skip"], "skip")]]);
                break;
            case State.Participants:
                var members = teams.MembersOf(turn.Draft.TeamId).Where(m => m.Role != Role.Contact).ToList();
                d.Offered.Clear();
                d.Offered.AddRange(members.Select(m => m.Id));
                var rows = members.Select((m, i) => new Choice((d.Participants.Contains(m.Id) ? "✓ " : "") + m.DisplayName, "p:" + i.ToString(CultureInfo.InvariantCulture))).Chunk(3)
                    .Select(r => (IEnumerable<Choice>)r).ToList();
                rows.Add([new Choice((d.WholeTeam ? "✓ " : "") + t["schedule.whole_team"], "all"), new Choice(t["common.next"], "done")]);
                turn.Ask(t.Format("schedule.ask.people", new Messaging.SafeHtml(People(t, d, members))), rows);
                break;
            case State.UnknownParticipant:
                AskAboutName(turn, d);
                break;
            case State.Notes:
                turn.Ask(t["schedule.ask.notes"], [[new Choice(t["common.skip"], "skip")]]);
                break;
            case State.Review:
                var team = turn.Context.Team!;
                var preview = new ScheduleItem { TeamId = team.Id, CreatedBy = turn.Context.UserId };
                d.ApplyTo(preview, team.Zone);
                turn.Ask(t[d.EditingItemId is null ? "schedule.review" : "schedule.review_edit"] + "\n\n" + view.Card(t, team, preview, turn.Context.Member, inGroup: false),
                [
                    .. EditTargets.Chunk(3).Select(row => row.Select(e => new Choice("✎ " + t[e.LabelKey], e.Value))),
                    [new Choice(t["flow.save"], "save"), new Choice(t["flow.cancel"], "cancel")],
                ]);
                break;
        }
    }

    /// <summary>"王五 is not a member": the members as buttons (those sharing a character with the name first), external, or leave out.</summary>
    private void AskAboutName(FlowTurn turn, ScheduleDraft d)
    {
        var t = turn.Context.T;
        var name = d.UnknownNames.Count > 0 ? d.UnknownNames[0] : "";
        var members = teams.MembersOf(turn.Draft.TeamId).Where(m => m.Role != Role.Contact)
            .OrderByDescending(m => m.DisplayName.Count(name.Contains)).ToList();
        d.Offered.Clear();
        d.Offered.AddRange(members.Select(m => m.Id));
        var rows = members.Select((m, i) => new Choice(m.DisplayName, "m:" + i.ToString(CultureInfo.InvariantCulture))).Chunk(3)
            .Select(r => (IEnumerable<Choice>)r).ToList();
        rows.Add([new Choice(t.Format("schedule.mark_external", name), "ext"), new Choice(t["schedule.leave_out"], "drop")]);
        turn.Ask(t.Format("schedule.ask.unknown_name", name), rows);
    }

    private static string People(Texts t, ScheduleDraft d, IReadOnlyList<Member> members)
    {
        if (d.WholeTeam)
        {
            return t["schedule.whole_team"];
        }

        var names = members.Where(m => d.Participants.Contains(m.Id)).Select(m => Messaging.Html.Escape(m.DisplayName))
            .Concat(d.OtherParticipants.Select(n => ScheduleView.External(t, n))).ToList();
        return names.Count == 0 ? t["schedule.nobody"] : string.Join(t["list.separator"], names);
    }
}
