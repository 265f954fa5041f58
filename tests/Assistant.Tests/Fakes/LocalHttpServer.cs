using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Fakes;

/// <summary>
/// A Kestrel server on the loopback address for the fake HTTP services: every request goes to one
/// handler, which gets a token cancelled when the server goes down.
/// </summary>
public sealed class LocalHttpServer
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _lifetime;

    private LocalHttpServer(WebApplication app, CancellationTokenSource lifetime, int port)
    {
        _app = app;
        _lifetime = lifetime;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: any free port).</summary>
    public static async Task<LocalHttpServer> StartAsync(int port, Func<HttpContext, CancellationToken, Task> handle, long? maxRequestBodySize = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            if (maxRequestBodySize is { } max)
            {
                kestrel.Limits.MaxRequestBodySize = max;
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        var lifetime = new CancellationTokenSource();
        app.Run(context => handle(context, lifetime.Token));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            lifetime.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalHttpServer(app, lifetime, new Uri(address).Port);
    }

    /// <summary>Cancels pending handlers first (their connections are dropped), then stops Kestrel.</summary>
    public async Task StopAsync()
    {
        await _lifetime.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _lifetime.Dispose();
    }
}
