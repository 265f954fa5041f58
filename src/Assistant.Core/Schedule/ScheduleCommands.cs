using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Schedule;

/// <summary>
/// /today, /tomorrow, /week, /schedule [DATE], /next: the itinerary for this reader (covert visits as
/// busy slots unless they may see them; always in a group). /schedule add starts the schedule flow
/// (liaison, leader). Buttons: sc:v:ID (card), sc:e:ID:REV (edit), sc:c:ID:REV (cancel?), sc:x:ID:REV
/// (cancel, confirmed). Every button re-checks the team, the role and the revision.
/// </summary>
public sealed partial class ScheduleCommands(ScheduleStore store, ScheduleView view, ScheduleService service, ConversationEngine engine, ScheduleFlow flow) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("today", Permission.ViewSchedule, ChatScope.Anywhere, "help.cmd.today", "/today") { InMenu = true },
        new("tomorrow", Permission.ViewSchedule, ChatScope.Anywhere, "help.cmd.tomorrow", "/tomorrow"),
        new("week", Permission.ViewSchedule, ChatScope.Anywhere, "help.cmd.week", "/week"),
        new("schedule", Permission.ViewSchedule, ChatScope.Anywhere, "help.cmd.schedule", "/schedule [DATE]"),
        new("next", Permission.ViewSchedule, ChatScope.Anywhere, "help.cmd.next", "/next"),
        new("schedule", Permission.EditSchedule, ChatScope.PrivateOnly, "help.cmd.schedule_add", "/schedule add") { Words = ["add", "新增", "添加"] },
        new("schedule", Permission.ViewSchedule, ChatScope.PrivateOnly, "help.cmd.schedule_export", "/schedule export") { Words = ["export", "导出"] },
        new("schedule", Permission.EditSchedule, ChatScope.Anywhere, null, "/schedule import") { Words = ["import", "导入"] },
    ];

    /// <summary>Viewing a card; editing and cancelling (sc:e, sc:c, sc:x) need the liaison or the leader, in private.</summary>
    public static IReadOnlyList<ButtonSpec> Buttons { get; } =
    [
        new("sc", Permission.ViewSchedule),
        new("sc", Permission.EditSchedule, ChatScope.PrivateOnly) { Action = "e" },
        new("sc", Permission.EditSchedule, ChatScope.PrivateOnly) { Action = "c" },
        new("sc", Permission.EditSchedule, ChatScope.PrivateOnly) { Action = "x" },
    ];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        var team = context.Team!;
        var today = context.Today;
        switch (command.Name)
        {
            case "today":
                ShowDays(context, today, today, t["schedule.none_today"]);
                return;
            case "tomorrow":
                ShowDays(context, today.AddDays(1), today.AddDays(1), t["schedule.none_tomorrow"]);
                return;
            case "week":
                ShowDays(context, today, today.AddDays(6), t["schedule.none_week"]);
                return;
            case "next":
                ShowNext(context);
                return;
        }

        var argument = command.Arguments;
        var sub = command.Words.Count > 0 ? command.Words[0].ToLowerInvariant() : "";
        switch (sub)
        {
            case "":
                var all = store.OfTeam(team.Id);
                var from = all.Count > 0 ? DateOnly.FromDateTime(TimeZones.ToLocal(all[0].StartUtc, team.Zone)) : team.VisitFrom;
                var to = all.Count > 0 ? DateOnly.FromDateTime(TimeZones.ToLocal(all[^1].StartUtc, team.Zone)) : team.VisitTo;
                ShowDays(context, from, to, t["schedule.none_at_all"], t.Format("schedule.visit_title", team.Name, FindingCard.Date(t, team.VisitFrom), FindingCard.Date(t, team.VisitTo)));
                return;
            case "add" or "新增" or "添加":
                engine.Start(context, ScheduleFlow.FlowName, turn => flow.Begin(turn, new ScheduleDraft()));
                return;
            case "export" or "导出":
                Export(context);
                return;
            case "import" or "导入":
                context.Reply(t["schedule.import_how"]);
                return;
        }

        var parsed = DateInput.Parse(argument, today, context.DateOptions(DateQuestion.LookUp));
        if (!parsed.Ok && parsed.Error is DateInputError.Unrecognized or DateInputError.Empty)
        {
            context.Reply(t.Format("schedule.usage", argument));
            return;
        }

        if (Localization.DateText.Problem(t, parsed, argument, today) is { } problem)
        {
            context.Reply(problem);
            return;
        }

        ShowDays(context, parsed.Date, parsed.Date, t.Format("schedule.none_day", FindingCard.Date(t, parsed.Date)));
    }

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        var parts = payload.Split(':');
        var item = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.Get(id) : null;
        if (item is null || context.Member is not { } member || item.TeamId != member.TeamId)
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        var team = context.Team!;
        var revision = parts.Length >= 3 ? parts[2] : "";
        var current = revision == item.Revision.ToString(CultureInfo.InvariantCulture) && !item.Cancelled;
        switch (parts[0])
        {
            case "v":
                context.Reply(view.Card(t, team, item, member, context.InGroup), CardButtons(context, item));
                break;
            case "e" or "c" or "x" when !current:
                context.Reply(t["schedule.card_stale"] + "\n" + view.Card(t, team, item, member, context.InGroup), CardButtons(context, item));
                break;
            case "e":
                engine.Start(context, ScheduleFlow.FlowName, turn => flow.Begin(turn, ScheduleDraft.From(item, team.Zone)));
                break;
            case "c":
                context.Reply(t["schedule.confirm_cancel"] + "\n" + view.Card(t, team, item, member, context.InGroup),
                    [[new Button(t["schedule.cancel_yes"], $"sc:x:{item.Id}:{item.Revision}"), new Button(t["schedule.cancel_no"], $"sc:v:{item.Id}")]]);
                break;
            case "x":
                context.RemoveOriginKeyboard();
                context.Reply(service.Cancel(context, item.Id, item.Revision) is null ? t["schedule.edit_conflict"] : t["schedule.cancelled"]);
                break;
            default:
                context.Reply(t["callback.expired"]);
                break;
        }
    }

    private void ShowDays(UpdateContext context, DateOnly from, DateOnly to, string emptyText, string? title = null)
    {
        var team = context.Team!;
        var items = store.Between(team.Id, TimeZones.ToUtc(from, TimeOnly.MinValue, team.Zone), TimeZones.ToUtc(to.AddDays(1), TimeOnly.MinValue, team.Zone));
        var t = context.T;
        if (items.Count == 0)
        {
            var outside = context.Today < team.VisitFrom || context.Today > team.VisitTo;
            context.Reply(emptyText + (outside ? "\n" + t.Format("schedule.visit_hint", FindingCard.Date(t, team.VisitFrom), FindingCard.Date(t, team.VisitTo)) : ""));
            return;
        }

        var text = (title is null ? "" : title + "\n\n") + view.Days(t, team, items, context.Member, context.InGroup, from, to);
        var buttons = ItemButtons(context, items);
        if (from != to && buttons is { Count: > MaxButtonsOverDays })
        {
            // A row per item over a week or the whole visit is a keyboard longer than the screen: one day's list has them.
            var day = DateOnly.FromDateTime(TimeZones.ToLocal(items[0].StartUtc, team.Zone));
            context.Reply(text + "\n\n" + t.Format("schedule.edit_by_day", day.ToString("MM-dd", CultureInfo.InvariantCulture)));
            return;
        }

        context.Reply(text, buttons);
    }

    /// <summary>The most items a list of several days offers a button each for.</summary>
    private const int MaxButtonsOverDays = 8;

    private void ShowNext(UpdateContext context)
    {
        var team = context.Team!;
        var member = context.Member!;
        var next = store.Between(team.Id, context.UtcNow, DateTime.MaxValue)
            .FirstOrDefault(i => i.Involves(member.Id) && ScheduleVisibility.SeesDetails(member, i, context.InGroup));
        var t = context.T;
        if (next is null)
        {
            context.Reply(t["schedule.no_next"]);
            return;
        }

        var until = next.StartUtc - context.UtcNow;
        var hours = (int)until.TotalHours;
        context.Reply(t.Format("schedule.next", hours, until.Minutes) + "\n" + view.Card(t, team, next, member, context.InGroup), CardButtons(context, next));
    }

    /// <summary>
    /// The itinerary as an .ics file, in private, of the items this reader may see in full
    /// (<see cref="ScheduleVisibility.SeesDetails"/>): a covert visit they may not see is left out altogether, not even as
    /// a busy slot. A file that holds a covert visit is marked like a ledger that names a covert unit: the sensitivity line
    /// (<see cref="ExportMarking"/>) in bold over the message and in the file name, and as the calendar's description
    /// with its covert events <c>CLASS:CONFIDENTIAL</c>.
    /// </summary>
    private void Export(UpdateContext context)
    {
        var t = context.T;
        var team = context.Team!;
        var member = context.Member!;
        var visible = store.OfTeam(team.Id).Where(i => ScheduleVisibility.SeesDetails(member, i, inGroup: false)).ToList();
        if (visible.Count == 0)
        {
            context.Reply(t["schedule.none_at_all"]);
            return;
        }

        var names = view.Names(team);
        var covert = visible.Count(i => i.IsCovert);
        var marking = ExportMarking.For(t, covert);
        var ics = Files.ItineraryIcs.Write(visible, team.Zone, id => names.TryGetValue(id, out var n) ? n : "?", $"{team.Name} {team.Region}", marking?.Line);
        var exported = t.Format("schedule.exported", visible.Count);
        context.Reply(
            marking is null ? exported : marking.Message(exported, t.Format("schedule.exported_covert", covert, marking.Line)),
            file: new OutgoingFile(ExportMarking.Stem($"{team.Code}-itinerary", marking) + ".ics", ics));
    }

    /// <summary>One button per item for the liaison and the leader (in private): open its card.</summary>
    private static List<IReadOnlyList<Button>>? ItemButtons(UpdateContext context, IReadOnlyList<ScheduleItem> items)
    {
        if (context.InGroup || !context.Can(Permission.EditSchedule) || items.Count > 30)
        {
            return null;
        }

        var team = context.Team!;
        return items.Where(i => ScheduleVisibility.SeesDetails(context.Member, i, false))
            .Select(i => (IReadOnlyList<Button>)[new Button($"✎ {TimeZones.ToLocal(i.StartUtc, team.Zone):M/d HH:mm} {Shorten(i.Title)}", $"sc:v:{i.Id}")])
            .ToList();
    }

    private static IReadOnlyList<IReadOnlyList<Button>>? CardButtons(UpdateContext context, ScheduleItem item)
    {
        if (context.InGroup || !context.Can(Permission.EditSchedule) || item.Cancelled || !ScheduleVisibility.SeesDetails(context.Member, item, false))
        {
            return null;
        }

        var t = context.T;
        return [[new Button(t["schedule.edit"], $"sc:e:{item.Id}:{item.Revision}"), new Button(t["schedule.cancel_item"], $"sc:c:{item.Id}:{item.Revision}")]];
    }

    private static string Shorten(string text) => TextPreview.Shorten(text, 20);
}
