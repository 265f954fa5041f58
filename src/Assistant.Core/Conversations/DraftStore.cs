using LiteDB;

namespace Assistant.Core.Conversations;

public sealed class DraftStore(AssistantDatabase db)
{
    public const string CollectionName = "drafts";

    private ILiteCollection<Draft> Collection => db.Collection<Draft>(CollectionName);

    public Draft? Get(long userId) => Collection.ById(userId);

    public void Save(Draft draft) => Collection.Upsert(draft);

    public bool Delete(long userId) => Collection.Delete(userId);

    public IReadOnlyList<Draft> UntouchedSince(DateTime utc) => Collection.Find(x => x.UpdatedUtc < utc).ToList();

    public IReadOnlyList<Draft> All() => Collection.FindAll().ToList();

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.AssignedIds<Draft>(database);
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(Draft.UpdatedUtc)));
    }
}
