using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Exports;

/// <summary>
/// A place classified data goes to, as the standard exports describe it: a declared vendor or sink (used or not), an
/// undeclared vendor or unapproved storage a flow reaches, or a log. Copies into unclassified members (MEC006) stay
/// inside the application and are no destination.
/// </summary>
internal sealed record DataDestination(SinkKind Kind, string Name, DeclaredParty? Declaration, IReadOnlyList<DataFlow> Flows)
{
    /// <summary>A stable identifier, unique in one data map: <c>vendor:OverDrive</c>, <c>sink:PatronDb</c>, <c>log:ILogger.LogInformation</c>.</summary>
    public string Id => $"{KindName}:{Name}";

    public string KindName => Kind switch
    {
        SinkKind.Vendor => "vendor",
        SinkKind.Storage => "sink",
        _ => "log",
    };

    /// <summary>The classes that reach it, strictest first.</summary>
    public IReadOnlyList<string> Classes => DataClasses.Ordered(Flows.SelectMany(f => f.Classes));

    /// <summary>The policy's verdict on what reaches it: the worst of its flows; null when nothing does.</summary>
    public Verdict? Verdict => Flows.Count == 0 ? null : Flows.Max(f => f.Verdict);

    public static IReadOnlyList<DataDestination> Of(DataMap map)
    {
        var destinations = new List<DataDestination>();
        var flows = map.Flows.Where(f => f.Kind != SinkKind.UnclassifiedMember).ToList();
        foreach (var party in map.Parties)
        {
            var kind = party.Kind == PartyKind.Vendor ? SinkKind.Vendor : SinkKind.Storage;
            destinations.Add(new DataDestination(kind, party.Name, party, flows.Where(f => IsTo(f, kind, party.Name)).ToList()));
        }

        // What flows reach without a declaration: the data map names them by host or API ("api.example (undeclared)").
        foreach (var group in flows.Where(f => !destinations.Any(d => IsTo(f, d.Kind, d.Name))).GroupBy(f => (f.Kind, f.Sink)))
        {
            destinations.Add(new DataDestination(group.Key.Kind, group.Key.Sink, null, group.ToList()));
        }

        return destinations.OrderBy(d => d.Kind switch { SinkKind.Vendor => 0, SinkKind.Storage => 1, _ => 2 }).ThenBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    // Vendor and sink names compare ignoring case, as the analyzers compare them.
    private static bool IsTo(DataFlow flow, SinkKind kind, string name) => flow.Kind == kind && string.Equals(flow.Sink, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The classes of the data map in one order everywhere: strictest first, then other taxonomies' by name.</summary>
internal static class DataClasses
{
    public static IReadOnlyList<string> Ordered(IEnumerable<string> classes) =>
        classes.Distinct(StringComparer.Ordinal).OrderBy(Rank).ThenBy(c => c, StringComparer.Ordinal).ToList();

    private static int Rank(string dataClass) => dataClass switch
    {
        "PatronRecord" => 0,
        "PersonalData" => 1,
        "OrganizationalData" => 2,
        _ => 3,
    };
}
