namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// What a method does with data, in terms its callers can use: the classified sources its return value may carry
/// (with the methods they came through), the parameters its return value may carry, and the parameters that reach a
/// sink (with the sink and the methods on the way). Grows monotonically while the solver runs.
/// </summary>
internal sealed class MethodSummary
{
    private readonly Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>> _returnSources = new();
    private readonly HashSet<int> _returnParameters = [];
    private readonly List<ParameterSink> _parameterSinks = [];
    private readonly HashSet<(int, SinkEvent)> _parameterSinkKeys = [];

    public IReadOnlyDictionary<SourceLabel, ImmutableArray<IMethodSymbol>> ReturnSources => _returnSources;

    public IReadOnlyCollection<int> ReturnParameters => _returnParameters;

    public IReadOnlyList<ParameterSink> ParameterSinks => _parameterSinks;

    public bool MergeReturns(Resolution resolution)
    {
        var changed = false;
        foreach (var pair in resolution.Sources)
        {
            if (!_returnSources.ContainsKey(pair.Key))
            {
                _returnSources.Add(pair.Key, pair.Value);
                changed = true;
            }
        }

        foreach (var parameter in resolution.Parameters)
        {
            changed |= _returnParameters.Add(parameter);
        }

        return changed;
    }

    public bool AddParameterSink(int ordinal, SinkEvent sink, ImmutableArray<IMethodSymbol> path)
    {
        if (!_parameterSinkKeys.Add((ordinal, sink)))
        {
            return false;
        }

        _parameterSinks.Add(new ParameterSink(ordinal, sink, path));
        return true;
    }
}

/// <summary>Parameter <see cref="Ordinal"/> reaches <see cref="Sink"/>, through <see cref="Path"/> (empty: in the method itself).</summary>
internal readonly struct ParameterSink(int ordinal, SinkEvent sink, ImmutableArray<IMethodSymbol> path)
{
    public int Ordinal { get; } = ordinal;

    public SinkEvent Sink { get; } = sink;

    public ImmutableArray<IMethodSymbol> Path { get; } = path;
}

/// <summary>A label set resolved in the context of one method: concrete sources (with their path) and that method's parameters.</summary>
internal sealed class Resolution
{
    public Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>> Sources { get; } = new();

    public HashSet<int> Parameters { get; } = [];

    public void AddSource(SourceLabel source, ImmutableArray<IMethodSymbol> path)
    {
        if (!Sources.ContainsKey(source))
        {
            Sources.Add(source, path);
        }
    }
}

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
