namespace MecCompliance.Analyzers.Policy;

internal static class SymbolNames
{
    /// <summary>
    /// Whether <paramref name="type"/> has the full metadata name <paramref name="fullName"/> ("Namespace.Type"),
    /// compared without allocating the symbol's display string.
    /// </summary>
    public static bool HasFullName(this ITypeSymbol? type, string fullName)
    {
        if (type is null)
        {
            return false;
        }

        var end = fullName.Length;
        ISymbol? current = type;
        while (current is not null)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return end == 0;
            }

            var name = current.MetadataName;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            current = (ISymbol?)current.ContainingType ?? current.ContainingNamespace;
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return start == 0;
            }

            var separator = current is ITypeSymbol ? '+' : '.';
            if (start == 0 || fullName[start - 1] != separator)
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }
}
