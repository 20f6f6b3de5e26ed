using System.Runtime.CompilerServices;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// Remembers a site resolver's answer per call site: the flow engine revisits a site on every pass of its fixpoint,
/// and resolving a vendor or sink reads the syntax around the call. Keys are held weakly, so nothing outlives the
/// control-flow graph the site belongs to.
/// </summary>
internal static class SiteResolution
{
    public static Func<IOperation, SemanticModel?, Sink?> Remembered(Func<IOperation, SemanticModel?, Sink?> resolve)
    {
        var known = new ConditionalWeakTable<IOperation, Answer>();
        return (site, model) =>
        {
            // The lookup alone, without the capturing factory: a site is revisited on every pass of its fixpoint.
            if (known.TryGetValue(site, out var answer))
            {
                return answer.Sink;
            }

            var resolved = new Answer(resolve(site, model));
            return known.GetValue(site, _ => resolved).Sink;
        };
    }

    private sealed class Answer(Sink? sink)
    {
        public Sink? Sink { get; } = sink;
    }
}
