namespace MecCompliance.Analyzers.Flow;

/// <summary>The interprocedural result for a compilation: flows that cross method boundaries, and every method's summary.</summary>
internal sealed class FlowSolution
{
    public FlowSolution(ImmutableArray<ClassifiedFlow> flows, IReadOnlyDictionary<ISymbol, MethodSummary> summaries)
    {
        Flows = flows;
        Summaries = summaries;
    }

    /// <summary>
    /// Flows reported at compilation end: those found through summaries, and those inside methods that were analysed only
    /// at compilation end; never a flow already reported live.
    /// </summary>
    public ImmutableArray<ClassifiedFlow> Flows { get; }

    public IReadOnlyDictionary<ISymbol, MethodSummary> Summaries { get; }
}
