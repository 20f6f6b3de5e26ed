using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>One method (or initializer) known to the session: its code, the pre-scan's verdict and, once run, its analysis.</summary>
internal sealed class MethodEntry
{
    private readonly FlowSession _session;
    private ImmutableArray<IOperation> _blocks;
    private Analysis? _analysis;
    private FlowList? _flowsThroughCalls;

    public MethodEntry(FlowSession session, ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        _session = session;
        Owner = owner;
        _blocks = blocks;
        var scan = SourceScan.Run(session.Facts, owner, blocks, cancellationToken);
        HasSource = scan.HasSource;
        Callees = scan.Callees;
    }

    public ISymbol Owner { get; }

    /// <summary>Whether the code reads classified data itself (then it is analysed as soon as it is registered).</summary>
    public bool HasSource { get; }

    /// <summary>Methods of this compilation it calls (summary keys), for deciding whether a classified source is reachable from it.</summary>
    public ImmutableArray<IMethodSymbol> Callees { get; }

    public bool IsAnalyzed => Volatile.Read(ref _analysis) is not null;

    public MethodFlow? Flow => Volatile.Read(ref _analysis)?.Flow;

    public MethodFlow EnsureAnalyzed(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _analysis) is { } done)
        {
            return done.Flow;
        }

        // No lock: two rules analysing the same body at once compute equal results, and the first one published wins.
        var flow = Analyze(cancellationToken);
        var analysis = new Analysis(flow, flow.LocalFlows());
        var published = Interlocked.CompareExchange(ref _analysis, analysis, null) ?? analysis;

        // The analysis is all that is needed from here on; the operation trees need not stay reachable (cleared only
        // after publishing, so a concurrent analysis never publishes a result computed from no blocks).
        _blocks = ImmutableArray<IOperation>.Empty;
        return published.Flow;
    }

    /// <summary>This entry, analysed.</summary>
    public MethodEntry WithAnalysis(CancellationToken cancellationToken)
    {
        EnsureAnalyzed(cancellationToken);
        return this;
    }

    /// <summary>The flows crossing this method's calls, computed once by <paramref name="compute"/> and then kept.</summary>
    public ImmutableArray<ClassifiedFlow> FlowsThroughCalls<TState>(CancellationToken cancellationToken, Func<MethodEntry, TState, CancellationToken, ImmutableArray<ClassifiedFlow>> compute, TState state)
    {
        if (Volatile.Read(ref _flowsThroughCalls) is { } done)
        {
            return done.Flows;
        }

        // No lock, as for the analysis: a computation cancelled half-way publishes nothing; two complete ones are equal.
        var computed = new FlowList(compute(this, state, cancellationToken));
        return (Interlocked.CompareExchange(ref _flowsThroughCalls, computed, null) ?? computed).Flows;
    }

    /// <summary>Flows entirely inside this method (empty when the method was not analysed: it has no source).</summary>
    public ImmutableArray<ClassifiedFlow> LocalFlows => Volatile.Read(ref _analysis)?.LocalFlows ?? ImmutableArray<ClassifiedFlow>.Empty;

    private MethodFlow Analyze(CancellationToken cancellationToken)
    {
        var sinks = ImmutableArray<SinkEvent>.Empty;
        var calls = ImmutableArray<CallSite>.Empty;
        var returns = LabelSet.Empty;
        MethodFlow? only = null;
        var roots = _blocks.Length > 1 ? new HashSet<IOperation>() : null;
        foreach (var block in _blocks)
        {
            // Analyzer drivers hand out a method's body block, whose parent is the method body; build one graph per root.
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (roots is not null && !roots.Add(root))
            {
                continue;
            }

            if (BodyAnalysis.Analyze(_session.Facts, Owner, root, cancellationToken) is not { } flow)
            {
                continue;
            }

            if (only is null && sinks.IsEmpty && calls.IsEmpty && returns.IsEmpty)
            {
                // The usual case, one body: its analysis is the method's, nothing to combine.
                only = flow;
                continue;
            }

            if (only is not null)
            {
                (sinks, calls, returns, only) = (only.Sinks, only.Calls, only.Returns, null);
            }

            sinks = sinks.AddRange(flow.Sinks);
            calls = calls.AddRange(flow.Calls);
            returns = returns.Union(flow.Returns);
        }

        return only ?? new MethodFlow(Owner, sinks, calls, returns);
    }

    private sealed class FlowList(ImmutableArray<ClassifiedFlow> flows)
    {
        public ImmutableArray<ClassifiedFlow> Flows { get; } = flows;
    }

    private sealed class Analysis(MethodFlow flow, ImmutableArray<ClassifiedFlow> localFlows)
    {
        public MethodFlow Flow { get; } = flow;

        public ImmutableArray<ClassifiedFlow> LocalFlows { get; } = localFlows;
    }
}
