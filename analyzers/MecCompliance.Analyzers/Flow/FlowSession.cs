using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The flow engine's registry for one compilation: each method's analysis (memoised: every method is analysed at most
/// once) and the summaries of the methods flows pass through (computed when a caller first needs them, see
/// <see cref="CalleeSummaries"/>). What the engine asks about symbols is in <see cref="Facts"/>.
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
    private MethodEntry? _lastRegistered;

    internal FlowSession(Compilation compilation, ComplianceSymbols symbols)
    {
        Facts = new SymbolFacts(compilation, symbols);
        _methods = SymbolCache.Create<ISymbol, MethodEntry>(compilation, SymbolEqualityComparer.Default);
        Callees = new CalleeSummaries(this);
    }

    /// <summary>What the engine asks about symbols of this compilation (read-only, shared by every analysed body).</summary>
    public SymbolFacts Facts { get; }

    /// <summary>The summaries of the methods flows pass through, computed when first needed.</summary>
    public CalleeSummaries Callees { get; }

    public Compilation Compilation => Facts.Compilation;

    public ComplianceSymbols Symbols => Facts.Symbols;

    public SinkCatalog Sinks => Facts.Sinks;

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

    private sealed class Holder(FlowSession? session)
    {
        public FlowSession? Session { get; } = session;
    }
}
