using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// Index-friendly LiteDB predicates whose text never changes, with the values passed as parameters.
/// </summary>
/// <remarks>
/// LiteDB's <c>Query.EQ</c>, <c>Query.Between</c> and the like write the value into the expression
/// text (<c>Key = "deadline:12:…"</c>), and LiteDB compiles and caches one delegate per distinct
/// text, forever: about a millisecond of CPU and a little memory for every new key, chat or
/// minute queried, which a bot running for months never gets back. Here the text is fixed per
/// field (<c>$.Key = @0</c>), so each predicate compiles once. Banned in BannedSymbols.txt.
/// </remarks>
public static class Where
{
    public static BsonExpression Eq(string field, BsonValue value) =>
        BsonExpression.Create($"$.{field} = @0", value);

    /// <summary>from ≤ field ≤ to (both ends included).</summary>
    public static BsonExpression Between(string field, BsonValue from, BsonValue to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    /// <summary>field ≤ value.</summary>
    public static BsonExpression AtMost(string field, BsonValue value) =>
        BsonExpression.Create($"$.{field} <= @0", value);

    [ThreadStatic]
    private static BsonExpression? t_byId;

    /// <summary>
    /// The document with this id, or null: LiteDB's <c>FindById</c> without its parse. LiteDB turns an expression's text
    /// into a new expression tree every time one is created (only the compiled delegate is cached), and <c>FindById</c>
    /// creates <c>_id = @0</c> anew on every call: the tokens, the LINQ nodes and their lookups, several of them for each
    /// update (the chat's cursor, the member's draft). Each thread keeps one parsed expression and sets its parameter;
    /// the lookup is read whole before it returns, and one made while another is running on the same thread (none
    /// today) parses its own. Banned in BannedSymbols.txt: <c>FindById</c>.
    /// </summary>
    public static T? ById<T>(this ILiteCollection<T> collection, BsonValue id)
    {
        if (id is null || id.IsNull)
        {
            throw new ArgumentNullException(nameof(id));
        }

        var expression = t_byId ?? BsonExpression.Create("_id = @0", BsonValue.Null);
        t_byId = null; // taken: a lookup inside this one makes its own
        try
        {
            expression.Parameters["0"] = id;
            return collection.Find(expression).FirstOrDefault();
        }
        finally
        {
            expression.Parameters["0"] = BsonValue.Null;
            t_byId = expression;
        }
    }
}
