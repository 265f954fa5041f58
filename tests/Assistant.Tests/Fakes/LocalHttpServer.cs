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
public static class LocalHttpServer
{
    /// <summary>Starts listening on <paramref name="port"/> (0: any free port); returns the app, its lifetime and the port.</summary>
    public static async Task<(WebApplication App, CancellationTokenSource Lifetime, int Port)> StartAsync(
        int port, Func<HttpContext, CancellationToken, Task> handle, long? maxRequestBodySize = null)
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
        return (app, lifetime, new Uri(address).Port);
    }
}
