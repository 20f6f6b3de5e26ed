using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Questions about types that decide propagation.</summary>
internal static class TypeShapes
{
    /// <summary>
    /// Whether a value of <paramref name="type"/> is a predicate or measure of data rather than the data (DESIGN §5:
    /// <c>==</c>, <c>.Length</c>, <c>.Count</c>, <c>GetHashCode</c>): such results of computations carry no label.
    /// </summary>
    public static bool IsMeasure(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Void:
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        if (type is INamedTypeSymbol named)
        {
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return IsMeasure(named.TypeArguments[0]);
            }

            if (named.Name is "Task" or "ValueTask" or "Type" or "CancellationToken" or "TimeSpan" && !named.IsGenericType &&
                named.ContainingNamespace is { Name: "System" or "Tasks" or "Threading" })
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    /// <summary>
    /// Whether <paramref name="method"/> adds its arguments to the object it is called on: a collection's
    /// <c>Add</c>/<c>Insert</c>/<c>Push</c>/<c>Enqueue</c>, a <c>StringBuilder</c>'s <c>Append</c>/<c>Insert</c>/<c>Replace</c>.
    /// </summary>
    public static bool IsAccumulator(IMethodSymbol method)
    {
        if (method.IsStatic || method.ContainingType is not { } type)
        {
            return false;
        }

        var name = method.Name;
        if (type.Name == "StringBuilder" && type.ContainingNamespace is { Name: "Text" })
        {
            return name.StartsWith("Append", StringComparison.Ordinal) || name is "Insert" or "Replace";
        }

        if (!(name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Insert", StringComparison.Ordinal) ||
              name is "Push" or "Enqueue" or "TryAdd" or "Set" or "Append" or "Prepend" or "Write" or "WriteLine" or "GetOrAdd" or "AddOrUpdate"))
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (name.StartsWith("Write", StringComparison.Ordinal))
        {
            return type.Name == "StringWriter";
        }

        if (Enumeration.IsEnumerable(type))
        {
            return true;
        }

        return type.TypeKind == TypeKind.Interface && type.SpecialType == SpecialType.System_Collections_IEnumerable;
    }

    /// <summary>
    /// Whether the result of library method <paramref name="method"/> is a re-expression of its receiver and arguments
    /// (text, arrays, collections, tuples, the receiver's or an argument's own type, or a task of one of these) rather
    /// than something looked up with them.
    /// </summary>
    public static bool ReexpressesInputs(IMethodSymbol method)
    {
        // A generic method returning its type parameter hands back one of its inputs or an element of one (First,
        // Single, GetValueOrDefault, Task.FromResult).
        if (method.OriginalDefinition.ReturnType is ITypeParameterSymbol)
        {
            return true;
        }

        var result = method.ReturnType;
        if (IsReexpression(result, 0))
        {
            return true;
        }

        if (Unwrap(result) is { } unwrapped)
        {
            result = unwrapped;
            if (IsReexpression(result, 0))
            {
                return true;
            }
        }

        if (!method.IsStatic && method.ReceiverType is { } receiver && SymbolEqualityComparer.Default.Equals(receiver.OriginalDefinition, result.OriginalDefinition))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, result.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
        named.Name is "Task" or "ValueTask" or "Nullable" or "Lazy" &&
        named.ContainingNamespace is { Name: "System" or "Tasks" }
            ? named.TypeArguments[0]
            : null;

    private static bool IsReexpression(ITypeSymbol type, int depth)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
            case SpecialType.System_Char:
                return true;
        }

        if (type is IArrayTypeSymbol or ITypeParameterSymbol || type.IsTupleType)
        {
            return true;
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (named.Name is "StringBuilder" or "Uri" or "ReadOnlySpan" or "Span" or "Memory" or "ReadOnlyMemory" or "KeyValuePair" or
            "JsonNode" or "JsonObject" or "JsonElement" or "JsonDocument" or "XElement" or "XDocument" or "StringContent" or
            "JsonContent" or "ByteArrayContent" or "ReadOnlyMemoryContent" or "FormUrlEncodedContent" or "HttpContent" or "MailMessage" or "MailAddress" or
            "IAsyncEnumerable" or "IAsyncEnumerator" or "ConfiguredCancelableAsyncEnumerable")
        {
            return true;
        }

        // What a regular expression finds in its input is part of that input.
        if (named.Name is "Match" or "MatchCollection" or "Group" or "GroupCollection" or "Capture" or "CaptureCollection" &&
            named.ContainingNamespace is { Name: "RegularExpressions" })
        {
            return true;
        }

        // Collections and their enumerators (a foreach reads Current from GetEnumerator()).
        if (Enumeration.IsEnumerableOrEnumerator(named))
        {
            return true;
        }

        return named.TypeKind == TypeKind.Interface &&
               named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IEnumerator_T or
                   SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_IEnumerator;
    }
}
