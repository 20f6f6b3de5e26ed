using MecCompliance.Analyzers.Baseline;
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
    public Location SinkLocation => SinkEvent.SinkOperation?.Syntax.GetLocation() ?? Location.None;

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
    /// One finding per reported location and sink, so a value carrying several sources is one finding naming them all
    /// (at most <paramref name="maxNames"/>), with its baseline fingerprint: the flows given are one rule's findings of one
    /// method (or of the compilation's end), so the occurrence index counts findings alike in a member exactly once.
    /// </summary>
    public static IEnumerable<FlowFinding> GroupByLocation(IEnumerable<ClassifiedFlow> flows, int maxNames = 2)
    {
        var findings = new List<FlowFinding>();
        var seen = new Dictionary<(string Data, string Sink, string Member), int>();
        var groups = flows.GroupBy(f => (f.Location, f.Sink.Name))
            .OrderBy(g => g.Key.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Location.SourceSpan.Start);
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(f => f.Source.Location.SourceSpan.Start).ThenBy(f => f.Source.Display, StringComparer.Ordinal).ToList();
            var names = ordered.Select(f => f.SourceDisplay).Distinct(StringComparer.Ordinal).ToList();
            var text = string.Join(" and ", names.Take(maxNames));
            if (names.Count > maxNames)
            {
                text += " and " + (names.Count - maxNames) + " more";
            }

            var first = ordered[0];
            var key = (string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal)), SinkFingerprint(first), ContainingMember.Of(first.Location, CancellationToken.None));
            seen.TryGetValue(key, out var occurrence);
            seen[key] = occurrence + 1;
            findings.Add(new FlowFinding(first, text, key.Item1, key.Item2, key.Item3, occurrence));
        }

        return findings;
    }

    // `vendor: OverDriveClient.SendAsync -> OverDrive through Send(string)`; an undeclared vendor's sink name already
    // says the host it goes to.
    private static string SinkFingerprint(ClassifiedFlow flow)
    {
        var kind = flow.Sink.Kind switch
        {
            SinkKind.Log => "log",
            SinkKind.Vendor => "vendor",
            SinkKind.Storage => "storage",
            _ => "member",
        };
        return kind + ": " + flow.Sink.Name + (flow.Sink.Target is { } target ? " -> " + target : string.Empty) + flow.PathDisplay;
    }
}

/// <summary>One reported finding of a flow rule: its first flow, the sources to name, and its baseline fingerprint.</summary>
internal sealed class FlowFinding(ClassifiedFlow first, string sources, string data, string sink, string member, int occurrence)
{
    public ClassifiedFlow First { get; } = first;

    /// <summary>The sources for the message: <c>Patron.Email (PersonalData) and 2 more</c>.</summary>
    public string Sources { get; } = sources;

    /// <summary><paramref name="properties"/> with the fingerprint parts that <see cref="FindingFingerprint.From"/> reads.</summary>
    public ImmutableDictionary<string, string?> WithFingerprint(ImmutableDictionary<string, string?>? properties = null) =>
        (properties ?? ImmutableDictionary<string, string?>.Empty)
            .SetItem(DiagnosticPropertyNames.FingerprintData, data)
            .SetItem(DiagnosticPropertyNames.FingerprintSink, sink)
            .SetItem(DiagnosticPropertyNames.FingerprintMember, member)
            .SetItem(DiagnosticPropertyNames.FingerprintOccurrence, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
