using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assistant.Generators;

/// <summary>
/// Writes, for every class of this assembly that a registration names (<c>services.AddSingleton&lt;T&gt;()</c>,
/// <c>AddSingletons(typeof(T))</c>, <c>AddHostedService&lt;T&gt;()</c>, <c>ServiceDescriptor.Singleton&lt;I, T&gt;()</c>, any
/// extension of <c>IServiceCollection</c>), a factory that calls its constructor directly: the container then builds the
/// service without reading the constructor by reflection (costly in the native program: metadata, invoke stubs and, for
/// <c>ILogger&lt;T&gt;</c>, generic types made at run time). The output is <c>{Assembly}.CompiledActivators</c>, in the
/// assembly's root namespace beside its composition. A class is left to the container's reflection when it cannot be
/// written the same way: not exactly one public constructor, a parameter passed by reference, carrying an attribute (keyed
/// services) or with a default value, or a type not visible to the assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivatorGenerator : IIncrementalGenerator
{
    private const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string ServiceDescriptor = "Microsoft.Extensions.DependencyInjection.ServiceDescriptor";
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var named = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InvocationExpressionSyntax invocation && MayRegister(invocation),
                static (syntax, ct) => RegisteredTypes(syntax, ct))
            .SelectMany(static (types, _) => types)
            .Collect();
        var assembly = context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "Assembly");
        context.RegisterSourceOutput(named.Combine(assembly), static (output, pair) =>
            output.AddSource("CompiledActivators.g.cs", Emit(pair.Right, pair.Left)));
    }

    /// <summary>
    /// Cheap, before any semantic model: a call named like a registration that names a type, as a type argument
    /// (<c>AddSingleton&lt;T&gt;()</c>) or as <c>typeof</c> (<c>AddSingletons(typeof(T))</c>). <c>list.Add(x)</c> is not looked at.
    /// </summary>
    private static bool MayRegister(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        var text = name?.Identifier.ValueText;
        var registration = text is not null
            && (text.StartsWith("Add", System.StringComparison.Ordinal) || text.StartsWith("TryAdd", System.StringComparison.Ordinal)
                || text is "Singleton" or "Transient" or "Scoped" or "Describe");
        return registration
            && (name is GenericNameSyntax || invocation.ArgumentList.Arguments.Any(a => a.Expression is TypeOfExpressionSyntax));
    }

    /// <summary>The factories (as source lines) of the classes this one invocation registers.</summary>
    private static ImmutableArray<Activator> RegisteredTypes(GeneratorSyntaxContext syntax, CancellationToken ct)
    {
        var invocation = (InvocationExpressionSyntax)syntax.Node;
        if (syntax.SemanticModel.GetSymbolInfo(invocation, ct).Symbol is not IMethodSymbol method || !IsRegistration(method))
        {
            return ImmutableArray<Activator>.Empty;
        }

        var candidates = new List<ITypeSymbol>(method.TypeArguments);
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is TypeOfExpressionSyntax typeOf && syntax.SemanticModel.GetTypeInfo(typeOf.Type, ct).Type is { } type)
            {
                candidates.Add(type);
            }
        }

        var assembly = syntax.SemanticModel.Compilation.Assembly;
        var found = ImmutableArray.CreateBuilder<Activator>();
        foreach (var candidate in candidates)
        {
            if (candidate is INamedTypeSymbol named && Factory(named, assembly) is { } factory)
            {
                found.Add(new Activator(named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), factory));
            }
        }

        return found.ToImmutable();
    }

    private static bool IsRegistration(IMethodSymbol method)
    {
        if (method.ContainingType.ToDisplayString() == ServiceDescriptor)
        {
            return true;
        }

        var extension = method.ReducedFrom ?? method;
        return extension.IsExtensionMethod && extension.Parameters.Length > 0
            && extension.Parameters[0].Type.ToDisplayString() == ServiceCollection;
    }

    /// <summary>The expression that builds <paramref name="type"/> from a provider <c>sp</c>, or null to leave it to reflection.</summary>
    private static string? Factory(INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsUnboundGenericType
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, assembly) || !Visible(type)
            || type.TypeArguments.Any(a => a is ITypeParameterSymbol))
        {
            return null;
        }

        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (constructors.Count != 1)
        {
            return null;
        }

        var arguments = new List<string>();
        foreach (var parameter in constructors[0].Parameters)
        {
            if (Argument(parameter) is not { } argument)
            {
                return null;
            }

            arguments.Add(argument);
        }

        return "new " + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "(" + string.Join(", ", arguments) + ")";
    }

    private static string? Argument(IParameterSymbol parameter)
    {
        // A default value means "the service if there is one": the container decides that at run time.
        if (parameter.RefKind != RefKind.None || parameter.GetAttributes().Length > 0 || parameter.HasExplicitDefaultValue || parameter.IsParams
            || parameter.Type is ITypeParameterSymbol)
        {
            return null;
        }

        // ILogger<T> is the container's Logger<T> over the one logger factory; made here, it is not closed at run time.
        if (parameter.Type is INamedTypeSymbol { Name: "ILogger", Arity: 1 } logger && logger.ContainingNamespace.ToDisplayString() == LoggingNamespace)
        {
            return "new global::Microsoft.Extensions.Logging.Logger<" + logger.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
                + ">(" + Service("global::Microsoft.Extensions.Logging.ILoggerFactory") + ")";
        }

        return Service(parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    private static string Service(string type) =>
        "(" + type + ")global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService(sp, typeof(" + type + "))";

    private static bool Visible(INamedTypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamedTypeSymbol named; symbol = named.ContainingType)
        {
            if (named.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Emit(string assemblyName, ImmutableArray<Activator> activators)
    {
        var source = new StringBuilder();
        source.AppendLine("// <auto-generated/> by Assistant.Generators.ActivatorGenerator");
        source.AppendLine("#nullable disable");
        source.Append("namespace ").Append(assemblyName).AppendLine(";");
        source.AppendLine();
        source.AppendLine("/// <summary>The constructors of the classes this assembly registers, called directly (see ActivatorGenerator).</summary>");
        source.AppendLine("public static class CompiledActivators");
        source.AppendLine("{");
        source.AppendLine("    /// <summary>Adds a factory for each registered class of this assembly, by its type.</summary>");
        source.AppendLine("    public static void AddTo(global::System.Collections.Generic.IDictionary<global::System.Type, global::System.Func<global::System.IServiceProvider, object>> table)");
        source.AppendLine("    {");
        foreach (var activator in activators.GroupBy(a => a.Type).Select(g => g.First()).OrderBy(a => a.Type, System.StringComparer.Ordinal))
        {
            source.Append("        table[typeof(").Append(activator.Type).Append(")] = static sp => ").Append(activator.Factory).AppendLine(";");
        }

        source.AppendLine("    }");
        source.AppendLine("}");
        return source.ToString();
    }

    private readonly record struct Activator(string Type, string Factory);
}
