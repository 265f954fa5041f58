using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Summaries;

/// <summary>
/// /summary [DATE]: the day's brief; /report: the visit's feedback; /tally: the day's work in
/// numbers, as the brief reports it. For the leader and the liaison. Briefs are written in the
/// background and arrive as text, a Word document and a Markdown file. A day with no records gets no
/// document: the answer says so and offers the nearest day with records (button sm:d:yyyyMMdd).
/// </summary>
public sealed class SummaryCommands(SummaryJobs jobs, FactsBuilder facts, DayTallyStore tallies, TeamStore teams, IEnumerable<IFeedbackObserver> observers) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    /// <summary>The largest count /tally takes for one item of one day.</summary>
    private const int MaxTally = 100_000;

    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("summary", Permission.WriteReport, ChatScope.PrivateOnly, "help.cmd.summary", "/summary [DATE]"),
        new("report", Permission.WriteReport, ChatScope.PrivateOnly, "help.cmd.report", "/report"),
        new("tally", Permission.WriteReport, ChatScope.PrivateOnly, "help.cmd.tally", "/tally [DATE] ITEM N"),
    ];

    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("sm", Permission.WriteReport, ChatScope.PrivateOnly)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var member = context.Member!;
        var team = teams.GetTeam(member.TeamId)!;
        switch (command.Name)
        {
            case "summary":
                Summary(context, team, command.Arguments);
                break;
            case "report":
                if (!facts.AnyRecords(team))
                {
                    context.Reply(context.T["summary.report_no_records"]);
                    break;
                }

                jobs.QueueFeedback(team.Id, member.Id, context.Update.ChatId, context.UtcNow);
                context.Reply(context.T["summary.report_started"]);
                foreach (var observer in observers)
                {
                    observer.FeedbackRequested(context, team, facts.PlanDue(team, context.Today));
                }

                break;
            default:
                Tally(context, team, command.Words);
                break;
        }
    }

    /// <summary>sm:d:yyyyMMdd: the brief of the day a "no records" answer offered.</summary>
    public void Handle(UpdateContext context, string payload)
    {
        var parts = payload.Split(':');
        if (context.Member is not { } member || teams.GetTeam(member.TeamId) is not { } team
            || parts.Length != 2 || parts[0] != "d"
            || !DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            context.Reply(context.T["callback.expired"]);
            return;
        }

        context.RemoveOriginKeyboard();
        Write(context, team, day);
    }

    private void Summary(UpdateContext context, Team team, string argument)
    {
        var t = context.T;
        var day = context.Today;
        if (!string.IsNullOrWhiteSpace(argument))
        {
            var parsed = DateInput.Parse(argument, context.Today, context.DateOptions(DateQuestion.LookBack));
            if (parsed.Error != DateInputError.None)
            {
                context.Reply(t.Format("summary.bad_date", argument));
                return;
            }

            day = parsed.Date;
        }

        Write(context, team, day);
    }

    /// <summary>Queues the day's brief, or explains why not: a day still to come, or a day with nothing recorded.</summary>
    private void Write(UpdateContext context, Team team, DateOnly day)
    {
        var t = context.T;
        if (day > context.Today)
        {
            context.Reply(t.Format("summary.future", new SafeHtml(BriefFormat.FullDate(t, day))));
            return;
        }

        var dayFacts = facts.Day(team, day);
        if (!dayFacts.HasRecords)
        {
            NoRecords(context, team, day);
            return;
        }

        jobs.QueueDaily(team.Id, day, context.UserId, context.Update.ChatId, "command", context.UtcNow);
        var counts = dayFacts.Counts;
        var derived = Enum.GetValues<TallyItem>().Where(i => !counts.Tallied.Contains(i) && counts.Of(i) > 0).ToList();
        var hint = derived.Count == 0 ? "" : "\n" + t.Format("brief.tally_hint", string.Join(t["brief.list_separator"], derived.Select(i => t[Key(i)])));
        context.Reply(t.Format("summary.started", new SafeHtml(BriefFormat.FullDate(t, day))) + hint);
    }

    /// <summary>No document for an empty day: say so, and offer the brief of the nearest day that has records.</summary>
    private void NoRecords(UpdateContext context, Team team, DateOnly day)
    {
        var t = context.T;
        var text = t.Format("summary.no_records", new SafeHtml(BriefFormat.FullDate(t, day)));
        if (facts.NearestDayWithRecords(team, day, context.Today) is not { } nearest)
        {
            context.Reply(text + "\n" + t["summary.no_records_anywhere"]);
            return;
        }

        var date = new SafeHtml(BriefFormat.FullDate(t, nearest));
        context.Reply(text + "\n" + t.Format("summary.nearest_with_records", date),
            [[new Button(t.Format("summary.write_nearest", date), "sm:d:" + nearest.ToString("yyyyMMdd", CultureInfo.InvariantCulture))]]);
    }

    private void Tally(UpdateContext context, Team team, IReadOnlyList<string> words)
    {
        var t = context.T;
        var args = words.ToList();
        var day = context.Today;
        if (args.Count > 0 && DateInput.Parse(args[0], context.Today, context.DateOptions(DateQuestion.LookBack)) is { Error: DateInputError.None } parsed)
        {
            day = parsed.Date;
            args.RemoveAt(0);
        }

        if (day > context.Today)
        {
            // A day that has not come has no work to correct (and the facts of 9999-12-31 would need its next day).
            context.Reply(t.Format("tally.future", new SafeHtml(BriefFormat.FullDate(t, day))));
            return;
        }

        if (args.Count == 0)
        {
            Show(context, team, day);
            return;
        }

        var item = Parse(args[0], context);
        if (item is null)
        {
            context.Reply(t.Format("tally.unknown_item", args[0]) + "\n" + t["tally.usage"]);
            return;
        }

        if (args.Count != 2)
        {
            context.Reply(t.Format("tally.count_missing", t[Key(item.Value)]) + "\n" + t["tally.usage"]);
            return;
        }

        var value = args[1];
        int? count = value is "auto" or "自动" ? null
            : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : int.MinValue;
        if (count is { } refused and (< 0 or > MaxTally))
        {
            var why = refused == int.MinValue ? t.Format("tally.not_a_count", value)
                : refused < 0 ? t.Format("tally.negative", value)
                : t.Format("tally.too_large", value, MaxTally);
            context.Reply(why + "\n" + t.Format("tally.count_example", t[Key(item.Value)]));
            return;
        }

        tallies.Set(team.Id, day, item.Value, count, context.UserId, context.UtcNow);
        Show(context, team, day);
    }

    private void Show(UpdateContext context, Team team, DateOnly day)
    {
        var t = context.T;
        var counts = facts.Day(team, day).Counts;
        var lines = Enum.GetValues<TallyItem>().Select(i => t.Format(counts.Tallied.Contains(i) ? "tally.line_set" : "tally.line_records", t[Key(i)], counts.Of(i)));
        context.Reply(t.Format("tally.title", new SafeHtml(BriefFormat.FullDate(t, day))) + "\n" + string.Join("\n", lines) + "\n\n" + t["tally.usage"]);
    }

    private static string Key(TallyItem item) => "tally." + item.ToString().ToLowerInvariant();

    private static TallyItem? Parse(string word, UpdateContext context)
    {
        foreach (var item in Enum.GetValues<TallyItem>())
        {
            foreach (var language in new[] { Language.Chinese, Language.English })
            {
                if (string.Equals(word, context.TextsFor(language)[Key(item)], StringComparison.OrdinalIgnoreCase))
                {
                    return item;
                }
            }
        }

        return null;
    }
}
