using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web;

/// <summary>What the page sends with a step: the new deadline (yyyy-MM-dd) and reason, a note on the fix, a verification opinion.</summary>
public sealed record ActionRequest(string? Deadline, string? Reason, string? Note, string? Opinion);

/// <summary>A step taken: the item as it is now, and the sentence the chat would have answered.</summary>
public sealed record ActionDone(string Message, ItemView Item);

/// <summary>
/// <c>GET api/items/{code}</c>: an item's card (ETag: its revision). <c>POST api/items/{code}/{step}</c>: a
/// rectification step, through the same <see cref="LedgerService.Apply"/> as the chat's buttons (the same role and
/// state checks, the same audit trail, reminders and notices), only with <c>If-Match</c> naming the revision the
/// person saw: an item changed meanwhile (from the chat, another page, or a replayed request) is refused with its
/// current state and nothing is changed. Another team's item answers exactly as an item that does not exist.
/// </summary>
public sealed partial class ItemEndpoints(
    FindingStore findings,
    LedgerService ledger,
    AssistantDatabase db,
    Outbox outbox,
    TextCatalog catalog,
    AuditLog audit)
{
    public const int MaxBodyBytes = 8 * 1024;
    public const int MaxTextLength = 1000;

    public IResult Get(WebCaller caller, string code)
    {
        if (Find(caller, code, out var refusal) is not { } finding)
        {
            return refusal!;
        }

        return WebReply.Ok(View(caller, finding), ItemView.ETag(finding));
    }

    public async Task<IResult> PostAsync(HttpContext http, WebCaller caller, string code, string step)
    {
        var t = caller.T;
        if (!ItemView.Steps.TryGetValue(step, out var action))
        {
            return WebReply.Error(StatusCodes.Status404NotFound, "unknown_step", t["web.error.unknown_step"]);
        }

        if (Find(caller, code, out var refusal) is not { } finding)
        {
            return refusal!;
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return WebReply.Error(StatusCodes.Status428PreconditionRequired, "if_match", t["web.error.if_match"]);
        }

        if (!http.Request.HasJsonContentType())
        {
            return WebReply.Error(StatusCodes.Status415UnsupportedMediaType, "bad_body", t["web.error.bad_body"]);
        }

        ActionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ActionRequest>(http.Request.Body, WebReply.Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return WebReply.Error(StatusCodes.Status400BadRequest, "bad_body", t["web.error.bad_body"]);
        }

        if (Input(caller, action, body, out var request) is { } invalid)
        {
            return invalid;
        }

        // The revision the person saw; anything else (another action, an edit, a replay) is stale.
        var revision = ifMatch.Trim().Trim('"') is var tag && int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
        var (outcome, queued) = db.InTransaction(() =>
        {
            var context = new UpdateContext(
                new IncomingUpdate { Channel = "web", UpdateId = 0, ChatId = caller.Member.ChatId, UserId = caller.Member.Id, Date = caller.UtcNow },
                caller.Member, caller.Team, isAdmin: false, caller.Member.Language, caller.UtcNow, caller.Team.Zone, catalog);
            var result = ledger.Apply(context, finding.Id, revision, action, request!);
            return (result, outbox.Enqueue(context.Outgoing, caller.UtcNow));
        });
        outbox.NotifyAfterCommit(queued);
        return Answer(caller, outcome, action);
    }

    private IResult Answer(WebCaller caller, LedgerOutcome outcome, RectificationAction action)
    {
        var t = caller.T;
        switch (outcome)
        {
            case LedgerOutcome.Done done:
                var message = Html.ToPlainText(LedgerReplies.DoneText(t, done));
                return WebReply.Ok(new ActionDone(message, View(caller, done.Finding)), ItemView.ETag(done.Finding));
            case LedgerOutcome.Stale stale:
                return WebReply.Error(StatusCodes.Status412PreconditionFailed, "stale", t["web.error.stale"], View(caller, stale.Finding), ItemView.ETag(stale.Finding));
            case LedgerOutcome.Refused refused:
                audit.Write(caller.Member.Id, caller.Member.TeamId, "denied", $"mini app ledger {action} {refused.Finding.Id}");
                var missing = string.Join(t["list.separator"], refused.MissingGuardKeys.Select(k => t[k]));
                var allowed = refused.Allowed.Count == 0 ? t["ledger.nothing_allowed"] : string.Join(t["list.separator"], refused.Allowed.Select(a => t[a.Key()]));
                var why = refused.MissingGuardKeys.Count > 0
                    ? t.Format("ledger.refused_guard", refused.Finding.Code, new SafeHtml(missing))
                    : t.Format("ledger.refused_state", refused.Finding.Code, t[refused.Finding.Status.Key()]);
                var status = refused.MissingGuardKeys.Count == 0 ? StatusCodes.Status409Conflict
                    : refused.MissingGuardKeys.Any(RoleGuards.Contains) ? StatusCodes.Status403Forbidden
                    : StatusCodes.Status422UnprocessableEntity;
                return WebReply.Error(status, "refused", Html.ToPlainText(why + "\n" + t.Format("ledger.allowed", new SafeHtml(allowed))), View(caller, refused.Finding), ItemView.ETag(refused.Finding));
            default:
                return NotFound(t);
        }
    }

    private static readonly HashSet<string> RoleGuards = [RectificationMachine.Coordinator, RectificationMachine.TeamMember, RectificationMachine.Responsible];

    /// <summary>Checks what the step needs as the chat's questions do; null when it is all there, else the refusal.</summary>
    private static IResult? Input(WebCaller caller, RectificationAction action, ActionRequest body, out RectificationRequest? request)
    {
        var t = caller.T;
        request = null;
        var reason = TypedText.Clean(body.Reason)?.Trim();
        var note = TypedText.Clean(body.Note)?.Trim();
        var opinion = TypedText.Clean(body.Opinion)?.Trim();
        if ((reason?.Length ?? 0) > MaxTextLength || (note?.Length ?? 0) > MaxTextLength || (opinion?.Length ?? 0) > MaxTextLength)
        {
            return WebReply.Error(StatusCodes.Status400BadRequest, "too_long", t.Plain("web.error.too_long", MaxTextLength));
        }

        DateOnly? deadline = null;
        if (action == RectificationAction.ExtendDeadline)
        {
            if (!DateOnly.TryParseExact(body.Deadline?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return WebReply.Error(StatusCodes.Status400BadRequest, "bad_date", t["web.error.bad_date"]);
            }

            if (date < caller.Today)
            {
                return WebReply.Error(StatusCodes.Status400BadRequest, "date_in_past", Html.ToPlainText(t.Format("date.in_past", FindingCard.Date(t, date))));
            }

            deadline = date;
        }

        if (action is RectificationAction.ExtendDeadline or RectificationAction.Reject && string.IsNullOrEmpty(reason))
        {
            return WebReply.Error(StatusCodes.Status400BadRequest, "reason_required", t["web.error.reason_required"]);
        }

        if (action == RectificationAction.SubmitFix && string.IsNullOrEmpty(note))
        {
            return WebReply.Error(StatusCodes.Status400BadRequest, "note_required", t["web.error.note_required"]);
        }

        request = new RectificationRequest
        {
            Actor = caller.Member,
            NewDeadline = deadline,
            Reason = reason,
            Opinion = action == RectificationAction.Verify ? opinion : null,
            Note = action switch
            {
                RectificationAction.Verify => null,
                RectificationAction.FixOnSpot => t["ledger.fixed_on_spot_note"],
                _ => note,
            },
        };
        return null;
    }

    /// <summary>The finding by its number, if this person may see it; otherwise the same answer whether it exists or not.</summary>
    private Finding? Find(WebCaller caller, string code, out IResult? refusal)
    {
        refusal = null;
        if (!CodeShape().IsMatch(code))
        {
            refusal = WebReply.Error(StatusCodes.Status400BadRequest, "bad_code", caller.T["web.error.bad_code"]);
            return null;
        }

        var finding = findings.GetByCode(code);
        if (finding is not null && LedgerService.MaySee(caller.Member, finding))
        {
            return finding;
        }

        if (finding is not null)
        {
            audit.Write(caller.Member.Id, caller.Member.TeamId, "denied", $"mini app item {finding.Id}");
        }

        refusal = NotFound(caller.T);
        return null;
    }

    private static IResult NotFound(Texts t) => WebReply.Error(StatusCodes.Status404NotFound, "not_found", Html.ToPlainText(t["finding.not_found"]));

    private ItemView View(WebCaller caller, Finding f) =>
        ItemView.Of(caller.T, f, caller.Member, caller.Today, caller.Team.Zone, findings.ChangesOf(f.Id));

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,5}-\d{1,6}$")]
    private static partial Regex CodeShape();
}
