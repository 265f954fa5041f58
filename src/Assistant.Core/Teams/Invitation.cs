namespace Assistant.Core.Teams;

/// <summary>An invitation code: joins its holder to a team with a role, a limited number of times, until it expires.</summary>
public sealed class Invitation
{
    /// <summary>The code itself (8 characters, no look-alike letters).</summary>
    public string Id { get; set; } = "";

    public int TeamId { get; set; }

    public Role Role { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public int UsesLeft { get; set; }

    public int MaxUses { get; set; }

    public long CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }
}
