using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Channels.Telegram;
using Assistant.Core.Common;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using Assistant.Web;

namespace Assistant.Tests.Web;

/// <summary>
/// The real core (<see cref="CoreHarness"/>: dispatcher, stores, a LiteDB file, a fake clock) with the Mini App's
/// server on a free loopback port, seeded with <see cref="WebSeed"/>. The chat is driven through the harness, the
/// page's API over HTTP.
/// </summary>
public sealed class WebHarness : IAsyncDisposable
{
    public const string Token = FakeBotApi.DefaultToken;
    public const string PublicUrl = "https://mini.example.test/app/";

    private readonly HttpClient _http;

    private WebHarness(CoreHarness core, MiniAppServer server, Team team, Team other)
    {
        Core = core;
        Server = server;
        Team = team;
        Other = other;
        _http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public CoreHarness Core { get; }

    public MiniAppServer Server { get; }

    public Team Team { get; }

    public Team Other { get; }

    public static async Task<WebHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = Token,
            ["Web:PublicUrl"] = PublicUrl,
            ["Web:ListenUrl"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var core = CoreHarness.Create(start: WebSeed.Now, settings: values, configure: b =>
        {
            b.AddSettings<TelegramOptions>(TelegramOptions.Section);
            b.AddMiniApp();
        });
        var (team, other) = WebSeed.Seed(core.Services);
        var server = core.Get<MiniAppServer>();
        await server.StartAsync(CancellationToken.None);
        return new WebHarness(core, server, team, other);
    }

    /// <summary>Start data for a user, issued now (or <paramref name="age"/> ago) by the fake clock.</summary>
    public string InitData(long userId, TimeSpan? age = null, string? languageCode = "zh-hans") =>
        InitDataSigner.Sign(Token, userId, Core.Time.GetUtcNow() - (age ?? TimeSpan.Zero), languageCode);

    public Task<HttpResponseMessage> GetAsync(string path, string? initData) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), initData);

    public Task<HttpResponseMessage> GetAsync(string path, long userId) => GetAsync(path, InitData(userId));

    /// <summary>A step on an item, with the entity tag the page holds (null: none sent).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, long userId, object body, string? etag, string? initData = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return SendAsync(request, initData ?? InitData(userId));
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? initData)
    {
        if (initData is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("tma", initData);
        }

        return _http.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    /// <summary>The item numbers of every ledger page the user may see (all scopes).</summary>
    public async Task<List<string>> CodesAsync(long userId, string query = "scope=All")
    {
        var codes = new List<string>();
        for (var page = 0; ; page++)
        {
            var json = await JsonAsync(await GetAsync($"api/ledger?{query}&size=100&page={page}", userId));
            codes.AddRange(json["items"]!.AsArray().Select(i => (string)i!["code"]!));
            if (page + 1 >= (int)json["pages"]!)
            {
                return codes;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.StopAsync(CancellationToken.None);
        Core.Dispose();
    }
}

/// <summary>JSON as text with Chinese as it is (JsonNode's own writer escapes every non-ASCII character).</summary>
public static class JsonNodeText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(this JsonNode node) => node.ToJsonString(Relaxed);
}
