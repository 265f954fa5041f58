using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>
/// /leads [filters]: the leads the reader may see (the leader and the liaison all of the team's, a member those they
/// took), overdue first then by feedback date, paged, a button per lead. Buttons: ld:v:ID the card, ld:a:ID:ACTION a
/// step (the lead flow) after checking the lead, the role and the state again, ld:p:SCOPE:PAGE:WORDS a page. A lead
/// the reader may not see (another team's, another member's) is answered as not found, with an audit line.
/// </summary>
public sealed class LeadCommands(LeadStore store, LeadService leads, ConversationEngine engine, AuditLog audit) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public const int PageSize = 10;

    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("leads", Permission.LogFindings, ChatScope.PrivateOnly, "help.cmd.leads", "/leads [FILTERS]")];

    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("ld", Permission.LogFindings, ChatScope.PrivateOnly)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var other = context.TextsFor(context.Language == Language.English ? Language.Chinese : Language.English);
        Show(context, LeadFilter.Parse(command.Words, context.T, other), 0, fromButton: false);
    }

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        var member = context.Member!; // LogFindings is held by members only
        var parts = payload.Split(':', 4);
        if (parts[0] == "p" && parts.Length == 4
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var scope) && Enum.IsDefined((LeadScope)scope)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page < 10_000)
        {
            Show(context, new LeadFilter((LeadScope)scope, parts[3]), page, fromButton: true);
            return;
        }

        if (parts.Length < 2 || parts[0] is not ("v" or "a") || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (leads.Visible(member, id) is not { } lead)
        {
            audit.Write(member.Id, member.TeamId, "denied", $"lead {id.ToString(CultureInfo.InvariantCulture)}");
            context.Reply(t["leads.not_found"]);
            return;
        }

        if (parts[0] == "v")
        {
            context.Reply(LeadCard.Full(t, lead, context.Today), LeadCard.Buttons(t, lead, member));
            return;
        }

        if (parts.Length != 3 || !Enum.TryParse<LeadAction>(parts[2], out var action) || !Enum.IsDefined(action) || int.TryParse(parts[2], out _))
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (!LeadService.May(member, lead, action))
        {
            audit.Write(member.Id, member.TeamId, "denied", $"lead {action} {lead.Id.ToString(CultureInfo.InvariantCulture)}");
            context.Reply(t["leads.refused." + action.ToString().ToLowerInvariant()]);
            return;
        }

        if (!LeadService.Applies(lead, action))
        {
            context.Reply(t[LeadService.NotNowKey(action)]);
            return;
        }

        context.RemoveOriginKeyboard();
        engine.Start(context, LeadFlow.FlowName, new LeadDraft { LeadId = lead.Id, Action = action });
    }

    private void Show(UpdateContext context, LeadFilter filter, int page, bool fromButton)
    {
        var t = context.T;
        var member = context.Member!;
        var today = context.Today;

        // The team's range in index order: open leads by due date (overdue first, undated last), then closed ones.
        var shown = store.OfTeam(member.TeamId).Where(l => LeadAccess.CanSee(member, l) && filter.Matches(l, today)).Skip(page * PageSize).Take(PageSize + 1).ToList();
        var more = shown.Count > PageSize;
        var items = shown.Take(PageSize).ToList();
        var sb = new StringBuilder(Html.Bold(t.Plain("leads.title", t[LeadFilter.WordKey(filter.Scope)], page + 1)));
        if (filter.Text.Length > 0)
        {
            sb.Append('\n').Append(t.Format("leads.filter_text", filter.Text));
        }

        if (items.Count == 0)
        {
            sb.Append('\n').Append(t[page == 0 ? "leads.empty" : "leads.no_more"]);
        }

        foreach (var lead in items)
        {
            sb.Append('\n').Append(LeadCard.Line(t, lead, today));
        }

        var rows = PageKeyboard.For(t, items, 4, l => new Button(l.Code, LeadCard.View(l)), page > 0 ? filter.PageData(page - 1) : null, more ? filter.PageData(page + 1) : null);
        context.ReplyOrEditOrigin(fromButton, sb.ToString(), rows);
    }
}
