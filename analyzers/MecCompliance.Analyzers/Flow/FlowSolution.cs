namespace MecCompliance.Analyzers.Flow;

/// <summary>The interprocedural result for a compilation: flows that cross method boundaries, and the summaries computed for them.</summary>
internal sealed class FlowSolution
{
    public FlowSolution(ImmutableArray<ClassifiedFlow> flows, IReadOnlyDictionary<ISymbol, MethodSummary> summaries)
    {
        Flows = flows;
        Summaries = summaries;
    }

    /// <summary>
    /// Flows found through summaries, and those inside methods that were analysed only for them (no source of their own);
    /// never a flow a method reports as it is analysed (<see cref="MethodEntry.LocalFlows"/> of a method with a source).
    /// </summary>
    public ImmutableArray<ClassifiedFlow> Flows { get; }

    public IReadOnlyDictionary<ISymbol, MethodSummary> Summaries { get; }
}
