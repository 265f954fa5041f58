using Assistant.Core.Dispatching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Assistant.Web;

/// <summary>Kestrel could not listen where <c>Web:ListenUrl</c> says (the port is taken, the address is not this machine's).</summary>
public sealed class MiniAppUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Serves the Mini App from this process: Kestrel on <c>Web:ListenUrl</c>, behind the reverse proxy that holds
/// <c>Web:PublicUrl</c>. Registered only when the Mini App is enabled, as a hosted service of the assistant's host:
/// its endpoints are singletons of the assistant's container, so the page reads and writes through the same
/// services and the same LiteDB database as the chat. The web application's own container holds only ASP.NET Core's
/// plumbing; it logs through the assistant's logging and has no lifetime of its own (the assistant stops it).
/// </summary>
public sealed class MiniAppServer(
    IOptions<WebOptions> options,
    MiniAppAccess access,
    WebAssets assets,
    SessionEndpoint session,
    LedgerEndpoint ledger,
    ItemEndpoints items,
    DashboardEndpoint dashboard,
    TextCatalog catalog,
    IOptions<AssistantOptions> assistant,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<MiniAppServer>();
    private WebApplication? _app;

    /// <summary>The address Kestrel listens on once started (with the real port when <c>Web:ListenUrl</c> asked for port 0).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, NoLifetime>();
        builder.WebHost.UseUrls(settings.ListenUrl.Trim());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ItemEndpoints.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });

        var app = builder.Build();
        app.Use(Headers);
        Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new MiniAppUnavailableException($"the Mini App cannot listen on Web:ListenUrl '{settings.ListenUrl}': {ex.Message}", ex);
        }

        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _logger.LogInformation("Mini App served on {Address} for {PublicUrl}.", Address, settings.PublicBase);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <summary>A host that never stopped (a failed start elsewhere) still closes the port.</summary>
    public void Dispose() => ((IDisposable?)Interlocked.Exchange(ref _app, null))?.Dispose();

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", assets.Page);
        app.MapGet("/index.html", assets.Page);
        app.MapGet("/app.js", assets.Script);
        app.MapGet("/app.css", assets.Style);
        app.MapGet("/api/session", Session);
        app.MapGet("/api/ledger", Ledger);
        app.MapGet("/api/dashboard", Dashboard);
        app.MapGet("/api/items/{code}", Item);
        app.MapPost("/api/items/{code}/{step}", Step);
        app.Map("/api/{**rest}", Unknown);
    }

    private Task Session(HttpContext http) => Api(http, caller => Task.FromResult(session.Handle(caller)));

    private Task Ledger(HttpContext http) => Api(http, caller => Task.FromResult(ledger.Handle(http, caller)));

    private Task Dashboard(HttpContext http) => Api(http, caller => Task.FromResult(dashboard.Handle(caller)));

    private Task Item(HttpContext http) => Api(http, caller => Task.FromResult(items.Get(caller, Route(http, "code"))));

    private Task Step(HttpContext http) => Api(http, caller => items.PostAsync(http, caller, Route(http, "code"), Route(http, "step")));

    private Task Unknown(HttpContext http) =>
        Api(http, caller => Task.FromResult(WebReply.Error(StatusCodes.Status404NotFound, "unknown", caller.T["web.error.unknown"])));

    /// <summary>Every API call: who is asking first, then the handler; any failure is one logged line and a sentence for the person.</summary>
    private async Task Api(HttpContext http, Func<WebCaller, Task<IResult>> handle)
    {
        IResult result;
        try
        {
            var (caller, refusal) = access.Authenticate(http);
            result = refusal ?? await handle(caller!);
        }
        catch (BadHttpRequestException ex)
        {
            result = WebReply.Error(ex.StatusCode, "bad_request", Fallback["web.error.too_large"]);
        }
        catch (Exception ex) when (Dispatcher.IsStorageFailure(ex))
        {
            _logger.LogError("Mini App {Path}: storage refused ({Error}).", http.Request.Path, ex.Message);
            result = WebReply.Error(StatusCodes.Status503ServiceUnavailable, "unavailable", Fallback["web.error.unavailable"]);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(ex, "Mini App {Path} failed.", http.Request.Path);
            result = WebReply.Error(StatusCodes.Status500InternalServerError, "failed", Fallback["web.error.failed"]);
        }

        await result.ExecuteAsync(http);
    }

    private Texts Fallback => catalog.For(assistant.Value.DefaultLanguageValue);

    private static string Route(HttpContext http, string name) => http.Request.RouteValues[name] as string ?? "";

    private static Task Headers(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = WebAssets.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(http);
    }

    /// <summary>The web application follows the assistant's lifetime: no console or signal handling of its own.</summary>
    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
