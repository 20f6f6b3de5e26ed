using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The flow engine's state for one compilation: the policy symbols, the sink catalogue, each method's analysis
/// (memoised: every method is analysed at most once) and the interprocedural solution (computed once).
/// </summary>
/// <remarks>
/// Every flow rule (MEC001 logs, MEC002 vendors, MEC003 storage, MEC006 classification loss) is its own analyzer so
/// each keeps its own descriptor, severity and documentation, but they share this session through a weak table keyed
/// by the compilation: the first rule to see a method analyses it, the others read the result. The table holds no
/// state beyond the compilation's lifetime, and no analyzer instance holds state.
/// </remarks>
internal sealed class FlowSession
{
    private static readonly ConditionalWeakTable<Compilation, Holder> Sessions = new();

    private readonly ConcurrentDictionary<ISymbol, Lazy<MethodEntry>> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _hasBody = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, DataClass> _declared = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _sanitizers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, IMethodSymbol?> _toString = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _redactor;
    private readonly object _solveLock = new();
    private FlowSolution? _solution;

    internal FlowSession(Compilation compilation, ComplianceSymbols symbols)
    {
        Compilation = compilation;
        Symbols = symbols;
        Sinks = SinkCatalog.Create(compilation, symbols);
        _redactor = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Redaction.Redactor");
    }

    public Compilation Compilation { get; }

    public ComplianceSymbols Symbols { get; }

    public SinkCatalog Sinks { get; }

    /// <summary>The shared session of <paramref name="compilation"/>, or <see langword="null"/> when nothing in it can be classified.</summary>
    public static FlowSession? For(Compilation compilation) =>
        Sessions.GetValue(compilation, static c => new Holder(ComplianceSymbols.TryCreate(c) is { } symbols ? new FlowSession(c, symbols) : null)).Session;

    /// <summary>A session owned by the caller (the CLI), independent of the analyzers' shared one.</summary>
    public static FlowSession? CreateIsolated(Compilation compilation) =>
        ComplianceSymbols.TryCreate(compilation) is { } symbols ? new FlowSession(compilation, symbols) : null;

    /// <summary>
    /// Registers the executable code of <paramref name="owner"/> and returns its entry. A method that reads classified
    /// data is analysed now, so its own findings can be reported live; any other method is only scanned and kept for
    /// compilation end, where it is analysed if a flow needs it.
    /// </summary>
    public MethodEntry Register(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var lazy = _methods.GetOrAdd(owner, o => new Lazy<MethodEntry>(() => new MethodEntry(this, o, blocks, cancellationToken)));
        try
        {
            var entry = lazy.Value;
            if (entry.HasSource)
            {
                entry.EnsureAnalyzed(cancellationToken);
            }

            return entry;
        }
        catch (OperationCanceledException)
        {
            _methods.TryRemove(owner, out _);
            throw;
        }
    }

    internal IEnumerable<MethodEntry> Entries => _methods.Values.Select(l => l.Value);

    internal MethodEntry? EntryFor(ISymbol method) => _methods.TryGetValue(method, out var lazy) ? lazy.Value : null;

    /// <summary>Flows that pass through calls, resolved over every method's summary; computed once.</summary>
    public FlowSolution Solve(CancellationToken cancellationToken)
    {
        lock (_solveLock)
        {
            return _solution ??= new InterproceduralSolver(this, cancellationToken).Solve();
        }
    }

    /// <summary>Classes read directly from <paramref name="symbol"/>: its own attributes and its containing type's.</summary>
    public DataClass DeclaredClasses(ISymbol symbol)
    {
        // A library member is answered without the cache: both parts have their own fast path for library symbols.
        if (!Symbols.MayDeclare(symbol))
        {
            return ReadDeclaredClasses(symbol);
        }

        return _declared.TryGetValue(symbol, out var known) ? known : _declared.GetOrAdd(symbol, ReadDeclaredClasses(symbol));
    }

    private DataClass ReadDeclaredClasses(ISymbol symbol)
    {
        var classes = Symbols.DeclaredOn(symbol);
        if (symbol is IFieldSymbol or IPropertySymbol && !symbol.IsImplicitlyDeclared && symbol.ContainingType is { } container)
        {
            classes |= Symbols.ClassOfType(container);
        }

        return classes;
    }

    /// <summary>What an object of <paramref name="type"/> carries when it is logged or sent whole.</summary>
    public DataClass WholeObjectClasses(ITypeSymbol? type) =>
        type is null || type.SpecialType == SpecialType.System_String || TypeShapes.IsMeasure(type) ? DataClass.None : Symbols.ContentsOf(type);

    /// <summary>
    /// The <c>ToString</c> a type of this compilation declares itself (not a record's synthesized one), searched up its
    /// base types; <see langword="null"/> when it prints whatever the framework or compiler prints.
    /// </summary>
    public IMethodSymbol? CustomToString(ITypeSymbol type) => _toString.TryGetValue(type, out var known) ? known : _toString.GetOrAdd(type, FindCustomToString(type));

    private IMethodSymbol? FindCustomToString(ITypeSymbol t)
    {
        for (var current = t as INamedTypeSymbol; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0, IsOverride: true, IsImplicitlyDeclared: false } method && IsInCompilation(method))
                {
                    return method;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="symbol"/> is declared in this compilation's source (so it has a summary or a declaration to fix).</summary>
    public bool IsInCompilation(ISymbol symbol) =>
        symbol.Locations is { Length: > 0 } locations && locations[0].IsInSource &&
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly);

    /// <summary>The symbol summaries are stored under: the original definition, the implementation of a partial method.</summary>
    public IMethodSymbol SummaryKey(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        return method.PartialImplementationPart ?? method;
    }

    /// <summary>Whether a property of this compilation computes its value (an accessor with a body) rather than storing it.</summary>
    public bool HasBody(IPropertySymbol property) =>
        IsInCompilation(property) && (_hasBody.TryGetValue(property, out var known) ? known : _hasBody.GetOrAdd(property, ComputesValue(property)));

    private bool ComputesValue(IPropertySymbol p)
    {
        if (!IsInCompilation(p) || p.IsAbstract)
        {
            return p.IsAbstract && IsInCompilation(p);
        }

        foreach (var reference in p.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BasePropertyDeclarationSyntax declaration)
            {
                if (declaration is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: not null } or
                    Microsoft.CodeAnalysis.CSharp.Syntax.IndexerDeclarationSyntax { ExpressionBody: not null })
                {
                    return true;
                }

                if (declaration.AccessorList is { } accessors && accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Sanitizers, by declaration only (DESIGN §5): <c>[Redacts]</c> methods (and their overrides), and
    /// <c>Redactor.Redact</c>, which every redactor from <c>IRedactorProvider</c> implements. Never a method chosen by name alone.
    /// </summary>
    public bool IsSanitizer(IMethodSymbol method)
    {
        // Only Redactor.Redact can make a library method a sanitizer; [Redacts] needs an assembly that can see it.
        if (!Symbols.MayDeclare(method))
        {
            return IsRedactor(method);
        }

        return _sanitizers.TryGetValue(method, out var known) ? known : _sanitizers.GetOrAdd(method, IsRedactsOrRedactor(method));
    }

    private bool IsRedactsOrRedactor(IMethodSymbol m)
    {
        for (var current = m.OriginalDefinition; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass.HasFullName(MetadataNames.RedactsAttribute))
                {
                    return true;
                }
            }
        }

        return IsRedactor(m);
    }

    private bool IsRedactor(IMethodSymbol m)
    {
        if (_redactor is not null && m.Name == "Redact" && !m.ReturnsVoid && TypeShapes.IsString(m.ReturnType))
        {
            for (var type = m.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, _redactor))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Holder(FlowSession? session)
    {
        public FlowSession? Session { get; } = session;
    }
}

/// <summary>One method (or initializer) known to the session: its code, the pre-scan's verdict and, once run, its analysis.</summary>
internal sealed class MethodEntry
{
    private readonly FlowSession _session;
    private ImmutableArray<IOperation> _blocks;
    private readonly object _lock = new();
    private MethodFlow? _flow;
    private ImmutableArray<ClassifiedFlow> _localFlows;

    public MethodEntry(FlowSession session, ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        _session = session;
        Owner = owner;
        _blocks = blocks;
        var scan = SourceScan.Run(session, owner, blocks, cancellationToken);
        HasSource = scan.HasSource;
        Callees = scan.Callees;
    }

    public ISymbol Owner { get; }

    /// <summary>Whether the code reads classified data itself (then it is analysed as soon as it is registered).</summary>
    public bool HasSource { get; }

    /// <summary>Methods of this compilation it calls (summary keys), for deciding at compilation end what needs analysis.</summary>
    public ImmutableArray<IMethodSymbol> Callees { get; }

    public bool IsAnalyzed => Volatile.Read(ref _flow) is not null;

    public MethodFlow? Flow => Volatile.Read(ref _flow);

    public MethodFlow EnsureAnalyzed(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _flow) is { } done)
        {
            return done;
        }

        lock (_lock)
        {
            if (_flow is { } existing)
            {
                return existing;
            }

            var flow = Analyze(cancellationToken);
            _localFlows = flow.LocalFlows();

            // The analysis is all that is needed from here on; the operation trees need not stay reachable.
            _blocks = ImmutableArray<IOperation>.Empty;
            Volatile.Write(ref _flow, flow);
            return flow;
        }
    }

    /// <summary>Flows entirely inside this method (empty when the method was not analysed: it has no source).</summary>
    public ImmutableArray<ClassifiedFlow> LocalFlows => IsAnalyzed ? _localFlows : ImmutableArray<ClassifiedFlow>.Empty;

    private MethodFlow Analyze(CancellationToken cancellationToken)
    {
        var sinks = ImmutableArray<SinkEvent>.Empty;
        var calls = ImmutableArray<CallSite>.Empty;
        var returns = LabelSet.Empty;
        var roots = new HashSet<IOperation>();
        foreach (var block in _blocks)
        {
            // Analyzer drivers hand out a method's body block, whose parent is the method body; build one graph per root.
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (!roots.Add(root) || CreateGraph(root, cancellationToken) is not { } graph)
            {
                continue;
            }

            var flow = MethodFlowAnalysis.Analyze(_session, Owner, graph, cancellationToken);
            sinks = sinks.AddRange(flow.Sinks);
            calls = calls.AddRange(flow.Calls);
            returns = returns.Union(flow.Returns);
        }

        return new MethodFlow(Owner, sinks, calls, returns);
    }

    private static ControlFlowGraph? CreateGraph(IOperation block, CancellationToken cancellationToken)
    {
        if (block.Parent is not null || block.SemanticModel is null)
        {
            return null;
        }

        return block switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            _ => null,
        };
    }
}
