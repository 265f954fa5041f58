using System.Collections.Concurrent;
using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>How documents map to BSON. User text is kept exactly as typed.</summary>
public static class Mapping
{
    public static BsonMapper CreateMapper()
    {
        var mapper = new AssistantMapper
        {
            // The defaults trim strings and turn "" into null: both would change what a user typed.
            TrimWhitespace = false,
            EmptyStringToNull = false,
            EnumAsInteger = false,
        };

        mapper.RegisterType(
            date => new BsonValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            time => new BsonValue(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
            bson => TimeOnly.ParseExact(bson.AsString, "HH:mm:ss", CultureInfo.InvariantCulture));
        return mapper;
    }
}

/// <summary>
/// LiteDB's mapper, told at start-up which types keep the ids their stores assign. A type's mapper is built when the
/// type is first read or written (LiteDB builds each once, under its lock), not at start-up.
/// </summary>
public sealed class AssistantMapper : BsonMapper
{
    private readonly ConcurrentDictionary<Type, bool> _assignedIds = new();
    private readonly ConcurrentDictionary<Type, bool> _built = new();

    /// <summary>Rows of <paramref name="type"/> are never numbered by LiteDB (see <see cref="SchemaSetup.AssignedIds{T}"/>).</summary>
    /// <exception cref="InvalidOperationException">The type's mapper is built already: the setting would come too late.</exception>
    public void AssignedIds(Type type)
    {
        if (_built.ContainsKey(type))
        {
            throw new InvalidOperationException($"The mapper of {type.Name} is built already: declare its assigned ids before it is used.");
        }

        _assignedIds[type] = true;
    }

    protected override EntityMapper BuildEntityMapper(Type type)
    {
        _built[type] = true;
        var mapper = base.BuildEntityMapper(type);
        if (_assignedIds.ContainsKey(type))
        {
            var id = mapper.Id ?? throw new InvalidOperationException($"{type.Name} has no Id property to keep.");
            id.AutoId = false;
        }

        return mapper;
    }
}
