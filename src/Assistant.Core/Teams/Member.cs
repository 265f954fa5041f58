namespace Assistant.Core.Teams;

/// <summary>A person admitted to a team through an invitation. Keyed by their chat user id.</summary>
public sealed class Member
{
    /// <summary>The Telegram user id (the console operator has <see cref="ConsoleIdentity.UserId"/>).</summary>
    public long Id { get; set; }

    public int TeamId { get; set; }

    public Role Role { get; set; }

    public string DisplayName { get; set; } = "";

    public string? Username { get; set; }

    public Language Language { get; set; }

    public DateTime JoinedUtc { get; set; }

    /// <summary>Start of the member's quiet hours in team time (no pushes); null means none.</summary>
    public TimeOnly? QuietFrom { get; set; }

    public TimeOnly? QuietTo { get; set; }

    /// <summary>For a rectification contact: the unit they answer for.</summary>
    public string? Organization { get; set; }

    public string? Phone { get; set; }

    /// <summary>The private chat to reach this member in (equal to the user id on Telegram).</summary>
    public long ChatId => Id;
}

/// <summary>The identity of the person at the console channel.</summary>
public static class ConsoleIdentity
{
    public const long UserId = 1;
    public const long ChatId = 1;
}
