using System.Globalization;
using System.Net;
using System.Text;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>
/// The data map drawn as inline SVG for the HTML report, so the page shows the diagram with no script and no network:
/// classes in the left column, logs, vendors and sinks in the right one, one line per (class, target, verdict).
/// </summary>
internal static class SvgDiagram
{
    private const int RowHeight = 64;
    private const int NodeHeight = 34;
    private const int LeftX = 20;
    private const int LeftWidth = 170;
    private const int RightX = 520;
    private const int RightWidth = 260;
    private const int Width = RightX + RightWidth + 20;

    public static string Render(DataMap map)
    {
        var graph = DataMapGraph.From(map);
        var rows = Math.Max(Math.Max(graph.Classes.Count, graph.Targets.Count), 1);
        var height = rows * RowHeight + 20;
        var left = Place(graph.Classes, rows);
        var right = Place(graph.Targets, rows);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Data map\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"system-ui,sans-serif\" font-size=\"13\">");
        // Lines leave and enter a node at spread points, and labels sit near the target, so neither lines nor labels stack.
        var outgoing = Ports(graph.Edges, e => e.From);
        var incoming = Ports(graph.Edges, e => e.To);
        foreach (var edge in graph.Edges)
        {
            var y1 = left[edge.From] + outgoing[edge];
            var y2 = right[edge.To] + incoming[edge];
            var (color, dash) = edge.Kind switch
            {
                EdgeKind.Violation => ("#c00", ""),
                EdgeKind.Approved => ("#080", ""),
                EdgeKind.Unused => ("#999", " stroke-dasharray=\"6 4\""),
                _ => ("#666", ""),
            };
            const int x1 = LeftX + LeftWidth;
            const int x2 = RightX;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1:0.#}\" x2=\"{x2}\" y2=\"{y2:0.#}\" stroke=\"{color}\" stroke-width=\"{(edge.Kind == EdgeKind.Violation ? 2.5 : 1.5)}\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x2 - 8}\" y=\"{y2 - 3:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"{color}\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"4\">{E(edge.Label)}</text>");
        }

        foreach (var node in graph.Classes)
        {
            Node(svg, node, LeftX, left[node.Id], LeftWidth);
        }

        foreach (var node in graph.Targets)
        {
            Node(svg, node, RightX, right[node.Id], RightWidth);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static Dictionary<GraphEdge, double> Ports(IReadOnlyList<GraphEdge> edges, Func<GraphEdge, string> node)
    {
        var ports = new Dictionary<GraphEdge, double>();
        foreach (var group in edges.GroupBy(node))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                ports[list[i]] = (i + 1) * (double)NodeHeight / (list.Count + 1);
            }
        }

        return ports;
    }

    private static Dictionary<string, int> Place(IReadOnlyList<GraphNode> nodes, int rows)
    {
        // Centre the shorter column against the longer one.
        var offset = (rows - nodes.Count) * RowHeight / 2 + 10;
        return nodes.Select((n, i) => (n.Id, Y: offset + i * RowHeight)).ToDictionary(p => p.Id, p => p.Y);
    }

    private static void Node(StringBuilder svg, GraphNode node, int x, int y, int width)
    {
        var (fill, radius) = node.Shape switch
        {
            NodeShape.Class => ("#eef3ff", 17),
            NodeShape.Sink => ("#f3f0ff", 4),
            NodeShape.Vendor => ("#fff7e6", 4),
            _ => ("#f4f4f4", 4),
        };
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{NodeHeight}\" rx=\"{radius}\" fill=\"{fill}\" stroke=\"#556\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + width / 2}\" y=\"{y + NodeHeight / 2 + 5}\" text-anchor=\"middle\">{E(node.Label)}</text>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
