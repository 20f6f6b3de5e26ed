using System.Text;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>A Mermaid flowchart of the data map, for Markdown viewers that draw Mermaid (GitHub, VS Code, Azure DevOps).</summary>
internal static class MermaidDiagram
{
    public static string Render(DataMap map)
    {
        var graph = DataMapGraph.From(map);
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        foreach (var node in graph.Classes.Concat(graph.Targets).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var label = node.Label.Replace("\"", "#quot;", StringComparison.Ordinal);
            text.Append("    ").Append(node.Id).AppendLine(node.Shape switch
            {
                NodeShape.Class => $"([{label}])",
                NodeShape.Sink => $"[(\"{label}\")]",
                _ => $"[\"{label}\"]",
            });
        }

        var violations = new List<int>();
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var arrow = edge.Kind == EdgeKind.Unused ? "-.->" : "-->";
            text.Append("    ").Append(edge.From).Append(' ').Append(arrow).Append("|\"").Append(edge.Label).Append("\"| ").AppendLine(edge.To);
            if (edge.Kind == EdgeKind.Violation)
            {
                violations.Add(i);
            }
        }

        if (violations.Count > 0)
        {
            text.Append("    linkStyle ").Append(string.Join(",", violations)).AppendLine(" stroke:#d00,stroke-width:2px,color:#d00");
        }

        return text.ToString();
    }
}
