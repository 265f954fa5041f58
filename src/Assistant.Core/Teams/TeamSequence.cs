namespace Assistant.Core.Teams;

/// <summary>A team's last finding number (G7-001 is 1), in its own row: see <see cref="TeamStore.NextFindingNumber"/>.</summary>
public sealed class TeamSequence
{
    /// <summary>The team's id.</summary>
    public int Id { get; set; }

    public int Findings { get; set; }
}
