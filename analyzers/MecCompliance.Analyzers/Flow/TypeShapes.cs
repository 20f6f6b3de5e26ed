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

        foreach (var contract in type.AllInterfaces)
        {
            if (contract.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return type.TypeKind == TypeKind.Interface && type.SpecialType == SpecialType.System_Collections_IEnumerable;
    }
}
