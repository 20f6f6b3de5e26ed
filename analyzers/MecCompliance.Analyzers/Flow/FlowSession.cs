using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The flow engine's state for one compilation: the policy symbols, the sink catalogue, each method's analysis
/// (memoised: every method is analysed at most once) and the summaries of the methods flows pass through (computed
/// when a caller first needs them, see <see cref="CalleeSummaries"/>).
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

    private readonly ConcurrentDictionary<ISymbol, MethodEntry> _methods;
    private readonly ConcurrentDictionary<ISymbol, bool> _hasBody;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _sanitizers;
    private readonly ConcurrentDictionary<ITypeSymbol, IMethodSymbol?> _toString;
    private readonly Lazy<INamedTypeSymbol?> _redactor;
    private readonly Lazy<SinkCatalog> _sinks;
    private MethodEntry? _lastRegistered;

    internal FlowSession(Compilation compilation, ComplianceSymbols symbols)
    {
        Compilation = compilation;
        Symbols = symbols;
        _methods = SymbolCache.Create<ISymbol, MethodEntry>(compilation, SymbolEqualityComparer.Default);
        _hasBody = SymbolCache.Create<ISymbol, bool>(compilation, SymbolEqualityComparer.Default, perFile: 2);
        _sanitizers = SymbolCache.Create<IMethodSymbol, bool>(compilation, SymbolEqualityComparer.Default, perFile: 4);
        _toString = SymbolCache.Create<ITypeSymbol, IMethodSymbol?>(compilation, SymbolEqualityComparer.Default, perFile: 2);
        // Resolved on first use, inside the first analysed body: at compilation start nothing has asked the compiler
        // for its symbols yet, and the first lookup would pay for building them.
        _sinks = new Lazy<SinkCatalog>(() => SinkCatalog.Create(compilation, symbols), LazyThreadSafetyMode.ExecutionAndPublication);
        _redactor = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Redaction.Redactor"), LazyThreadSafetyMode.ExecutionAndPublication);
        Callees = new CalleeSummaries(this);
    }

    /// <summary>The summaries of the methods flows pass through, computed when first needed.</summary>
    public CalleeSummaries Callees { get; }

    public Compilation Compilation { get; }

    public ComplianceSymbols Symbols { get; }

    public SinkCatalog Sinks => _sinks.Value;

    /// <summary>The shared session of <paramref name="compilation"/>, or <see langword="null"/> when nothing in it can be classified.</summary>
    public static FlowSession? For(Compilation compilation) =>
        Sessions.GetValue(compilation, static c => new Holder(ComplianceSymbols.For(c) is { } symbols ? new FlowSession(c, symbols) : null)).Session;

    /// <summary>A session owned by the caller (the CLI), independent of the analyzers' shared one.</summary>
    public static FlowSession? CreateIsolated(Compilation compilation) =>
        ComplianceSymbols.TryCreate(compilation) is { } symbols ? new FlowSession(compilation, symbols) : null;

    /// <summary>
    /// Registers the executable code of <paramref name="owner"/> and returns its entry. A method that reads classified
    /// data is analysed now, so its own findings can be reported live; any other method is only scanned, and analysed
    /// when a flow may pass through it (<see cref="FlowsThroughCalls"/>, a caller's summary).
    /// </summary>
    public MethodEntry Register(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        // Every flow rule registers the same body, one right after the other: the last entry answers most of them
        // without a lookup. The first rule scans it (two at once may both scan: the results are equal).
        var entry = Volatile.Read(ref _lastRegistered);
        if (entry is null || !ReferenceEquals(entry.Owner, owner))
        {
            if (!_methods.TryGetValue(owner, out entry))
            {
                entry = _methods.GetOrAdd(owner, new MethodEntry(this, owner, blocks, cancellationToken));
            }

            Volatile.Write(ref _lastRegistered, entry);
        }

        if (entry.HasSource)
        {
            entry.EnsureAnalyzed(cancellationToken);
        }

        return entry;
    }

    internal IEnumerable<MethodEntry> Entries => _methods.Values;

    internal MethodEntry? EntryFor(ISymbol method) => _methods.TryGetValue(method, out var entry) ? entry : null;

    /// <summary>The entry of a callee whose body the driver has not handed over (yet): read from its declaration.</summary>
    internal MethodEntry GetOrAddEntry(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken) =>
        _methods.TryGetValue(owner, out var entry) ? entry : _methods.GetOrAdd(owner, new MethodEntry(this, owner, blocks, cancellationToken));

    /// <summary>
    /// The flows of <paramref name="entry"/> that cross a call (see <see cref="InterproceduralSolver.FlowsThroughCalls"/>),
    /// computed with the summaries of the methods it calls; empty, without analysing anything, when no classified source
    /// is reachable from it. Memoised per method.
    /// </summary>
    public ImmutableArray<ClassifiedFlow> FlowsThroughCalls(MethodEntry entry, CancellationToken cancellationToken) =>
        entry.FlowsThroughCalls(cancellationToken, static (e, session, token) =>
            e.HasSource || session.Callees.CallsReachSource(e, token)
                ? new InterproceduralSolver(session, session.Callees, solving: null, token).FlowsThroughCalls(e.WithAnalysis(token))
                : ImmutableArray<ClassifiedFlow>.Empty, this);

    /// <summary>
    /// Every flow of the registered methods that crosses a call (with the own flows of methods that were not analysed
    /// as they were registered): what the compilation-wide consumers (the command-line report, MEC007) read.
    /// </summary>
    public FlowSolution Solve(CancellationToken cancellationToken)
    {
        var entries = _methods.Values.OrderBy(e => e.Owner.Locations.FirstOrDefault()?.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(e => e.Owner.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0).ToList();
        var flows = ImmutableArray.CreateBuilder<ClassifiedFlow>();
        foreach (var entry in entries)
        {
            flows.AddRange(FlowsThroughCalls(entry, cancellationToken));
        }

        return new FlowSolution(flows.ToImmutable(), Callees.Complete);
    }

    /// <summary>Classes read directly from <paramref name="symbol"/>: its own attributes and its containing type's.</summary>
    public DataClass DeclaredClasses(ISymbol symbol)
    {
        // Not cached here: both parts are (a second cache in front of them cost more than it saved).
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
        // The assembly first: the locations of a library or constructed member are built anew on every call.
        // (an explicit declaration of this assembly is always in its source: only implicit ones need their locations read).
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly) &&
        (!symbol.IsImplicitlyDeclared || (symbol.Locations is { Length: > 0 } locations && locations[0].IsInSource));

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
        if (m.Name == "Redact" && !m.ReturnsVoid && TypeShapes.IsString(m.ReturnType) && _redactor.Value is { } redactor)
        {
            for (var type = m.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, redactor))
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
