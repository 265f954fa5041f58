using LiteDB;

namespace Assistant.Core.Audit;

/// <summary>
/// One line per security-relevant event (a stranger refused, a member joined, a role check failed,
/// a finding edited). Kept for the team's records; never shown to members.
/// </summary>
public sealed class AuditLog(AssistantDatabase db, TimeProvider time)
{
    public const string CollectionName = "audit";

    private ILiteCollection<AuditEntry> Collection => db.Collection<AuditEntry>(CollectionName);

    public void Write(long actorUserId, int? teamId, string action, string? detail = null) =>
        Collection.Insert(new AuditEntry
        {
            TimeUtc = time.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            TeamId = teamId,
            Action = action,
            Detail = detail,
        });

    public IReadOnlyList<AuditEntry> ForActor(long userId) =>
        Collection.Find(x => x.ActorUserId == userId).ToList();

    public IReadOnlyList<AuditEntry> Recent(int count) =>
        Collection.Find(Query.All(Query.Descending), limit: count).ToList();

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(AuditEntry.ActorUserId)), FieldIndex.On(nameof(AuditEntry.TeamId)));
    }
}

public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime TimeUtc { get; set; }

    public long ActorUserId { get; set; }

    public int? TeamId { get; set; }

    public string Action { get; set; } = "";

    public string? Detail { get; set; }
}
