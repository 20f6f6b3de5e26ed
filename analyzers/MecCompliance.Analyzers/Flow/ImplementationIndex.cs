using System.Collections.Concurrent;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// For an overridable or interface method, the methods of this compilation's source that implement or override it: the
/// targets a virtual call may run. The source types are listed once per compilation, when the first virtual call into
/// the compilation is resolved (their declarations and base lists only); the members of a type are looked at only when
/// it derives from, or implements, the type of a method asked about, and each answer is kept.
/// </summary>
internal sealed class ImplementationIndex
{
    private readonly FlowSession _session;
    private readonly ImmutableArray<INamedTypeSymbol> _types;
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);

    private ImplementationIndex(FlowSession session, ImmutableArray<INamedTypeSymbol> types)
    {
        _session = session;
        _types = types;
    }

    public static ImplementationIndex Build(FlowSession session, CancellationToken cancellationToken)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(session.Compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            if (type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
            {
                types.Add(type);
            }

            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }
        }

        return new ImplementationIndex(session, types.ToImmutable());
    }

    /// <summary>Implementations of <paramref name="method"/> (an original definition), in declaration order.</summary>
    public IReadOnlyList<IMethodSymbol> Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_implementations.TryGetValue(method, out var known))
        {
            return known;
        }

        // Computed outside any lock; a cancelled computation publishes nothing, two complete ones are equal.
        return _implementations.GetOrAdd(method, Find(method, cancellationToken));
    }

    private List<IMethodSymbol> Find(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var found = new List<IMethodSymbol>();
        if (method.IsStatic || method.ContainingType is not { } container)
        {
            return found;
        }

        var isInterface = container.TypeKind == TypeKind.Interface;
        if (!isInterface && !(method.IsVirtual || method.IsAbstract || method.IsOverride))
        {
            return found;
        }

        foreach (var type in _types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (SymbolEqualityComparer.Default.Equals(type, container) || !(isInterface ? Implements(type, container) : DerivesFrom(type, container)))
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false } candidate && _session.Facts.IsInCompilation(candidate) && Runs(candidate, method, type))
                {
                    var key = _session.Facts.SummaryKey(candidate);
                    if (!found.Contains(key, SymbolEqualityComparer.Default))
                    {
                        found.Add(key);
                    }
                }
            }
        }

        // Declaration order, whatever order the namespaces were walked in: the first path found is the one reported.
        found.Sort(CompareDeclarations);
        return found;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol contract)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a call dispatched on <paramref name="baseMethod"/> may run <paramref name="method"/>, a member of <paramref name="type"/>.</summary>
    private static bool Runs(IMethodSymbol method, IMethodSymbol baseMethod, INamedTypeSymbol type)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, baseMethod))
            {
                return true;
            }
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            if (SymbolEqualityComparer.Default.Equals(explicitImplementation.OriginalDefinition, baseMethod))
            {
                return true;
            }
        }

        if (method.DeclaredAccessibility != Accessibility.Public || method.Name != baseMethod.Name)
        {
            return false;
        }

        foreach (var contract in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(contract.OriginalDefinition, baseMethod.ContainingType))
            {
                continue;
            }

            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol contractMethod && SymbolEqualityComparer.Default.Equals(contractMethod.OriginalDefinition, baseMethod) &&
                    SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(contractMethod)?.OriginalDefinition, method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int CompareDeclarations(IMethodSymbol x, IMethodSymbol y)
    {
        var left = x.Locations.FirstOrDefault();
        var right = y.Locations.FirstOrDefault();
        var byFile = string.CompareOrdinal(left?.SourceTree?.FilePath, right?.SourceTree?.FilePath);
        return byFile != 0 ? byFile : (left?.SourceSpan.Start ?? 0).CompareTo(right?.SourceSpan.Start ?? 0);
    }
}
