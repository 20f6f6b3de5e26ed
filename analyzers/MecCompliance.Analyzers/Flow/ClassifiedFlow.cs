using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// Classified data that may reach a sink: what the data is, where it goes, where the value enters (in the method that
/// holds the source, or the caller's argument when the sink is inside a callee), and the methods it travels through.
/// This is the engine's product: rules and the CLI judge it through <see cref="FlowJudgement"/>, never through the
/// engine's labels or operations.
/// </summary>
/// <remarks>
/// Two flows are equal when the same data enters the same sink at the same location, whatever path it took: the
/// engine keeps one of them.
/// </remarks>
internal sealed class ClassifiedFlow : IEquatable<ClassifiedFlow>
{
    private readonly SourceLabel _source;
    private readonly SinkEvent _sink;

    internal ClassifiedFlow(SourceLabel source, SinkEvent sink, Location location, ImmutableArray<IMethodSymbol> path)
    {
        _source = source;
        _sink = sink;
        Location = location;
        Path = path;
    }

    /// <summary>How a developer names the data: <c>Patron.Email</c>, <c>parameter 'email'</c>, <c>Patron object</c>.</summary>
    public string Data => _source.Display;

    /// <summary>Where the classified data is read (the member access, the parameter reference).</summary>
    public Location DataLocation => _source.Location;

    /// <summary>The classes the data carries, whether or not the sink lets them through.</summary>
    public DataClass CarriedClasses => _source.Classes;

    /// <summary>The classes that actually leave: the carried classes minus those the sink sanctions.</summary>
    public DataClass Classes => _source.Classes & ~_sink.Sanctioned;

    /// <summary>Classes the sink lets through redacted (a classified <c>[LoggerMessage]</c> parameter).</summary>
    public DataClass SanctionedClasses => _sink.Sanctioned & _source.Classes;

    /// <summary>The data is a whole object of a type that holds classified members (not one member of it).</summary>
    public bool IsWholeObject => _source.IsWholeObject;

    /// <summary>
    /// For a whole object whose type declares its own <c>ToString</c>: that method. Text made from the object is judged
    /// by what the method returns (a flow of its own).
    /// </summary>
    public IMethodSymbol? FormatsThrough => _source.IsWholeObject ? _source.FormatsThrough : null;

    /// <summary>Log, vendor, storage or an unclassified member: which rule judges the flow.</summary>
    public SinkKind SinkKind => _sink.Sink.Kind;

    /// <summary>What the developer called or assigned: <c>ILogger.LogInformation</c>, <c>Note.Text</c>.</summary>
    public string SinkName => _sink.Sink.Name;

    /// <summary>The declared vendor or storage sink the data goes to; <see langword="null"/> when none is declared.</summary>
    public string? Target => _sink.Sink.Target;

    /// <summary>
    /// For a vendor send that no declaration owns: the host of a literal absolute URI in the send, so the destination can
    /// be named (<c>api.readingstats.example</c>); otherwise <see langword="null"/>.
    /// </summary>
    public string? Host => SinkKind == SinkKind.Vendor ? HostIn(_sink.SinkOperation) : null;

    /// <summary>For <see cref="SinkKind.UnclassifiedMember"/>: the field or property that would hold the value.</summary>
    public ISymbol? UnclassifiedMember => _sink.Sink.Member;

    /// <summary>Where the finding belongs: the value entering the sink, or the caller's argument.</summary>
    public Location Location { get; }

    /// <summary>The sink call or assignment, possibly in another method.</summary>
    /// <remarks><see cref="Location.None"/> when the sink is inside a referenced assembly (known from its flow summary).</remarks>
    public Location SinkLocation => _sink.SinkOperation?.Syntax.GetLocation() ?? Location.None;

    /// <summary>Methods the value passes through between source and sink, outermost first; empty within one method.</summary>
    public ImmutableArray<IMethodSymbol> Path { get; }

    public bool IsInterprocedural => !Path.IsDefaultOrEmpty;

    /// <summary><c>Patron.Email (PersonalData)</c>.</summary>
    public string SourceDisplay => Data + " (" + Classes.ToDisplayString() + ")";

    /// <summary><c> through Audit(string)</c>, or empty.</summary>
    public string PathDisplay => FlowDisplay.Path(Path);

    /// <summary><c>ILogger.LogInformation</c>, or <c>OverDriveClient.SendAsync (OverDrive)</c> for a declared destination.</summary>
    public string SinkDisplay => _sink.Sink.ToString();

    /// <summary>Locations that help to act on the finding: the source and the sink, when they are elsewhere.</summary>
    public IEnumerable<Location> AdditionalLocations()
    {
        if (_source.Location.IsInSource && !Encloses(Location, _source.Location))
        {
            yield return _source.Location;
        }

        var sink = SinkLocation;
        if (IsInterprocedural && sink.IsInSource && !Encloses(sink, Location))
        {
            yield return sink;
        }
    }

    /// <summary>Whether <paramref name="other"/> enters the same sink at the same location (one finding, one row of a report).</summary>
    public bool SameSinkAndLocation(ClassifiedFlow other) => Location == other.Location && _sink.Sink.Equals(other._sink.Sink);

    public bool Equals(ClassifiedFlow? other) =>
        other is not null && ReferenceEquals(_sink, other._sink) && _source.Equals(other._source) && Location == other.Location;

    public override bool Equals(object? obj) => Equals(obj as ClassifiedFlow);

    public override int GetHashCode() => (Location.GetHashCode() * 397) ^ _source.GetHashCode();

    private static bool Encloses(Location outer, Location inner) =>
        outer.SourceTree == inner.SourceTree && outer.SourceSpan.Contains(inner.SourceSpan);

    private static string? HostIn(IOperation? send)
    {
        if (send is null)
        {
            return null;
        }

        foreach (var operation in send.DescendantsAndSelf())
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text } &&
                Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" && uri.Host.Length > 0)
            {
                return uri.Host;
            }
        }

        return null;
    }

    /// <summary>
    /// One finding per reported location and sink, so a value carrying several sources is one finding naming them all
    /// (at most <paramref name="maxNames"/>), with its baseline fingerprint: the flows given are one rule's findings of one
    /// method (or of the compilation's end), so the occurrence index counts findings alike in a member exactly once.
    /// </summary>
    public static IEnumerable<FlowFinding> GroupByLocation(IEnumerable<ClassifiedFlow> flows, int maxNames = 2)
    {
        var findings = new List<FlowFinding>();
        var seen = new Dictionary<(string Data, string Sink, string Member), int>();
        var groups = flows.GroupBy(f => (f.Location, f.SinkName))
            .OrderBy(g => g.Key.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Location.SourceSpan.Start);
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(f => f.DataLocation.SourceSpan.Start).ThenBy(f => f.Data, StringComparer.Ordinal).ToList();
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
            findings.Add(new FlowFinding(first, ordered, text, key.Item1, key.Item2, key.Item3, occurrence));
        }

        return findings;
    }

    // `vendor: OverDriveClient.SendAsync -> OverDrive through Send(string)`; an undeclared vendor's sink name already
    // says the host it goes to.
    private static string SinkFingerprint(ClassifiedFlow flow)
    {
        var kind = flow.SinkKind switch
        {
            SinkKind.Log => "log",
            SinkKind.Vendor => "vendor",
            SinkKind.Storage => "storage",
            _ => "member",
        };
        return kind + ": " + flow.SinkName + (flow.Target is { } target ? " -> " + target : string.Empty) + flow.PathDisplay;
    }
}

/// <summary>One reported finding of a flow rule: its first flow, the sources to name, and its baseline fingerprint.</summary>
internal sealed class FlowFinding(ClassifiedFlow first, IReadOnlyList<ClassifiedFlow> flows, string sources, string data, string sink, string member, int occurrence)
{
    public ClassifiedFlow First { get; } = first;

    /// <summary>Every flow the finding stands for (same location and sink), the first one first.</summary>
    public IReadOnlyList<ClassifiedFlow> Flows { get; } = flows;

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
