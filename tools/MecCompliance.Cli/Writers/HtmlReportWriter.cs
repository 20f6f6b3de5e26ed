using System.Net;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>
/// A single self-contained page for people who do not read Markdown: the data map drawn as inline SVG (with its
/// Mermaid source for pages that draw Mermaid), then the evidence tables. The page runs no script and fetches nothing.
/// </summary>
internal static class HtmlReportWriter
{
    public static void Write(DataMap map, TextWriter w)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\" />");
        w.WriteLine($"<title>MecCompliance report: {E(Path.GetFileName(map.Target))}</title>");
        w.WriteLine("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}" +
                    "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}" +
                    ".violation{color:#b00;font-weight:600}.approved{color:#060}.verdict{font-size:1.2rem;padding:.5rem 1rem;border-radius:4px}" +
                    ".fail{background:#fde8e8}.pass{background:#e6f4ea}code{font-size:.9em;word-break:break-all}pre.mermaid{background:#fafafa;padding:1rem}</style>");
        w.WriteLine("</head><body>");
        w.WriteLine($"<h1>MecCompliance report: {E(Path.GetFileName(map.Target))}</h1>");
        w.WriteLine($"<p>Projects: {E(string.Join(", ", map.Projects))} · {map.ClassifiedMembers.Count} classified members · {map.Flows.Count} flows of classified data</p>");
        w.WriteLine($"<p class=\"verdict {(map.HasViolations ? "fail" : "pass")}\">Verdict: {E(map.VerdictText)}</p>");

        w.WriteLine("<h2>Data map</h2>");
        w.WriteLine(SvgDiagram.Render(map));
        w.WriteLine($"<details><summary>Mermaid source</summary><pre class=\"mermaid\">{E(MermaidDiagram.Render(map))}</pre></details>");

        w.WriteLine("<h2>Findings</h2>");
        Table(w, ["Rule", "Severity", "Where", "Message"], map.Findings.Select(f => new[]
        {
            $"<a href=\"{E(f.HelpUri)}\">{E(f.RuleId)}</a>", E(f.Severity.ToString().ToLowerInvariant() + (f.Baselined ? " (baselined)" : "")), $"<code>{E(f.Location.ToString())}</code>", E(f.Message),
        }));

        w.WriteLine("<h2>Flows of classified data</h2>");
        Table(w, ["Data", "Class", "To", "Verdict", "Approved by / rule", "Where"], map.Flows.Select(f => new[]
        {
            E(f.Data), E(string.Join(", ", f.Classes)), E($"{MarkdownReportWriter.KindName(f.Kind)}: {f.Sink}"),
            f.Verdict == Verdict.Violation ? "<span class=\"violation\">violation</span>" : $"<span class=\"approved\">{E(f.Verdict.ToString().ToLowerInvariant())}</span>",
            E(f.Verdict == Verdict.Approved ? $"{f.Declaration}{(f.Contract is null ? "" : $", contract {f.Contract}")}" : f.RuleId ?? f.Detail),
            $"<code>{E(f.Location.ToString())}</code>",
        }));

        w.WriteLine("<h2>Vendors and sinks</h2>");
        Table(w, ["Declared", "Approved for", "Receives", "Contract", "Hosts"], map.Parties.Select(p => new[]
        {
            $"<code>{E(p.Declaration)}</code>", E(string.Join(", ", p.Allowed)), E(string.Join(", ", p.Received)), E(p.Contract ?? "—"), E(string.Join(", ", p.Hosts)),
        }));

        w.WriteLine("<h2>Approvals no code uses</h2>");
        Table(w, ["Declared", "Class", "Contract"], map.UnusedApprovals.Select(u => new[]
        {
            $"<code>{E(u.Kind == PartyKind.Vendor ? $"ApprovedVendor(\"{u.Name}\")" : $"ApprovedSink(\"{u.Name}\")")}</code>", E(u.Class), E(u.Contract ?? "—"),
        }));

        w.WriteLine("<h2>Data-subject requests</h2>");
        Table(w, ["Sink", "Approved for", "Holds", "Erasers", "Correctors", "Backup retention", "Missing"], map.DataSubjectRequests.Select(s => new[]
        {
            $"<code>{E(s.Sink)}</code>", E(string.Join(", ", s.Declared)), E(string.Join(", ", s.Observed)), Methods(s.Erasers), Methods(s.Correctors),
            E(s.BackupRetentionDays is { } days ? $"{days} days" : "not declared"),
            s.Missing.Count == 0 ? "nothing" : string.Join("<br />", s.Missing.Select(m => $"<span class=\"violation\">{E(m)}</span>")),
        }));

        w.WriteLine("<h2>Classified members</h2>");
        Table(w, ["Member", "Kind", "Classes", "Where"], map.ClassifiedMembers.Select(m => new[]
        {
            $"<code>{E(m.Name)}</code>", E(m.Kind), E(string.Join(", ", m.Classes)), $"<code>{E(m.Location.ToString())}</code>",
        }));
        w.WriteLine("</body></html>");
    }

    private static string Methods(IReadOnlyList<DataSubjectMethod> methods) =>
        methods.Count == 0
            ? "—"
            : string.Join("<br />", methods.Select(m => $"<code>{E(m.Method)}</code> " + (m.Location is null ? E($"({m.Assembly})") : $"<code>{E(m.Location.ToString())}</code>") +
                                                        (m.ReachesSink ? "" : " <span class=\"violation\">MEC008</span>")));

    private static void Table(TextWriter w, string[] headers, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            w.WriteLine("<p>None.</p>");
            return;
        }

        w.WriteLine("<table><thead><tr>" + string.Concat(headers.Select(h => $"<th>{E(h)}</th>")) + "</tr></thead><tbody>");
        foreach (var row in list)
        {
            w.WriteLine("<tr>" + string.Concat(row.Select(c => $"<td>{c}</td>")) + "</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
