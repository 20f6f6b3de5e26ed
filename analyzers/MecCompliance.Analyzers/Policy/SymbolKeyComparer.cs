namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// <see cref="SymbolEqualityComparer.Default"/> equality with a hash that tells constructed generic types and their
/// members apart, for the engine's per-symbol caches.
/// </summary>
/// <remarks>
/// Roslyn hashes a constructed type by its definition alone, so <c>ILogger&lt;A&gt;</c>, <c>ILogger&lt;B&gt;</c> and
/// every other instantiation (and each of their members) share one hash code: in a large compilation the caches'
/// lookups degrade into long scans of one bucket. Symbols equal under the default comparer have equal type arguments
/// and containing types under it, so mixing those in keeps equal symbols on equal hashes.
/// </remarks>
internal sealed class SymbolKeyComparer : IEqualityComparer<ISymbol?>
{
    public static readonly SymbolKeyComparer Instance = new();

    private const int MaxDepth = 3;

    private SymbolKeyComparer()
    {
    }

    public bool Equals(ISymbol? x, ISymbol? y) => SymbolEqualityComparer.Default.Equals(x, y);

    public int GetHashCode(ISymbol? symbol) => Hash(symbol, MaxDepth);

    private static int Hash(ISymbol? symbol, int depth)
    {
        if (symbol is null)
        {
            return 0;
        }

        // Alpha-renamed copies of a type parameter may compare equal (A<int>.M<T'> and A<int>.M<T''>): as an argument
        // it is hashed by position.
        if (depth < MaxDepth && symbol is ITypeParameterSymbol parameter)
        {
            return parameter.Ordinal;
        }

        var hash = SymbolEqualityComparer.Default.GetHashCode(symbol);
        if (depth == 0)
        {
            return hash;
        }

        switch (symbol)
        {
            case INamedTypeSymbol { IsGenericType: true } type:
                if (type.ContainingType is { IsGenericType: true } outer)
                {
                    hash = Combine(hash, Hash(outer, depth - 1));
                }

                foreach (var argument in type.TypeArguments)
                {
                    hash = Combine(hash, Hash(argument, depth - 1));
                }

                break;
            case IArrayTypeSymbol array:
                hash = Combine(hash, Hash(array.ElementType, depth - 1));
                break;
            case IMethodSymbol method:
                if (method.ContainingType is { IsGenericType: true } container)
                {
                    hash = Combine(hash, Hash(container, depth - 1));
                }

                if (method.IsGenericMethod)
                {
                    foreach (var argument in method.TypeArguments)
                    {
                        hash = Combine(hash, Hash(argument, depth - 1));
                    }
                }

                break;
            case IFieldSymbol or IPropertySymbol or IEventSymbol when symbol.ContainingType is { IsGenericType: true } owner:
                hash = Combine(hash, Hash(owner, depth - 1));
                break;
        }

        return hash;
    }

    private static int Combine(int hash, int value) => unchecked((hash * -1521134295) + value);
}
