namespace MecCompliance.Analyzers.Flow;

/// <summary>How flows are named in messages: the way a developer writes the code, not the compiler's full names.</summary>
internal static class FlowDisplay
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    public static string Source(ISymbol? origin, bool isWholeObject) => origin switch
    {
        null => "classified data",
        ITypeSymbol type => type.IsAnonymousType ? "anonymous object" : type.ToDisplayString(TypeFormat) + " object",
        IParameterSymbol parameter => "parameter '" + parameter.Name + "'",
        IMethodSymbol method => (method.ContainingType is { } type ? type.Name + "." : string.Empty) + method.Name + "()",
        _ when isWholeObject => origin.Name + " object",
        _ => (origin.ContainingType is { } container ? container.Name + "." : string.Empty) + origin.Name,
    };

    /// <summary><c>Audit(string)</c>, <c>new Note(string)</c>, <c>Patron.DisplayName</c>.</summary>
    public static string Method(IMethodSymbol method)
    {
        switch (method.MethodKind)
        {
            case MethodKind.PropertyGet:
            case MethodKind.PropertySet:
                return method.AssociatedSymbol is { } property ? method.ContainingType.Name + "." + property.Name : method.Name;
            case MethodKind.Constructor:
                return "new " + method.ContainingType.Name + Parameters(method);
            default:
                return method.Name + Parameters(method);
        }
    }

    public static string Path(ImmutableArray<IMethodSymbol> path) =>
        path.IsDefaultOrEmpty ? string.Empty : " through " + string.Join(" and ", path.Select(Method));

    private static string Parameters(IMethodSymbol method) =>
        "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(TypeFormat))) + ")";
}
