namespace Assistant.Web;

/// <summary>
/// Settings of the <c>Web</c> section: the Telegram Mini App (the ledger and the visit dashboard as a page) that the
/// assistant serves itself when <see cref="PublicUrl"/> is set. Unset: nothing is served and no port is opened.
/// </summary>
public sealed class WebOptions : IValidatableSettings
{
    public const string Section = "Web";
    public const string DefaultListenUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// The HTTPS address people open (Telegram accepts only HTTPS), forwarded by a reverse proxy to
    /// <see cref="ListenUrl"/>, e.g. <c>https://bot.example.org/</c> or <c>https://example.org/inspect/</c> (the proxy
    /// strips the prefix). Empty: no Mini App.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Where the page is served in this process (plain HTTP, for the reverse proxy): an address and a port.</summary>
    public string ListenUrl { get; set; } = DefaultListenUrl;

    /// <summary>How long the Mini App's signed start data (initData) is accepted after Telegram issued it, in minutes.</summary>
    public int InitDataMaxAgeMinutes { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicUrl);

    public TimeSpan InitDataMaxAge => TimeSpan.FromMinutes(InitDataMaxAgeMinutes);

    /// <summary>The public address with a final slash, so the page's relative addresses resolve under it.</summary>
    public Uri PublicBase => new(PublicUrl.Trim().EndsWith('/') ? PublicUrl.Trim() : PublicUrl.Trim() + "/");

    public IEnumerable<string> Validate()
    {
        if (Enabled && (!Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var site) || site.Scheme != Uri.UriSchemeHttps
            || site.Query.Length > 0 || site.Fragment.Length > 0 || site.UserInfo.Length > 0))
        {
            yield return $"Web:PublicUrl '{PublicUrl}' is not an HTTPS address: Telegram opens Mini Apps only over HTTPS; expected e.g. https://bot.example.org/ (no query, no #), or empty for no Mini App.";
        }

        if (!Uri.TryCreate(ListenUrl.Trim(), UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp
            || listen.AbsolutePath != "/" || listen.Query.Length > 0 || listen.UserInfo.Length > 0 || !ExplicitPort(ListenUrl))
        {
            yield return $"Web:ListenUrl '{ListenUrl}' is not a plain HTTP address with a port: expected e.g. {DefaultListenUrl} (the reverse proxy serves HTTPS).";
        }

        if (InitDataMaxAgeMinutes is < 1 or > 1440)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Web:InitDataMaxAgeMinutes {InitDataMaxAgeMinutes} is out of range: expected 1 to 1440 (a day).");
        }
    }

    private static bool ExplicitPort(string url)
    {
        var authority = url.Trim()["http://".Length..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        return colon > 0 && colon > authority.LastIndexOf(']') && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535;
    }
}
