namespace Assistant.Web;

/// <summary>The Mini App's address under <c>Web:PublicUrl</c>: the view and the ledger's filters as query parameters the page starts from.</summary>
public sealed class MiniAppLink(IOptions<WebOptions> options) : IMiniAppLink
{
    public string? Url(MiniAppView view, IReadOnlyList<KeyValuePair<string, string>>? parameters = null)
    {
        var sb = new StringBuilder(options.Value.PublicBase.ToString());
        sb.Append("?view=").Append(view == MiniAppView.Dashboard ? "dashboard" : "ledger");
        foreach (var (name, value) in parameters ?? [])
        {
            sb.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }
}
