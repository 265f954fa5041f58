using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Ledger;

/// <summary>
/// /ledger [filters], /overdue, /due: the rectification ledger, paged, each item with the actions
/// the reader's role allows. Filters are words: a status (待整改, 整改中, 已整改, 已销号…), 逾期 /
/// overdue, a sector or an aspect by any of its names (危化, 燃气, 基层…: <see cref="ClassificationNames"/>),
/// a severity, or any other text (matched in the place and the units).
/// Rectification contacts see only what is assigned to them. /export ledger and /stats are prepared
/// in the background and sent as files.
/// </summary>
public sealed class LedgerCommands(
    FindingStore findings,
    LedgerQueries queries,
    LedgerService ledger,
    ConversationEngine engine,
    LedgerActionFlow flow,
    LedgerJobs jobs,
    AuditLog audit,
    IMiniAppLink miniApp) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("ledger", Permission.ViewLedger, ChatScope.PrivateOnly, "help.cmd.ledger", "/ledger [FILTERS]") { InMenu = true },
        new("overdue", Permission.ViewLedger, ChatScope.PrivateOnly, "help.cmd.overdue", "/overdue"),
        new("due", Permission.ViewLedger, ChatScope.PrivateOnly, "help.cmd.due", "/due"),
        new("stats", Permission.ViewSummary, ChatScope.PrivateOnly, "help.cmd.stats", "/stats"),
        new("export", Permission.Export, ChatScope.PrivateOnly, "help.cmd.export", "/export ledger"),
    ];

    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("lg", Permission.ViewLedger)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        switch (command.Name)
        {
            case "overdue":
                Show(context, new LedgerQuery { Scope = LedgerScope.Overdue }, 0);
                return;
            case "due":
                Show(context, new LedgerQuery { Scope = LedgerScope.DueSoon }, 0);
                return;
            case "stats":
                jobs.QueueStats(context, MiniAppButton(context, MiniAppView.Dashboard, null));
                return;
            case "export":
                if (command.Words.Count > 0 && command.Words[0] is not ("ledger" or "台账"))
                {
                    context.Reply(t["ledger.export_usage"]);
                    return;
                }

                jobs.QueueExport(context);
                return;
        }

        var other = context.TextsFor(context.Language == Localization.Language.English ? Localization.Language.Chinese : Localization.Language.English);
        Show(context, LedgerFilter.Parse(command.Words, context.T, other), 0);
    }

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        var member = context.Member!; // the button's ViewLedger is held by members only, never by an administrator alone
        var parts = payload.Split(':');
        if (parts[0] == "p" && parts.Length == 3
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var queryId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            && queries.Get(queryId) is { } saved && saved.OwnerId == member.Id)
        {
            Show(context, saved, page, fromButton: true);
            return;
        }

        var finding = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? findings.Get(id) : null;
        if (finding is null || !LedgerService.MaySee(member, finding))
        {
            if (finding is not null)
            {
                audit.Write(member.Id, member.TeamId, "denied", $"ledger {finding.Id}");
            }

            context.Reply(t["finding.not_found"]);
            return;
        }

        if (parts[0] == "v")
        {
            context.Reply(LedgerCard.Full(t, finding, context.Today, context.Zone), LedgerCard.Actions(t, finding, member, ledger.Rules));
            return;
        }

        if (parts.Length != 3 || LedgerCard.ActionOf(parts[0]) is not { } action
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (revision != finding.Revision)
        {
            context.Reply(t["ledger.card_stale"] + "\n\n" + LedgerCard.Full(t, finding, context.Today, context.Zone), LedgerCard.Actions(t, finding, member, ledger.Rules));
            return;
        }

        if (LedgerService.Check(finding, member, action, ledger.Rules) is { } refused)
        {
            audit.Write(member.Id, member.TeamId, "denied", $"ledger {action} {finding.Id}");
            LedgerReplies.Outcome(context, refused, ledger.Rules);
            return;
        }

        context.RemoveOriginKeyboard();
        if (action is RectificationAction.Assign or RectificationAction.SubmitFix or RectificationAction.Verify or RectificationAction.Reject or RectificationAction.ExtendDeadline)
        {
            engine.Start(context, LedgerActionFlow.FlowName, turn => flow.Begin(turn, new LedgerActionDraft { FindingId = finding.Id, Revision = revision, Action = action }));
            return;
        }

        var request = new RectificationRequest { Actor = member, Note = action == RectificationAction.FixOnSpot ? t["ledger.fixed_on_spot_note"] : null, Rules = ledger.Rules };
        LedgerReplies.Outcome(context, ledger.Apply(context, finding.Id, revision, action, request), ledger.Rules);
    }

    private void Show(UpdateContext context, LedgerQuery query, int page, bool fromButton = false)
    {
        var t = context.T;
        var member = context.Member!;
        if (query.Id == 0)
        {
            query.OwnerId = member.Id;
            query.CreatedUtc = context.UtcNow;
            queries.Save(query);
        }

        var (items, more) = queries.Page(query, member, context.Today, page);
        var sb = new StringBuilder(t.Format("ledger.title", t["ledger.scope." + query.Scope.ToString().ToLowerInvariant()], page + 1));
        if (items.Count == 0)
        {
            sb.Append('\n').Append(t[page == 0 ? "ledger.empty" : "ledger.no_more"]);
        }

        foreach (var f in items)
        {
            sb.Append('\n').Append(LedgerCard.Line(t, f, context.Today));
        }

        var qid = query.Id.ToString(CultureInfo.InvariantCulture);
        var rows = PageKeyboard.For(t, items, 4, f => new Button(f.Code, $"lg:v:{f.Id.ToString(CultureInfo.InvariantCulture)}"),
            page > 0 ? $"lg:p:{qid}:{(page - 1).ToString(CultureInfo.InvariantCulture)}" : null,
            more ? $"lg:p:{qid}:{(page + 1).ToString(CultureInfo.InvariantCulture)}" : null);
        if (MiniAppButton(context, MiniAppView.Ledger, query) is { } open)
        {
            rows.AddRange(open);
        }

        context.ReplyOrEditOrigin(fromButton, sb.ToString(), rows);
    }

    /// <summary>
    /// The button that opens the Mini App on this view (the ledger with the same filters), when the host serves one.
    /// Never in a group: Telegram accepts web_app buttons only in private chats (and would refuse the whole message).
    /// </summary>
    private IReadOnlyList<IReadOnlyList<Button>>? MiniAppButton(UpdateContext context, MiniAppView view, LedgerQuery? query) =>
        !context.InGroup && miniApp.Url(view, query is null ? null : LedgerFilter.ToParameters(query)) is { } url
            ? [[Button.WebApp(context.T[view == MiniAppView.Ledger ? "web.open_ledger" : "web.open_dashboard"], url)]]
            : null;
}
