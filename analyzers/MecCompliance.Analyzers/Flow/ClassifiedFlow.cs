using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// Classified data that may reach a sink: the source, the sink, where the value enters (in the method that holds the
/// source, or the caller's argument when the sink is inside a callee), and the methods it travels through.
/// This is the engine's product: rules judge flows, the CLI lists them.
/// </summary>
internal sealed class ClassifiedFlow
{
    public ClassifiedFlow(SourceLabel source, SinkEvent sink, Location location, ImmutableArray<IMethodSymbol> path)
    {
        Source = source;
        SinkEvent = sink;
        Location = location;
        Path = path;
    }

    public SourceLabel Source { get; }

    /// <summary>The classes that actually leave: the source's classes minus those the sink sanctions.</summary>
    public DataClass Classes => Source.Classes & ~SinkEvent.Sanctioned;

    public Sink Sink => SinkEvent.Sink;

    public SinkEvent SinkEvent { get; }

    /// <summary>Where the finding belongs: the value entering the sink, or the caller's argument.</summary>
    public Location Location { get; }

    /// <summary>The sink call or assignment, possibly in another method.</summary>
    public Location SinkLocation => SinkEvent.SinkOperation.Syntax.GetLocation();

    /// <summary>Methods the value passes through between source and sink, outermost first; empty within one method.</summary>
    public ImmutableArray<IMethodSymbol> Path { get; }

    public bool IsInterprocedural => !Path.IsDefaultOrEmpty;

    /// <summary><c>Patron.Email (PersonalData)</c>.</summary>
    public string SourceDisplay => Source.Display + " (" + Classes.ToDisplayString() + ")";

    /// <summary><c> through Audit(string)</c>, or empty.</summary>
    public string PathDisplay => FlowDisplay.Path(Path);

    /// <summary>Locations that help to act on the finding: the source and the sink, when they are elsewhere.</summary>
    public IEnumerable<Location> AdditionalLocations()
    {
        if (Source.Location.IsInSource && !Encloses(Location, Source.Location))
        {
            yield return Source.Location;
        }

        var sink = SinkLocation;
        if (IsInterprocedural && sink.IsInSource && !Encloses(sink, Location))
        {
            yield return sink;
        }
    }

    private static bool Encloses(Location outer, Location inner) =>
        outer.SourceTree == inner.SourceTree && outer.SourceSpan.Contains(inner.SourceSpan);

    /// <summary>
    /// One group per reported location and sink, so a value carrying several sources is one finding naming them all
    /// (at most <paramref name="maxNames"/>).
    /// </summary>
    public static IEnumerable<(ClassifiedFlow First, string Sources)> GroupByLocation(IEnumerable<ClassifiedFlow> flows, int maxNames = 2)
    {
        foreach (var group in flows.GroupBy(f => (f.Location, f.Sink.Name)))
        {
            var ordered = group.OrderBy(f => f.Source.Location.SourceSpan.Start).ThenBy(f => f.Source.Display, StringComparer.Ordinal).ToList();
            var names = ordered.Select(f => f.SourceDisplay).Distinct(StringComparer.Ordinal).ToList();
            var text = string.Join(" and ", names.Take(maxNames));
            if (names.Count > maxNames)
            {
                text += " and " + (names.Count - maxNames) + " more";
            }

            yield return (ordered[0], text);
        }
    }
}
