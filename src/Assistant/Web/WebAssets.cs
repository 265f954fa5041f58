using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web;

/// <summary>
/// The page itself: plain HTML, CSS and JavaScript embedded in this assembly (no build step, nothing loaded from
/// another site). The script and the style sheet are addressed with their content hash, so they may be cached for
/// good; the page is revalidated every time.
/// </summary>
public sealed class WebAssets
{
    private const string Prefix = "Assistant.Web.wwwroot.";

    /// <summary>What the page may load and where it may connect: this site only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

    private readonly byte[] _index;
    private readonly byte[] _script;
    private readonly byte[] _style;

    public WebAssets()
    {
        _script = Read("app.js");
        _style = Read("app.css");
        Version = Convert.ToHexStringLower(SHA256.HashData([.. _script, .. _style]))[..12];
        _index = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Read("index.html")).Replace("{{v}}", Version, StringComparison.Ordinal));
    }

    /// <summary>The content hash the page asks for its script and style sheet with.</summary>
    public string Version { get; }

    public Task Page(HttpContext http) => Send(http, _index, "text/html; charset=utf-8", "no-cache");

    public Task Script(HttpContext http) => Send(http, _script, "text/javascript; charset=utf-8", Cached(http));

    public Task Style(HttpContext http) => Send(http, _style, "text/css; charset=utf-8", Cached(http));

    private string Cached(HttpContext http) =>
        http.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";

    private static async Task Send(HttpContext http, byte[] content, string type, string cache)
    {
        http.Response.ContentType = type;
        http.Response.Headers.CacheControl = cache;
        http.Response.ContentLength = content.Length;
        await http.Response.Body.WriteAsync(content, http.RequestAborted);
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"The Mini App's {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
