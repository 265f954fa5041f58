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
}
