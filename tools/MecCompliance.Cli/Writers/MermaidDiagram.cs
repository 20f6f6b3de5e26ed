using System.Text;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>A Mermaid flowchart of the data map: classes on the left, the logs, vendors and sinks they reach on the right.</summary>
internal static class MermaidDiagram
{
    public static string Render(DataMap map)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        var edges = new List<(string From, string To, string Label, bool Violation, bool Unused)>();
        var nodes = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach (var flow in map.Flows)
        {
            var (id, label) = TargetNode(flow);
            nodes[id] = label;
            foreach (var dataClass in flow.Classes)
            {
                nodes["class_" + dataClass] = $"([{dataClass}])";
                var edgeLabel = flow.Verdict switch
                {
                    Verdict.Violation => flow.RuleId ?? "violation",
                    Verdict.Approved => flow.Contract ?? "approved",
                    _ => "allowed",
                };
                edges.Add(("class_" + dataClass, id, edgeLabel, flow.Verdict == Verdict.Violation, false));
            }
        }

        foreach (var unused in map.UnusedApprovals)
        {
            var id = PartyId(unused.Kind, unused.Name);
            nodes.TryAdd(id, PartyLabel(unused.Kind, unused.Name));
            nodes["class_" + unused.Class] = $"([{unused.Class}])";
            edges.Add(("class_" + unused.Class, id, "approved, unused", false, true));
        }

        foreach (var (id, label) in nodes)
        {
            text.Append("    ").Append(id).AppendLine(label);
        }

        var index = 0;
        var violations = new List<int>();
        foreach (var edge in edges.Distinct())
        {
            var arrow = edge.Unused ? "-.->" : "-->";
            text.Append("    ").Append(edge.From).Append(' ').Append(arrow).Append("|\"").Append(edge.Label).Append("\"| ").AppendLine(edge.To);
            if (edge.Violation)
            {
                violations.Add(index);
            }

            index++;
        }

        if (violations.Count > 0)
        {
            text.Append("    linkStyle ").Append(string.Join(",", violations)).AppendLine(" stroke:#d00,stroke-width:2px,color:#d00");
        }

        return text.ToString();
    }

    private static (string Id, string Label) TargetNode(DataFlow flow) => flow.Kind switch
    {
        SinkKind.Log => ("logs", "[\"Logs\"]"),
        SinkKind.UnclassifiedMember => ("unclassified", "[\"Unclassified members\"]"),
        SinkKind.Vendor => (PartyId(PartyKind.Vendor, flow.Sink), PartyLabel(PartyKind.Vendor, flow.Sink)),
        _ => (PartyId(PartyKind.Sink, flow.Sink), PartyLabel(PartyKind.Sink, flow.Sink)),
    };

    private static string PartyId(PartyKind kind, string name) =>
        (kind == PartyKind.Vendor ? "vendor_" : "sink_") + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static string PartyLabel(PartyKind kind, string name) =>
        kind == PartyKind.Vendor ? $"[\"vendor: {Escape(name)}\"]" : $"[(\"sink: {Escape(name)}\")]";

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
