using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using Assistant.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Web;

/// <summary>The whole program with <c>Web:PublicUrl</c> set: the bot's buttons and menu open the page the same process serves.</summary>
public sealed class MiniAppHostTests
{
    private const long Leader = 42;

    /// <summary>The first answer of a freshly started program, on a loaded machine.</summary>
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task WithAPublicUrl_TheBotOffersTheMiniApp_AndTheHostServesIt()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, settings: new Dictionary<string, string?>
        {
            ["Web:PublicUrl"] = WebHarness.PublicUrl,
            ["Web:ListenUrl"] = "http://127.0.0.1:0",
        });
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);

        // The private chats' menu button opens the ledger.
        var menu = await api.WaitForCallAsync("setChatMenuButton", timeout: Long);
        var button = System.Text.Json.Nodes.JsonNode.Parse(menu["menu_button"]!)!;
        Assert.Equal("web_app", (string?)button["type"]);
        Assert.Equal(WebHarness.PublicUrl + "?view=ledger", (string?)button["web_app"]!["url"]);
        Assert.Equal("台账", (string?)button["text"]);
        Assert.Null(menu["chat_id"]);

        // /ledger with a filter: a web_app button that opens the page on the same filter.
        api.EnqueueText(Leader, Leader, "/ledger 逾期");
        var ledger = await api.WaitForSentAsync(m => m.ChatId == Leader && m.ReplyMarkup is not null, Long);
        var markup = ledger.ReplyMarkup!.ToJsonString();
        Assert.Contains("\"web_app\":{\"url\":\"" + WebHarness.PublicUrl + "?view=ledger", markup, StringComparison.Ordinal);
        Assert.Contains("scope=Overdue", markup, StringComparison.Ordinal);

        // The same process serves the page and admits the leader with start data signed with the bot token.
        var server = app.Get<MiniAppServer>();
        using var http = new HttpClient { BaseAddress = server.Address };
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("tma", InitDataSigner.Sign(api.Token, Leader, DateTimeOffset.UtcNow));
        var session = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal("Leader", (string?)(await WebHarness.JsonAsync(session))["role"]);

        // A member who switches to English gets their own chat's button in English; the default stays Chinese.
        api.EnqueueText(Leader, Leader, "/lang en");
        var own = await api.WaitForCallAsync("setChatMenuButton", c => c["chat_id"] == Leader.ToString(CultureInfo.InvariantCulture), Long);
        var ownButton = System.Text.Json.Nodes.JsonNode.Parse(own["menu_button"]!)!;
        Assert.Equal("Ledger", (string?)ownButton["text"]);
        Assert.Equal(WebHarness.PublicUrl + "?view=ledger", (string?)ownButton["web_app"]!["url"]);
        Assert.Equal(1, api.Calls.Count(c => c.Method == "setChatMenuButton" && c["chat_id"] is null));
    }

    [Fact]
    public void Ledger_InAPrivateChatOffersTheMiniApp_NeverInAGroup()
    {
        using var core = CoreHarness.Create(settings: new Dictionary<string, string?> { ["Web:PublicUrl"] = WebHarness.PublicUrl }, configure: b =>
            b.Services.Replace(ServiceDescriptor.Singleton<IMiniAppLink>(new MiniAppLink(Options.Create(new WebOptions { PublicUrl = WebHarness.PublicUrl })))));
        var team = core.CreateTeam();
        core.AddMember(team, Leader, Role.Leader);

        core.Send(Leader, "/ledger");
        Assert.Contains(core.Messages(Leader)[^1].Keyboard!.SelectMany(r => r), b => b.WebAppUrl == WebHarness.PublicUrl + "?view=ledger");

        const long group = -100123;
        core.Send(Leader, "/linkgroup", group, ChatKind.Group);
        core.Send(Leader, "/ledger", group, ChatKind.Group);
        Assert.NotEmpty(core.Messages(group));
        Assert.DoesNotContain(core.Messages(group).SelectMany(m => m.Keyboard ?? []), row => row.Any(b => b.WebAppUrl is not null));
    }
}
