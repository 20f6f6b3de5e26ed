namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// One entry of the sink catalogue: a family of sinks (Microsoft.Extensions.Logging, Console, an HTTP client …)
/// resolved by metadata name at compilation start. A recognizer exists only when its library is referenced, so an
/// absent library costs nothing.
/// </summary>
internal abstract class SinkRecognizer
{
    /// <summary>
    /// The sink <paramref name="method"/> is, or <see langword="null"/>. Called once per distinct method symbol
    /// (constructed, so delegate <c>Invoke</c> methods keep their type arguments); the catalogue memoises the answer.
    /// </summary>
    public abstract SinkMethod? Recognize(IMethodSymbol method);
}
