namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// How calls without a body in the solution pass data (DESIGN §5). The framework's text, regex, URI, encoding, JSON,
/// task and collection families are modelled: their result re-expresses their inputs, so it carries them as they are
/// (members of it included). Any other method is unknown: its result as a whole carries its inputs (logging it is a
/// finding), but a member read from it does not — a repository's <c>FindByEmailAsync(email)</c> returns records found
/// with the e-mail, not the e-mail. Members that pass nothing are the measures and predicates of a value, whatever
/// library they come from (<c>GetType</c>, <c>GetHashCode</c>, <c>Count</c>, <c>Length</c>, <c>Equals</c>, comparisons):
/// <see cref="TypeShapes.IsMeasure"/> decides them by their result.
/// </summary>
internal static class LibraryModels
{
    /// <summary>Namespaces whose members are modelled (a type in one of them, or nested in such a type).</summary>
    private static readonly string[] ModelledNamespaces =
    [
        "System",
        "System.Buffers",
        "System.Collections",
        "System.Collections.Concurrent",
        "System.Collections.Generic",
        "System.Collections.Immutable",
        "System.Collections.ObjectModel",
        "System.Collections.Specialized",
        "System.Globalization",
        "System.IO",
        "System.Linq",
        "System.Net",
        "System.Net.Http",
        "System.Net.Http.Headers",
        "System.Net.Http.Json",
        "System.Net.Mail",
        "System.Runtime.CompilerServices",
        "System.Security.Cryptography",
        "System.Text",
        "System.Text.Encodings.Web",
        "System.Text.Json",
        "System.Text.Json.Nodes",
        "System.Text.RegularExpressions",
        "System.Threading.Tasks",
        "System.Web",
        "System.Xml.Linq",
    ];

    // The table by name part, so that the question costs no string building on the analysis path.
    private static readonly string[][] ModelledParts = ModelledNamespaces.Select(n => n.Split('.')).ToArray();

    /// <summary>What a LINQ operator does with the result of a lambda passed as one of its parameters.</summary>
    public enum LambdaRole
    {
        /// <summary>The lambda's result becomes (part of) an element of the result: <c>Select</c>, an element or result selector.</summary>
        Element,

        /// <summary>The lambda only decides (a predicate) or orders (a key of <c>OrderBy</c>, <c>DistinctBy</c>): nothing of it is in the result.</summary>
        Decides,

        /// <summary>The lambda's result becomes the keys of the result: <c>GroupBy</c>, <c>ToDictionary</c>, <c>ToLookup</c>.</summary>
        Keys,
    }

    /// <summary>Whether <paramref name="method"/> (without a body in the solution) follows a model rather than the unknown-call rule.</summary>
    public static bool IsModelled(IMethodSymbol method) => method.ContainingType is { } type && IsModelled(type);

    public static bool IsModelled(INamedTypeSymbol type)
    {
        // Delegates run code the engine analysed where the delegate was made (a lambda) or knows nothing about.
        if (type.TypeKind == TypeKind.Delegate)
        {
            return true;
        }

        while (type.ContainingType is { } outer)
        {
            type = outer;
        }

        foreach (var parts in ModelledParts)
        {
            if (IsNamespace(type.ContainingNamespace, parts))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamespace(INamespaceSymbol? ns, string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>
    /// Whether reading <paramref name="member"/> reads data an object holds by declaration (a property of an entity, a DTO,
    /// an anonymous object, a tuple element) rather than a view the framework computes from the whole value
    /// (<c>KeyValuePair.Value</c>, <c>Task.Result</c>, <c>Match.Groups</c>), which carries all the value carries.
    /// </summary>
    public static bool IsDataMember(ISymbol member) =>
        member.ContainingType is { } type && (type.IsAnonymousType || type.IsTupleType || !IsModelled(type));

    /// <summary>
    /// The entity, DTO or anonymous type a library call returns (through a task), when it returns one; <see langword="null"/>
    /// for text, numbers, collections and other framework types.
    /// </summary>
    public static ITypeSymbol? DataResult(IMethodSymbol method)
    {
        var type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            type = task.TypeArguments[0];
        }

        return type is INamedTypeSymbol { SpecialType: SpecialType.None, IsTupleType: false } named &&
               named.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface &&
               (named.IsAnonymousType || !IsModelled(named))
            ? named
            : null;
    }

    /// <summary>Whether a value of <paramref name="input"/> is, or holds values of, <paramref name="element"/> (a collection of it, a task of one).</summary>
    public static bool Holds(ITypeSymbol? input, ITypeSymbol element) => input is null || Holds(input, element, 0);

    private static bool Holds(ITypeSymbol input, ITypeSymbol element, int depth)
    {
        if (SymbolEqualityComparer.Default.Equals(input, element) || input.AllInterfaces.Contains((element as INamedTypeSymbol)!, SymbolEqualityComparer.Default))
        {
            return true;
        }

        for (var type = input.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, element))
            {
                return true;
            }
        }

        if (depth >= 2)
        {
            return false;
        }

        if (input is IArrayTypeSymbol array)
        {
            return Holds(array.ElementType, element, depth + 1);
        }

        if (input is INamedTypeSymbol { IsGenericType: true } named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (Holds(argument, element, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The role of the lambda passed as <paramref name="parameter"/> of LINQ operator <paramref name="method"/>.</summary>
    public static LambdaRole RoleOf(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (method.ContainingType is not { Name: "Enumerable" or "Queryable" or "AsyncEnumerable" or "ParallelEnumerable" })
        {
            return LambdaRole.Element;
        }

        return parameter.Name switch
        {
            "predicate" or "comparer" or "outerKeySelector" or "innerKeySelector" => LambdaRole.Decides,
            "keySelector" => method.Name is "GroupBy" or "ToDictionary" or "ToLookup" or "ToFrozenDictionary" or "ToImmutableDictionary"
                ? LambdaRole.Keys
                : LambdaRole.Decides,
            _ => LambdaRole.Element,
        };
    }

    /// <summary>
    /// Whether the lambda passed as <paramref name="parameter"/> of LINQ operator <paramref name="method"/> makes the
    /// elements of the result (<c>Select</c>'s selector, an element or result selector): the operator's other inputs reach
    /// the result only through it.
    /// </summary>
    public static bool IsProjection(IMethodSymbol method, IParameterSymbol parameter) =>
        method.ContainingType is { Name: "Enumerable" or "Queryable" or "AsyncEnumerable" or "ParallelEnumerable" } &&
        RoleOf(method, parameter) == LambdaRole.Element;

    /// <summary>
    /// Whether <paramref name="member"/> reads one part of an entry of a collection (<c>KeyValuePair.Key</c>/<c>Value</c>,
    /// <c>DictionaryEntry.Key</c>/<c>Value</c>, a grouping's <c>Key</c>, a <c>Tuple</c>'s <c>ItemN</c>) rather than a view
    /// of the whole value (<c>Task.Result</c>, <c>Nullable.Value</c>).
    /// </summary>
    public static bool IsEntryPart(ISymbol member) =>
        member.ContainingType is { } type &&
        (type.Name is "KeyValuePair" or "DictionaryEntry" or "IGrouping" or "Tuple") &&
        type.ContainingNamespace?.ToDisplayString() is "System" or "System.Collections" or "System.Collections.Generic" or "System.Linq";

    /// <summary>A tuple element is one slot whether read by its name or as <c>ItemN</c>.</summary>
    public static ISymbol SlotMember(ISymbol member) => member is IFieldSymbol { CorrespondingTupleField: { } itemN } ? itemN : member;
}
