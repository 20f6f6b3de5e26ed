using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>The data map as a graph: classes on one side, the logs, vendors and sinks they reach on the other.</summary>
internal sealed record DataMapGraph(IReadOnlyList<GraphNode> Classes, IReadOnlyList<GraphNode> Targets, IReadOnlyList<GraphEdge> Edges)
{
    public static DataMapGraph From(DataMap map)
    {
        var classes = new SortedDictionary<string, GraphNode>(StringComparer.Ordinal);
        var targets = new SortedDictionary<string, GraphNode>(StringComparer.Ordinal);
        var edges = new List<GraphEdge>();

        foreach (var flow in map.Flows)
        {
            var target = TargetOf(flow);
            targets[target.Id] = target;
            foreach (var dataClass in flow.Classes)
            {
                var node = ClassNode(dataClass);
                classes[node.Id] = node;
                var label = flow.Verdict switch
                {
                    Verdict.Violation => flow.RuleId ?? "violation",
                    Verdict.Approved => flow.Contract ?? "approved",
                    _ => flow.Detail.StartsWith("redacted", StringComparison.Ordinal) ? "redacted" : "allowed",
                };
                edges.Add(new GraphEdge(node.Id, target.Id, label, flow.Verdict == Verdict.Violation ? EdgeKind.Violation : flow.Verdict == Verdict.Approved ? EdgeKind.Approved : EdgeKind.Allowed));
            }
        }

        foreach (var unused in map.UnusedApprovals)
        {
            var target = PartyNode(unused.Kind, unused.Name);
            targets.TryAdd(target.Id, target);
            var node = ClassNode(unused.Class);
            classes[node.Id] = node;
            edges.Add(new GraphEdge(node.Id, target.Id, "approved, unused", EdgeKind.Unused));
        }

        return new DataMapGraph(classes.Values.ToList(), targets.Values.ToList(), edges.Distinct().ToList());
    }

    private static GraphNode ClassNode(string dataClass) => new("class_" + dataClass, dataClass, NodeShape.Class);

    private static GraphNode TargetOf(DataFlow flow) => flow.Kind switch
    {
        SinkKind.Log => new GraphNode("logs", "Logs", NodeShape.Log),
        SinkKind.UnclassifiedMember => new GraphNode("unclassified", "Unclassified members", NodeShape.Log),
        SinkKind.Vendor => PartyNode(PartyKind.Vendor, flow.Sink),
        _ => PartyNode(PartyKind.Sink, flow.Sink),
    };

    private static GraphNode PartyNode(PartyKind kind, string name) => kind == PartyKind.Vendor
        ? new GraphNode("vendor_" + Identifier(name), "vendor: " + name, NodeShape.Vendor)
        : new GraphNode("sink_" + Identifier(name), "sink: " + name, NodeShape.Sink);

    private static string Identifier(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}

internal sealed record GraphNode(string Id, string Label, NodeShape Shape);

internal sealed record GraphEdge(string From, string To, string Label, EdgeKind Kind);

internal enum NodeShape
{
    Class,
    Log,
    Vendor,
    Sink,
}

internal enum EdgeKind
{
    Approved,
    Allowed,
    Violation,
    Unused,
}
