using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>Creates the collections and indexes of one store. Runs once at start-up, on one thread.</summary>
public sealed record SchemaSetup(string Name, Action<ILiteDatabase> Ensure)
{
    /// <summary>
    /// Creates an empty collection now, if it does not exist. LiteDB creates a collection on its first
    /// write, and a reader that resolves the new collection while that write commits can read its page
    /// before it exists ("LiteDB ENSURE: page type must be collection page", LiteDB issue #2792); a
    /// collection made here, before any other thread runs, cannot race.
    /// </summary>
    public static void EnsureCollection(ILiteDatabase database, string name)
    {
        if (database.CollectionExists(name))
        {
            return;
        }

        var collection = database.GetCollection(name);
        var placeholder = new BsonValue(ObjectId.NewObjectId());
        collection.Insert(new BsonDocument { ["_id"] = placeholder });
        collection.Delete(placeholder);
    }

    /// <summary>
    /// Makes LiteDB number this process's new rows above every id the file holds now. LiteDB works out a
    /// collection's next number-id at its first insert after open (the highest id then, plus one) and counts on
    /// in memory; rows deleted before that first insert (the outbox sent at start) would give their ids out again,
    /// and whatever remembers finished ids by number (the sender) would take a new row for an old one. One insert
    /// here, before anything deletes, fixes the count.
    /// </summary>
    public static void FixNextId(ILiteDatabase database, string name)
    {
        var collection = database.GetCollection(name, BsonAutoId.Int64);
        collection.Delete(collection.Insert(new BsonDocument()));
    }

    /// <summary>
    /// Creates the secondary indexes of <paramref name="collection"/>, each on one field, named and written exactly as
    /// LiteDB's typed <c>EnsureIndex(x => x.Field)</c> names and writes them (name <c>Field</c>, expression
    /// <c>$.Field</c>), so files written by either open with the other. The typed call builds LiteDB's mapper for the
    /// stored type first, compiling a getter and a setter for every property; by name, nothing is built until the type
    /// is first read or written, after the first poll.
    /// </summary>
    public static void EnsureIndexes(ILiteDatabase database, string collection, params ReadOnlySpan<FieldIndex> indexes)
    {
        var documents = database.GetCollection(collection);
        foreach (var index in indexes)
        {
            documents.EnsureIndex(index.Field, BsonExpression.Create("$." + index.Field), index.Unique);
        }
    }

    /// <summary>
    /// Rows of <typeparamref name="T"/> carry the id their store gives them: LiteDB never numbers them. The same as
    /// <c>Mapper.Entity&lt;T&gt;().Id(x => x.Id, autoId: false)</c>, applied when the type's mapper is built instead of
    /// building it now.
    /// </summary>
    public static void AssignedIds<T>(ILiteDatabase database) => ((AssistantMapper)database.Mapper).AssignedIds(typeof(T));
}

/// <summary>A secondary index on one field of a collection's documents (see <see cref="SchemaSetup.EnsureIndexes"/>).</summary>
public readonly record struct FieldIndex
{
    private FieldIndex(string field, bool unique)
    {
        // LiteDB's typed EnsureIndex names the index after its expression with everything but letters and digits
        // dropped: a field name of letters and digits is its own index name.
        if (field.Length == 0 || !field.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"An index field is a property name of letters and digits, not \"{field}\".", nameof(field));
        }

        Field = field;
        Unique = unique;
    }

    /// <summary>The document field, the property's name (LiteDB maps names as they are).</summary>
    public string Field { get; }

    public bool Unique { get; }

    public static FieldIndex On(string field) => new(field, unique: false);

    public static FieldIndex UniqueOn(string field) => new(field, unique: true);
}
