namespace Assistant.Core.Dispatching;

/// <summary>The user ids that administer the assistant (from Telegram:AdminUserIds).</summary>
public sealed class Administrators(IEnumerable<long> userIds)
{
    private readonly HashSet<long> _ids = [.. userIds];

    public bool Contains(long userId) => _ids.Contains(userId);
}
