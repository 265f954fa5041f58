namespace Assistant.Core.Dispatching;

/// <summary>The bot's own username, learned from the channel at start (null on the console).</summary>
public sealed class BotIdentity
{
    private volatile string? _username;

    public string? Username
    {
        get => _username;
        set => _username = value;
    }

    /// <summary>Whether "/cmd@name" is addressed to this bot. Unknown name: accept.</summary>
    public bool IsAddressedToUs(string? addressedTo) =>
        addressedTo is null || _username is null || string.Equals(addressedTo, _username, StringComparison.OrdinalIgnoreCase);

    /// <summary>A t.me link that opens the bot with /start CODE, or null when the name is unknown.</summary>
    public string? StartLink(string code) => _username is null ? null : $"https://t.me/{_username}?start={code}";
}
