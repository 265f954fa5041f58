using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>
/// /finding starts a finding; /finding G7-012 opens one; /mine lists mine; /findings [today|DATE]
/// lists the team's of a day. Lists are paged; every item and every card button is checked against
/// the reader's team and the covert rule, whatever the button data says.
/// Button data: fd:v:ID (open), fd:e:ID:REV (edit), fd:h:ID (history), fd:l:SCOPE:PAGE (page).
/// </summary>
public sealed class FindingCommands(FindingStore store, FindingStarter starter, AuditLog audit, IEnumerable<IFindingCardSection> sections) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public const int PageSize = 10;

    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("finding", Permission.LogFindings, ChatScope.PrivateOnly, "help.cmd.finding", "/finding") { Arguments = CommandArguments.None, InMenu = true },
        new("finding", Permission.ViewTeamFindings, ChatScope.PrivateOnly, "help.cmd.finding_open", "/finding G7-012") { Arguments = CommandArguments.Some },
        new("mine", Permission.LogFindings, ChatScope.PrivateOnly, "help.cmd.mine", "/mine"),
        new("findings", Permission.ViewTeamFindings, ChatScope.PrivateOnly, "help.cmd.findings", "/findings [DATE]"),
    ];

    /// <summary>Every reader of a card may press its buttons; each is checked against the finding it names.</summary>
    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("fd", Permission.Basics)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var member = context.Member!;
        switch (command.Name)
        {
            case "finding" when command.Arguments.Length == 0:
                starter.Start(context, new FindingDraft());
                return;
            case "finding":
                Open(context, member, store.GetByCode(command.Arguments));
                return;
            case "mine":
                List(context, member, "m", 0, fromButton: false);
                return;
            default:
                var day = DayArgument(context, command.Arguments);
                if (day is not null)
                {
                    List(context, member, "d" + day.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture), 0, fromButton: false);
                }

                return;
        }
    }

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        if (context.Member is not { } member)
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        var parts = payload.Split(':');
        var id = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        switch (parts[0])
        {
            case "v":
                Open(context, member, store.Get(id));
                break;
            case "h":
                History(context, member, store.Get(id));
                break;
            case "e" when parts.Length == 3:
                Edit(context, member, store.Get(id), parts[2]);
                break;
            case "l" when parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page):
                List(context, member, parts[1], page, fromButton: true);
                break;
            default:
                context.Reply(t["callback.expired"]);
                break;
        }
    }

    private void Open(UpdateContext context, Member member, Finding? finding)
    {
        var t = context.T;
        if (finding is null || !FindingVisibility.CanSee(member, finding))
        {
            if (finding is not null)
            {
                audit.Write(member.Id, member.TeamId, "denied", $"finding {finding.Id}");
            }

            // The same answer whether it does not exist or is not theirs: nothing leaks.
            context.Reply(t["finding.not_found"]);
            return;
        }

        Card(context, member, finding);
    }

    /// <summary>The saved card with what other capabilities add (the ledger's status and steps), and its buttons.</summary>
    private void Card(UpdateContext context, Member member, Finding finding)
    {
        var t = context.T;
        var html = new StringBuilder(FindingCard.Render(t, finding));
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var section in sections)
        {
            html.Append(section.Html(t, finding, context.Today));
            rows.AddRange(section.Buttons(t, finding, member));
        }

        rows.AddRange(FindingCard.Buttons(t, finding, member) ?? []);
        context.Reply(html.ToString(), rows.Count > 0 ? rows : null);
    }

    private void History(UpdateContext context, Member member, Finding? finding)
    {
        var t = context.T;
        if (finding is null || !FindingVisibility.CanSee(member, finding))
        {
            context.Reply(t["finding.not_found"]);
            return;
        }

        var sb = new StringBuilder(t.Format("finding.history_title", finding.Code));
        foreach (var change in store.ChangesOf(finding.Id))
        {
            var when = TimeZones.ToLocal(change.TimeUtc, context.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            sb.Append('\n').Append(change.Field == "created"
                ? t.Format("finding.history_created", when, change.UserName)
                : t.Format("finding.history_line", when, change.UserName, change.Field, Short(change.OldValue), Short(change.NewValue)));
        }

        context.Reply(sb.ToString());
    }

    private void Edit(UpdateContext context, Member member, Finding? finding, string revision)
    {
        var t = context.T;
        if (finding is null || !FindingVisibility.CanSee(member, finding))
        {
            context.Reply(t["finding.not_found"]);
            return;
        }

        if (!FindingVisibility.CanEdit(member, finding))
        {
            audit.Write(member.Id, member.TeamId, "denied", $"edit finding {finding.Id}");
            context.Reply(t["finding.edit_not_allowed"]);
            return;
        }

        if (revision != finding.Revision.ToString(CultureInfo.InvariantCulture))
        {
            context.Reply(t["finding.card_stale"]);
            Card(context, member, finding);
            return;
        }

        starter.Start(context, FindingDraft.From(finding));
    }

    private void List(UpdateContext context, Member member, string scope, int page, bool fromButton)
    {
        var t = context.T;
        IReadOnlyList<Finding> all;
        string title;
        if (scope == "m")
        {
            all = store.ByAuthor(member.TeamId, member.Id);
            title = t["findings.mine_title"];
        }
        else if (scope.Length == 9 && DateOnly.TryParseExact(scope[1..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            all = store.OnDay(member.TeamId, day).Where(f => FindingVisibility.CanSee(member, f)).ToList();
            title = t.Format("findings.day_title", FindingCard.Date(t, day));
        }
        else
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (all.Count == 0)
        {
            context.Reply(title + "\n" + t["findings.none"]);
            return;
        }

        var pages = (all.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var items = all.Skip(page * PageSize).Take(PageSize).ToList();
        var sb = new StringBuilder(title).Append(t.Format("findings.page", page + 1, pages, all.Count));
        foreach (var finding in items)
        {
            sb.Append('\n').Append(FindingCard.ListLine(t, finding));
        }

        var rows = PageKeyboard.For(t, items, 5, f => new Button(f.Code, $"fd:v:{f.Id.ToString(CultureInfo.InvariantCulture)}"),
            page > 0 ? PageData(scope, page - 1) : null, page < pages - 1 ? PageData(scope, page + 1) : null);
        context.ReplyOrEditOrigin(fromButton, sb.ToString(), rows);
    }

    private static string PageData(string scope, int page) => $"fd:l:{scope}:{page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The day a /findings argument names (today when empty); null after explaining a bad one.</summary>
    private static DateOnly? DayArgument(UpdateContext context, string argument)
    {
        if (argument.Length == 0)
        {
            return context.Today;
        }

        var result = DateInput.Parse(argument, context.Today, context.DateOptions(DateQuestion.LookBack));
        if (DateText.Problem(context.T, result, argument, context.Today) is { } problem)
        {
            context.Reply(problem);
            return null;
        }

        return result.Date;
    }

    private static string Short(string? value) => value is null ? "—" : TextPreview.Shorten(value, 40);
}
