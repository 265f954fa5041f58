using Assistant.Channels.Telegram;
using Assistant.Core.Teams;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web;

/// <summary>Who is asking, proven: the member (their team, role and language) and the time of the request.</summary>
public sealed record WebCaller(Member Member, Team Team, Texts T, DateTime UtcNow)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZones.ToLocal(UtcNow, Team.Zone));
}

/// <summary>
/// Admits a request only with valid start data in its <c>Authorization: tma &lt;initData&gt;</c> header (see
/// <see cref="InitDataValidator"/>), for a member of a team: the same people the chat serves, and no other login.
/// A refusal says why and what to do, in the member's language when the data names one.
/// </summary>
public sealed class MiniAppAccess(
    IOptions<WebOptions> web,
    IOptions<TelegramOptions> telegram,
    IOptions<AssistantOptions> assistant,
    TeamStore teams,
    TextCatalog catalog,
    AuditLog audit,
    TimeProvider time,
    ILogger<MiniAppAccess> logger)
{
    public const string Scheme = "tma";

    private readonly InitDataValidator _validator = new(telegram.Value.BotToken);

    /// <summary>The proven caller, or the answer that refuses the request.</summary>
    public (WebCaller? Caller, IResult? Refusal) Authenticate(HttpContext http)
    {
        var now = time.GetUtcNow();
        var header = http.Request.Headers.Authorization.ToString();
        var initData = header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(Scheme.Length + 1)..].Trim() : null;
        var (user, problem) = _validator.Validate(initData, now, web.Value.InitDataMaxAge);
        var fallback = catalog.For(assistant.Value.DefaultLanguageValue);
        switch (problem)
        {
            case InitDataProblem.Unsigned:
                return (null, WebReply.Error(StatusCodes.Status401Unauthorized, "unsigned", fallback["web.error.unsigned"]));
            case InitDataProblem.Malformed or InitDataProblem.BadSignature:
                logger.LogWarning("Mini App: refused start data from {Address} ({Problem}).", http.Connection.RemoteIpAddress, problem);
                return (null, WebReply.Error(StatusCodes.Status401Unauthorized, "invalid", fallback["web.error.invalid"]));
            case InitDataProblem.Expired:
                return (null, WebReply.Error(StatusCodes.Status401Unauthorized, "expired", fallback["web.error.expired"]));
        }

        var member = teams.GetMember(user!.UserId);
        var team = member is null ? null : teams.GetTeam(member.TeamId);
        if (member is null || team is null)
        {
            audit.Write(user.UserId, null, "denied", "mini app: not a member");
            var t = catalog.For(LanguageCodes.Parse(user.LanguageCode) ?? assistant.Value.DefaultLanguageValue);
            return (null, WebReply.Error(StatusCodes.Status403Forbidden, "not_member", Core.Messaging.Html.ToPlainText(t["stranger.refused"])));
        }

        return (new WebCaller(member, team, catalog.For(member.Language), now.UtcDateTime), null);
    }
}
