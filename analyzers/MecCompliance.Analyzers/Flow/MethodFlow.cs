namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The result of analysing one method (or initializer): every labelled value entering a sink, every call into the
/// compilation with its argument labels, and what the method returns. Parameter and call-result labels in here are
/// symbolic: <see cref="InterproceduralSolver"/> resolves them against the callees' summaries.
/// </summary>
internal sealed class MethodFlow
{
    public MethodFlow(ISymbol owner, ImmutableArray<SinkEvent> sinks, ImmutableArray<CallSite> calls, LabelSet returns)
    {
        Owner = owner;
        Sinks = sinks;
        Calls = calls;
        Returns = returns;
    }

    public ISymbol Owner { get; }

    public ImmutableArray<SinkEvent> Sinks { get; }

    public ImmutableArray<CallSite> Calls { get; }

    public LabelSet Returns { get; }

    /// <summary>Flows whose classified source is read inside this method: reported as soon as the method is analysed.</summary>
    public ImmutableArray<ClassifiedFlow> LocalFlows()
    {
        var builder = ImmutableArray.CreateBuilder<ClassifiedFlow>();
        foreach (var sink in Sinks)
        {
            foreach (var label in sink.Labels.Labels)
            {
                if (label is SourceLabel source)
                {
                    builder.Add(new ClassifiedFlow(source, sink, sink.ValueSyntax!.GetLocation(), ImmutableArray<IMethodSymbol>.Empty));
                }
            }
        }

        return builder.ToImmutable();
    }
}
