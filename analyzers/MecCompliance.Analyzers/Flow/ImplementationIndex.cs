namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// For each overridable or interface method, the methods of this compilation's source that implement or override it:
/// the targets a virtual call may run. Built once per compilation, the first time a virtual call into the compilation
/// is resolved, from the declared source types (their member symbols only, no method body is bound).
/// </summary>
internal sealed class ImplementationIndex
{
    private static readonly IReadOnlyList<IMethodSymbol> None = Array.Empty<IMethodSymbol>();

    private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations;

    private ImplementationIndex(Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations) => _implementations = implementations;

    /// <summary>Implementations of <paramref name="method"/> (an original definition), in declaration order.</summary>
    public IReadOnlyList<IMethodSymbol> Of(IMethodSymbol method) =>
        _implementations.TryGetValue(method, out var list) ? list : None;

    public static ImplementationIndex Build(FlowSession session, CancellationToken cancellationToken)
    {
        var implementations = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(session.Compilation.Assembly.GlobalNamespace);
        var ordered = new List<INamedTypeSymbol>();
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = types.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    types.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            ordered.Add(type);
            foreach (var nested in type.GetTypeMembers())
            {
                types.Push(nested);
            }
        }

        foreach (var type in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { IsStatic: false } method || !session.IsInCompilation(method))
                {
                    continue;
                }

                var key = session.SummaryKey(method);
                foreach (var baseMethod in BasesOf(method))
                {
                    if (!implementations.TryGetValue(baseMethod, out var list))
                    {
                        implementations[baseMethod] = list = [];
                    }

                    list.Add(key);
                }
            }
        }

        foreach (var list in implementations.Values)
        {
            // Declaration order, whatever order the namespaces were walked in: the first path found is the one reported.
            list.Sort(CompareDeclarations);
        }

        return new ImplementationIndex(implementations);
    }

    private static int CompareDeclarations(IMethodSymbol x, IMethodSymbol y)
    {
        var left = x.Locations.FirstOrDefault();
        var right = y.Locations.FirstOrDefault();
        var byFile = string.CompareOrdinal(left?.SourceTree?.FilePath, right?.SourceTree?.FilePath);
        return byFile != 0 ? byFile : (left?.SourceSpan.Start ?? 0).CompareTo(right?.SourceSpan.Start ?? 0);
    }

    /// <summary>The methods a call may dispatch on that run <paramref name="method"/>: what it overrides and implements.</summary>
    private static IEnumerable<IMethodSymbol> BasesOf(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden.OriginalDefinition;
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            yield return explicitImplementation.OriginalDefinition;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol contractMethod &&
                    SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(contractMethod)?.OriginalDefinition, method))
                {
                    yield return contractMethod.OriginalDefinition;
                }
            }
        }
    }
}
