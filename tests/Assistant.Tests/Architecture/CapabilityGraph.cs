using System.Reflection;
using System.Reflection.Emit;

namespace Assistant.Tests.Architecture;

/// <summary>
/// Which capability of the core (the folder: <c>Assistant.Core.&lt;Capability&gt;</c>) uses which, read from the
/// compiled assembly: base types and interfaces, fields, properties, method and constructor signatures, and every type,
/// method and field a method body refers to (its IL). Compiler-made types (lambdas, iterators) count for the type
/// they were written in.
/// </summary>
public static class CapabilityGraph
{
    private const string CoreRoot = "Assistant.Core.";

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The capability a type belongs to, or null for types outside the core's capability folders.</summary>
    public static string? CapabilityOf(Type type) => CapabilityOf(type, CoreRoot);

    private static string? CapabilityOf(Type type, string root)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every use of one capability by another: (from, to) → an example "type → used type".</summary>
    public static Dictionary<(string From, string To), string> Edges(Assembly assembly, string root = CoreRoot)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (CapabilityOf(type, root) is not { } from)
            {
                continue;
            }

            foreach (var used in Uses(type).SelectMany(Expand))
            {
                if (CapabilityOf(used, root) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{Name(type)} → {Name(used)}");
                }
            }
        }

        return edges;
    }

    private static string Name(Type type) => (type.DeclaringType is { } outer ? Name(outer) + "+" : "") + type.Name;

    private static IEnumerable<Type> Uses(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in BodyUses(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The declaring types of the members, and the types, that a method's IL names.</summary>
    private static List<Type> BodyUses(MethodBase method)
    {
        var found = new List<Type>();
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return found;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = Resolve(module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if (member is Type t)
                    {
                        found.Add(t);
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        found.Add(declaring);
                        if (member is MethodInfo m)
                        {
                            found.Add(m.ReturnType);
                            found.AddRange(m.IsGenericMethod ? m.GetGenericArguments() : []);
                        }
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += OperandSize(opCode.OperandType);
                    break;
            }
        }

        return found;
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>A type and what it is made of: generic arguments, element types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var t in Expand(element))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }
}
