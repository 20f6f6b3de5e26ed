namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// What a method does with data, in terms its callers can use: the classified sources its return value may carry
/// (with the methods they came through), the parameters its return value may carry, and the parameters that reach a
/// sink (with the sink and the methods on the way). Grows monotonically while the solver runs.
/// </summary>
internal sealed class MethodSummary
{
    // Created when first written: most methods return nothing classified and send no parameter anywhere.
    private Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>>? _returnSources;
    private HashSet<int>? _returnParameters;
    private List<ParameterSink>? _parameterSinks;
    private HashSet<(int, SinkEvent)>? _parameterSinkKeys;

    public IReadOnlyDictionary<SourceLabel, ImmutableArray<IMethodSymbol>> ReturnSources => _returnSources ?? Resolution.NoSources;

    public IReadOnlyCollection<int> ReturnParameters => _returnParameters ?? Resolution.NoParameters;

    public IReadOnlyList<ParameterSink> ParameterSinks => (IReadOnlyList<ParameterSink>?)_parameterSinks ?? Array.Empty<ParameterSink>();

    public bool MergeReturns(Resolution resolution)
    {
        var changed = false;
        foreach (var pair in resolution.Sources)
        {
            if (_returnSources is null || !_returnSources.ContainsKey(pair.Key))
            {
                (_returnSources ??= new()).Add(pair.Key, pair.Value);
                changed = true;
            }
        }

        foreach (var parameter in resolution.Parameters)
        {
            changed |= (_returnParameters ??= []).Add(parameter);
        }

        return changed;
    }

    public bool AddParameterSink(int ordinal, SinkEvent sink, ImmutableArray<IMethodSymbol> path)
    {
        if (!(_parameterSinkKeys ??= []).Add((ordinal, sink)))
        {
            return false;
        }

        (_parameterSinks ??= []).Add(new ParameterSink(ordinal, sink, path));
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
    // Shared, never written: what an empty resolution or summary answers.
    internal static readonly Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>> NoSources = new();
    internal static readonly HashSet<int> NoParameters = [];

    private Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>>? _sources;
    private HashSet<int>? _parameters;

    public Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>> Sources => _sources ?? NoSources;

    public HashSet<int> Parameters => _parameters ?? NoParameters;

    public void AddSource(SourceLabel source, ImmutableArray<IMethodSymbol> path)
    {
        _sources ??= new();
        if (!_sources.ContainsKey(source))
        {
            _sources.Add(source, path);
        }
    }

    public void AddParameter(int ordinal) => (_parameters ??= []).Add(ordinal);
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
