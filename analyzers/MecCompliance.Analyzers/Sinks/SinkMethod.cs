namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// What the catalogue knows about one method (or constructor, property setter, delegate <c>Invoke</c>) that is a sink:
/// which of its values leave, and how to name the sink at a given call site.
/// </summary>
internal sealed class SinkMethod
{
    private readonly Func<IOperation, Sink?>? _resolveAtSite;

    /// <param name="sink">The sink every call reaches, unless <paramref name="resolveAtSite"/> says otherwise.</param>
    /// <param name="payloads">The values that leave.</param>
    /// <param name="resolveAtSite">
    /// Optional: decides per call site (the invocation, object creation or assignment operation) which sink is reached,
    /// e.g. the vendor of an <c>HttpClient</c> created by name; <see langword="null"/> from it means "not a sink here".
    /// </param>
    public SinkMethod(Sink sink, ImmutableArray<SinkPayload> payloads, Func<IOperation, Sink?>? resolveAtSite = null)
    {
        Sink = sink;
        Payloads = payloads;
        _resolveAtSite = resolveAtSite;
    }

    public Sink Sink { get; }

    public ImmutableArray<SinkPayload> Payloads { get; }

    /// <summary>The sink reached at <paramref name="site"/>, or <see langword="null"/> when the call is not a sink there.</summary>
    public Sink? SinkAt(IOperation site) => _resolveAtSite is null ? Sink : _resolveAtSite(site);

    /// <summary>Every parameter of <paramref name="method"/> that is not <paramref name="skip"/>ped leaves.</summary>
    public static ImmutableArray<SinkPayload> AllParameters(IMethodSymbol method, Func<IParameterSymbol, bool>? skip = null)
    {
        var builder = ImmutableArray.CreateBuilder<SinkPayload>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            if (skip is null || !skip(parameter))
            {
                builder.Add(new SinkPayload(parameter.Ordinal));
            }
        }

        return builder.ToImmutable();
    }
}
