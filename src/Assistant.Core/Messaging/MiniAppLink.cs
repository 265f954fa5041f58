namespace Assistant.Core.Messaging;

/// <summary>Which screen of the Mini App a button opens.</summary>
public enum MiniAppView
{
    Ledger,
    Dashboard,
}

/// <summary>
/// The address of the Telegram Mini App (the ledger and the visit dashboard as a web page), when the host serves
/// one (<c>Web:PublicUrl</c>). Commands add a <see cref="Button.WebApp"/> button with it; without a Mini App the
/// address is null and no button is shown.
/// </summary>
public interface IMiniAppLink
{
    /// <summary>The page's address for a view, with query parameters the page starts from (a ledger's filters); null when no Mini App is served.</summary>
    string? Url(MiniAppView view, IReadOnlyList<KeyValuePair<string, string>>? parameters = null);
}

/// <summary>No Mini App: the default until the host serves one.</summary>
public sealed class NoMiniApp : IMiniAppLink
{
    public string? Url(MiniAppView view, IReadOnlyList<KeyValuePair<string, string>>? parameters = null) => null;
}
