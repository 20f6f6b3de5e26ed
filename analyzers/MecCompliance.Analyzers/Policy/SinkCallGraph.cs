using System.Collections.Concurrent;

namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// The calls of one compilation's methods, kept only where they may lead to <c>[DataSink]</c> code, and the question
/// MEC008 asks of them: does this method reach sink <c>X</c>, directly or through the methods it calls? Edges come
/// from the operation trees the analyzer driver hands over (invocations, object creations, property and method
/// references, resolved to symbols, never names); a call on an interface or a virtual member leads to every
/// implementation and override in the compilation. Built by one analyzer per compilation; thread-safe.
/// </summary>
/// <remarks>
/// Independent of the flow engine on purpose: reaching a sink is a question about calls, not about classified values,
/// and an eraser passes an id, not personal data.
/// </remarks>
internal sealed class SinkCallGraph
{
    // A walk deeper than this through the compilation's own methods is not followed further: no realistic eraser
    // reaches its store through 32 layers, and the bound keeps a pathological graph cheap.
    private const int MaxDepth = 32;

    private readonly ComplianceSymbols _symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<CallEdge>> _calls;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, string Sink), bool> _reaches = new();
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;

    public SinkCallGraph(Compilation compilation, ComplianceSymbols symbols)
    {
        _symbols = symbols;
        _calls = SymbolCache.Create<IMethodSymbol, ImmutableArray<CallEdge>>(compilation, SymbolEqualityComparer.Default, perFile: 4);
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => SourceTypes(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Records the calls in the body of <paramref name="owner"/> (lambdas and local functions included).</summary>
    public void AddBody(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (owner is not IMethodSymbol method)
        {
            return;
        }

        var edges = ImmutableArray.CreateBuilder<CallEdge>();
        var pending = new Stack<IOperation>();
        foreach (var block in blocks)
        {
            pending.Push(block);
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = pending.Pop();
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var receiver = invocation.Instance?.Type ??
                        (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
                    Add(edges, invocation.TargetMethod, receiver);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor }:
                    Add(edges, constructor, null);
                    break;
                case IPropertyReferenceOperation property:
                    Add(edges, property.Property, property.Instance?.Type);
                    break;
                case IMethodReferenceOperation reference:
                    Add(edges, reference.Method, reference.Instance?.Type);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        if (edges.Count > 0)
        {
            _calls[Normalize(method)] = edges.ToImmutable();
        }
    }

    // Framework and third-party members on framework receivers can carry no [DataSink] mark and have no body here:
    // they are dropped at once, so the graph holds only the calls that may matter.
    // object's own members (ToString, GetHashCode…) called on a context use nothing of the sink.
    private void Add(ImmutableArray<CallEdge>.Builder edges, ISymbol callee, ITypeSymbol? receiver)
    {
        var markedReceiver = receiver is INamedTypeSymbol named && callee.ContainingType?.SpecialType != SpecialType.System_Object && _symbols.MayDeclare(named)
            ? named
            : null;
        if (markedReceiver is not null || _symbols.MayDeclare(callee))
        {
            edges.Add(new CallEdge(callee, markedReceiver));
        }
    }

    /// <summary>
    /// Whether <paramref name="method"/> calls into code marked <c>[DataSink(<paramref name="sink"/>)]</c> (a member of a
    /// marked type, interface or method, or a member called on a marked <c>DbContext</c>), directly or through the
    /// methods of this compilation it calls. Creating a marked object does not count: it stores nothing.
    /// </summary>
    public bool Reaches(IMethodSymbol method, string sink, PolicyModel policy, CancellationToken cancellationToken)
    {
        var key = (Normalize(method), sink.ToUpperInvariant());
        if (_reaches.TryGetValue(key, out var known))
        {
            return known;
        }

        return _reaches.GetOrAdd(key, Walk(key.Item1, sink, policy, cancellationToken));
    }

    private bool Walk(IMethodSymbol start, string sink, PolicyModel policy, CancellationToken cancellationToken)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start };
        var pending = new Queue<(IMethodSymbol Method, int Depth)>();
        pending.Enqueue((start, 0));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (method, depth) = pending.Dequeue();
            var next = new List<IMethodSymbol>();
            if (_calls.TryGetValue(method, out var edges))
            {
                foreach (var edge in edges)
                {
                    if (IsSink(edge.Callee, sink, policy) || (edge.Receiver is not null && IsSink(policy.SinkNameOf(edge.Receiver), sink)))
                    {
                        return true;
                    }

                    switch (edge.Callee)
                    {
                        case IMethodSymbol callee:
                            next.Add(Normalize(callee));
                            break;
                        case IPropertySymbol property:
                            if (property.GetMethod is { } getter)
                            {
                                next.Add(Normalize(getter));
                            }

                            if (property.SetMethod is { } setter)
                            {
                                next.Add(Normalize(setter));
                            }

                            break;
                    }
                }
            }

            // A call through an interface or a virtual member runs one of its implementations: each is a callee.
            foreach (var implementation in Implementations(method, cancellationToken))
            {
                if (IsSink(implementation, sink, policy))
                {
                    return true;
                }

                next.Add(implementation);
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            foreach (var callee in next)
            {
                if (visited.Add(callee))
                {
                    pending.Enqueue((callee, depth + 1));
                }
            }
        }

        return false;
    }

    private static bool IsSink(ISymbol symbol, string sink, PolicyModel policy) =>
        symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } && IsSink(policy.SinkNameOf(symbol), sink);

    private static bool IsSink(string? name, string sink) => string.Equals(name, sink, StringComparison.OrdinalIgnoreCase);

    private IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var container = method.ContainingType;
        if (container is null || method.IsStatic || !(container.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual || method.IsOverride))
        {
            yield break;
        }

        foreach (var type in _sourceTypes.Value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.TypeKind == TypeKind.Interface || SymbolEqualityComparer.Default.Equals(type, container))
            {
                continue;
            }

            if (container.TypeKind == TypeKind.Interface)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, container))
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, method) &&
                            type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                        {
                            yield return Normalize(implementation);
                        }
                    }
                }

                continue;
            }

            foreach (var member in type.GetMembers(method.Name))
            {
                for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                    {
                        yield return Normalize((IMethodSymbol)member);
                        break;
                    }
                }
            }
        }
    }

    // One node per method: the generic definition, the unreduced extension method, a partial method's implementation.
    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return method.PartialImplementationPart ?? method;
    }

    private static ImmutableArray<INamedTypeSymbol> SourceTypes(Compilation compilation)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamedTypeSymbol type)
                {
                    types.Add(type);
                    pending.Push(type);
                }
                else if (member is INamespaceSymbol @namespace)
                {
                    pending.Push(@namespace);
                }
            }
        }

        return types.ToImmutable();
    }

    private readonly struct CallEdge(ISymbol callee, INamedTypeSymbol? receiver)
    {
        public ISymbol Callee { get; } = callee;

        /// <summary>The type the member is called on, when it may carry a mark (a <c>DbContext</c> of this compilation).</summary>
        public INamedTypeSymbol? Receiver { get; } = receiver;
    }
}
