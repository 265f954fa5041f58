using Assistant.Core.Findings;
using Assistant.Core.Messaging;
using Assistant.Core.Storage;
using LiteDB;

namespace Assistant.Tests.Storage;

/// <summary>
/// The mapper builds each type's members as LiteDB's own BsonMapper does (same fields, names, ids, types), only with
/// delegates to the property accessors instead of compiled expressions; documents come out the same both ways.
/// </summary>
public sealed class AssistantMapperTests
{
    /// <summary>Every public class of the core that LiteDB could map: the stored types and the types inside them.</summary>
    public static TheoryData<Type> MappableTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(AssistantDatabase).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => !typeof(Delegate).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MappableTypes))]
    public void BuildEntityMapper_MapsTheMembersLiteDbMaps(Type type)
    {
        var ours = Describe(EntityOf(Mapping.CreateMapper(), type));
        var liteDb = Describe(EntityOf(LiteDbMapper(), type));

        Assert.Equal(liteDb, ours);
    }

    [Theory]
    [MemberData(nameof(MappableTypes))]
    public void ToDocument_WritesWhatLiteDbWrites_AndReadsItBack(Type type)
    {
        var ours = Mapping.CreateMapper();
        var item = Activator.CreateInstance(type)!;
        BsonDocument expected;
        try
        {
            expected = LiteDbMapper().ToDocument(type, item);
        }
        catch (Exception ex) when (ex is LiteException or NotSupportedException)
        {
            // Not a type anything stores (a catalog, a channel): it fails the same way with both.
            Assert.Throws(ex.GetType(), () => ours.ToDocument(type, item));
            return;
        }

        var written = ours.ToDocument(type, item);

        Assert.Equal(expected, written);
        Assert.Equal(written, ours.ToDocument(type, ours.ToObject(type, written)));
    }

    /// <summary>
    /// The native program (Native AOT) reads and writes the properties by reflection instead of typed delegates: the
    /// documents are the same, for every type, and read back the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(MappableTypes))]
    public void ReflectionAccessors_WriteWhatTypedAccessorsWrite_AndReadItBack(Type type)
    {
        var typed = Mapping.Configure(new AssistantMapper(typedAccessors: true));
        var reflection = Mapping.Configure(new AssistantMapper(typedAccessors: false));
        var item = Activator.CreateInstance(type)!;
        BsonDocument expected;
        try
        {
            expected = typed.ToDocument(type, item);
        }
        catch (Exception ex) when (ex is LiteException or NotSupportedException)
        {
            Assert.Throws(ex.GetType(), () => reflection.ToDocument(type, item));
            return;
        }

        Assert.Equal(Describe(EntityOf(typed, type)), Describe(EntityOf(reflection, type)));
        Assert.Equal(expected, reflection.ToDocument(type, item));
        Assert.Equal(expected, reflection.ToDocument(type, reflection.ToObject(type, expected)));
    }

    [Fact]
    public void ReflectionAccessors_ReadAndWriteAStoredFinding()
    {
        var finding = new Finding
        {
            Id = 7, TeamId = 3, Code = "G7-007", Day = new DateOnly(2026, 12, 6), Unit = "某液化气站", AuthorId = 42, Covert = true,
            Latitude = 27.83, Deadline = new DateOnly(2027, 1, 31), Evidence = [new Evidence { Kind = EvidenceKind.Photo, FileId = "p1" }],
        };
        var mapper = Mapping.Configure(new AssistantMapper(typedAccessors: false));

        var document = mapper.ToDocument(finding);
        var read = mapper.ToObject<Finding>(document);

        Assert.Equal(LiteDbMapper().ToDocument(finding), document);
        Assert.Equal(("G7-007", "某液化气站", true, 27.83, new DateOnly(2027, 1, 31), "p1"), (read.Code, read.Unit, read.Covert, read.Latitude, read.Deadline, read.Evidence.Single().FileId));
    }

    [Fact]
    public void ToObject_SetsEveryField_LikeLiteDb()
    {
        var finding = new Finding { Id = 7, TeamId = 3, Code = "F-7", Day = new DateOnly(2023, 11, 2), Unit = "某局", AuthorId = 42 };
        var document = LiteDbMapper().ToDocument(finding);

        var read = Mapping.CreateMapper().ToObject<Finding>(document);

        Assert.Equal(document, Mapping.CreateMapper().ToDocument(read));
        Assert.Equal(7, read.Id);
        Assert.Equal("某局", read.Unit);
        Assert.Equal(new DateOnly(2023, 11, 2), read.Day);
    }

    /// <summary>LiteDB's own mapper with the same settings.</summary>
    private static BsonMapper LiteDbMapper() => Mapping.Configure(new BsonMapper());

    private static EntityMapper EntityOf(BsonMapper mapper, Type type)
    {
        using var db = new LiteDatabase(new MemoryStream(), mapper);
        var collection = typeof(ILiteDatabase).GetMethods()
            .Single(m => m is { Name: nameof(ILiteDatabase.GetCollection), IsGenericMethod: true } && m.GetParameters().Length == 2 && m.GetParameters()[0].ParameterType == typeof(string))
            .MakeGenericMethod(type)
            .Invoke(db, ["probe", BsonAutoId.ObjectId])!;
        return (EntityMapper)collection.GetType().GetProperty("EntityMapper")!.GetValue(collection)!;
    }

    private static List<string> Describe(EntityMapper entity) =>
        [.. entity.Members.Select(m =>
            $"{m.FieldName} {m.MemberName} {m.DataType} enumerable:{m.IsEnumerable} {m.UnderlyingType} auto:{m.AutoId} ref:{m.IsDbRef} get:{m.Getter is not null} set:{m.Setter is not null} ignore:{m.IsIgnore}")];
}
