using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>How documents map to BSON. User text is kept exactly as typed.</summary>
public static class Mapping
{
    public static BsonMapper CreateMapper() => Configure(new AssistantMapper());

    /// <summary>The settings every mapper of the program's documents has (also LiteDB's own, in tests and benchmarks).</summary>
    public static T Configure<T>(T mapper)
        where T : BsonMapper
    {
        // The defaults trim strings and turn "" into null: both would change what a user typed.
        mapper.TrimWhitespace = false;
        mapper.EmptyStringToNull = false;
        mapper.EnumAsInteger = false;
        mapper.RegisterType(
            date => new BsonValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            time => new BsonValue(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
            bson => TimeOnly.ParseExact(bson.AsString, "HH:mm:ss", CultureInfo.InvariantCulture));
        return mapper;
    }
}
