using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// LiteDB's mapper, told at start-up which types keep the ids their stores assign. A type's mapper is built when the
/// type is first read or written (LiteDB builds each once, under its lock), not at start-up; it is built as LiteDB
/// builds it (the same members, field names, ids and constructors), except that each property's getter and setter
/// is a delegate to the property's own accessor instead of a compiled expression: LiteDB compiles two expressions per
/// property (System.Linq.Expressions, then the JIT for each), a delegate needs neither.
/// </summary>
public sealed class AssistantMapper : BsonMapper
{
    private static readonly MethodInfo GetterOf = typeof(AssistantMapper).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo SetterOf = typeof(AssistantMapper).GetMethod(nameof(Setter), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly ConcurrentDictionary<Type, bool> _assignedIds = new();
    private readonly ConcurrentDictionary<Type, bool> _built = new();
    private readonly bool _typedAccessors;

    public AssistantMapper()
        : this(RuntimeFeature.IsDynamicCodeSupported)
    {
    }

    /// <param name="typedAccessors">
    /// Typed delegates to the accessors (where the runtime can make generic methods at run time), or the properties
    /// read and written by reflection (the program compiled ahead of time, Native AOT, cannot make them for value types).
    /// </param>
    internal AssistantMapper(bool typedAccessors) => _typedAccessors = typedAccessors;

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

    /// <remarks>
    /// LiteDB creates the lists and dictionaries of stored documents through their constructors found by reflection;
    /// the dependencies keep those constructors in the program compiled ahead of time (Native AOT), which otherwise
    /// trims them from the framework.
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Dictionary<,>))]
    protected override EntityMapper BuildEntityMapper(Type type)
    {
        _built[type] = true;
        var mapper = Build(type);
        if (_assignedIds.ContainsKey(type))
        {
            var id = mapper.Id ?? throw new InvalidOperationException($"{type.Name} has no Id property to keep.");
            id.AutoId = false;
        }

        return mapper;
    }

    /// <summary>LiteDB 5.0.20's BsonMapper.BuildEntityMapper, with delegates for getters and setters.</summary>
    private EntityMapper Build(Type type)
    {
        var members = GetTypeMembers(type).ToList();

        // What this does not cover is left to LiteDB: [BsonRef] members, fields, value types.
        if (type.IsValueType || members.Any(m => m is not PropertyInfo || m.IsDefined(typeof(BsonRefAttribute), true)))
        {
            return base.BuildEntityMapper(type);
        }

        var mapper = new EntityMapper(type);
        var id = GetIdMember(members);
        foreach (var property in members.Cast<PropertyInfo>())
        {
            if (property.IsDefined(typeof(BsonIgnoreAttribute), true))
            {
                continue;
            }

            var name = ResolveFieldName(property.Name);
            if (property.GetCustomAttributes(typeof(BsonFieldAttribute), true).FirstOrDefault() is BsonFieldAttribute { Name: not null } field)
            {
                name = field.Name;
            }

            if (property == id)
            {
                name = "_id";
            }

            var autoId = property.GetCustomAttributes(typeof(BsonIdAttribute), true).FirstOrDefault() as BsonIdAttribute;
            var isEnumerable = IsEnumerable(property.PropertyType);
            var member = new MemberMapper
            {
                AutoId = autoId?.AutoId ?? true,
                FieldName = name,
                MemberName = property.Name,
                DataType = property.PropertyType,
                IsEnumerable = isEnumerable,
                UnderlyingType = isEnumerable ? ListItemType(property.PropertyType) : property.PropertyType,
                Getter = property.GetMethod is null ? null : GetterFor(type, property),
                Setter = property.SetMethod is null ? null : SetterFor(type, property),
            };

            ResolveMember?.Invoke(type, property, member);
            if (member.FieldName != null && !member.IsIgnore && !mapper.Members.Any(x => x.FieldName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                mapper.Members.Add(member);
            }
        }

        // LiteDB compiles "new T()" on first read; the runtime's activator needs no compiling.
        if (GetTypeCtor(mapper) is { } ctor)
        {
            mapper.CreateInstance = ctor;
        }
        else if (!type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            mapper.CreateInstance = _ => Activator.CreateInstance(type)!;
        }

        return mapper;
    }

    /// <summary>LiteDB's Reflection.IsEnumerable (internal there): arrays and IEnumerable&lt;T&gt;, not strings.</summary>
    private static bool IsEnumerable(Type type) =>
        type == typeof(System.Collections.IEnumerable) || type.IsArray
        || (type != typeof(string) && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)));

    /// <summary>LiteDB's Reflection.GetListItemType (internal there).</summary>
    private static Type ListItemType(Type listType)
    {
        if (listType.IsArray)
        {
            return listType.GetElementType()!;
        }

        foreach (var i in listType.GetInterfaces())
        {
            if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return i.GetGenericArguments()[0];
            }
            else if (listType.IsGenericType && i == typeof(System.Collections.IEnumerable))
            {
                return listType.GetGenericArguments()[0];
            }
        }

        return typeof(object);
    }

    /// <summary>
    /// A typed delegate to the getter; or, in the program compiled ahead of time (Native AOT), which cannot make the
    /// generic method for value types, the property read by reflection, which needs no code made at run time (its exceptions
    /// not wrapped, as the delegate's are not).
    /// </summary>
    private GenericGetter GetterFor(Type type, PropertyInfo property) =>
        _typedAccessors
            ? (GenericGetter)GetterOf.MakeGenericMethod(type, property.PropertyType).Invoke(null, [property.GetMethod])!
            : entity => property.GetValue(entity, BindingFlags.DoNotWrapExceptions, null, null, null);

    /// <summary>As <see cref="GetterFor"/>, for the setter.</summary>
    private GenericSetter SetterFor(Type type, PropertyInfo property) =>
        _typedAccessors
            ? (GenericSetter)SetterOf.MakeGenericMethod(type, property.PropertyType).Invoke(null, [property.SetMethod])!
            : (entity, value) => property.SetValue(entity, value, BindingFlags.DoNotWrapExceptions, null, null, null);

    private static GenericGetter Getter<TEntity, TValue>(MethodInfo get)
    {
        var read = get.CreateDelegate<Func<TEntity, TValue>>();
        return entity => read((TEntity)entity);
    }

    private static GenericSetter Setter<TEntity, TValue>(MethodInfo set)
    {
        var write = set.CreateDelegate<Action<TEntity, TValue>>();
        return (entity, value) => write((TEntity)entity, (TValue)value);
    }
}
