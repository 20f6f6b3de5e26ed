using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>The report for people: a verdict, the data map diagram, then the evidence tables.</summary>
internal static class MarkdownReportWriter
{
    public static void Write(DataMap map, TextWriter w)
    {
        w.WriteLine($"# MecCompliance report: {Path.GetFileName(map.Target)}");
        w.WriteLine();
        w.WriteLine($"Projects: {string.Join(", ", map.Projects)} · {map.ClassifiedMembers.Count} classified members · " +
                    $"{map.Flows.Count} flows of classified data ({Count(map, Verdict.Approved)} approved, {Count(map, Verdict.Allowed)} allowed, {Count(map, Verdict.Violation)} violations)");
        w.WriteLine();
        w.WriteLine($"**Verdict:** {map.VerdictText}");
        w.WriteLine();

        w.WriteLine("## Data map");
        w.WriteLine();
        w.WriteLine("```mermaid");
        w.Write(MermaidDiagram.Render(map));
        w.WriteLine("```");
        w.WriteLine();

        w.WriteLine("## Findings");
        w.WriteLine();
        var open = map.OpenFindings.ToList();
        if (open.Count == 0)
        {
            w.WriteLine("None.");
        }
        else
        {
            w.WriteLine("| Rule | Severity | Where | Message |");
            w.WriteLine("|---|---|---|---|");
            foreach (var finding in open)
            {
                w.WriteLine($"| [{finding.RuleId}]({finding.HelpUri}) | {finding.Severity.ToString().ToLowerInvariant()} | `{finding.Location}` | {Cell(finding.Message)} |");
            }
        }

        WriteBaselined(map, w);

        w.WriteLine();
        w.WriteLine("## Flows of classified data");
        w.WriteLine();
        if (map.Flows.Count == 0)
        {
            w.WriteLine("None found.");
        }
        else
        {
            w.WriteLine("| Data | Class | To | Verdict | Approved by / rule | Where |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var flow in map.Flows)
            {
                var basis = flow.Verdict switch
                {
                    Verdict.Approved => $"`{flow.Declaration}`" + (flow.Contract is null ? "" : $", contract {flow.Contract}"),
                    Verdict.Violation => flow.RuleId ?? "",
                    _ => flow.Detail,
                };
                w.WriteLine($"| {Cell(flow.Data)} | {string.Join(", ", flow.Classes)} | {KindName(flow.Kind)}: {Cell(flow.Sink)} | {VerdictName(flow.Verdict)} | {basis} | `{flow.Location}` |");
            }
        }

        w.WriteLine();
        w.WriteLine("## Vendors and sinks");
        w.WriteLine();
        if (map.Parties.Count == 0)
        {
            w.WriteLine("No `ApprovedVendor` or `ApprovedSink` declaration is visible from these projects.");
        }
        else
        {
            w.WriteLine("| Declared | Approved for | Receives | Contract | Hosts | Declared in |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var party in map.Parties)
            {
                var invalid = party.Problems.Count == 0 ? "" : " (invalid: MEC004)";
                w.WriteLine($"| `{party.Declaration}`{invalid} | {List(party.Allowed)} | {List(party.Received)} | {party.Contract ?? "—"} | {List(party.Hosts)} | " +
                            (party.Location is null ? party.DeclaredIn : $"`{party.Location}`") + " |");
            }
        }

        w.WriteLine();
        w.WriteLine("## Approvals no code uses");
        w.WriteLine();
        var unused = map.UnusedApprovals.ToList();
        if (unused.Count == 0)
        {
            w.WriteLine("None: every approval is used.");
        }

        foreach (var group in unused.GroupBy(u => (u.Kind, u.Name)))
        {
            var first = group.First();
            var declaration = first.Kind == PartyKind.Vendor ? $"ApprovedVendor(\"{first.Name}\")" : $"ApprovedSink(\"{first.Name}\")";
            var contract = first.Contract is null ? "" : $" (contract {first.Contract})";
            w.WriteLine(first.PartyUnused
                ? $"- `{declaration}`{contract}: no code sends anything to it; approved for {string.Join(", ", group.Select(u => u.Class))}."
                : $"- `{declaration}`{contract}: approved for {string.Join(", ", group.Select(u => u.Class))}, which no code {(first.Kind == PartyKind.Vendor ? "sends to it" : "stores in it")}.");
        }

        w.WriteLine();
        WriteDataSubjectRequests(map, w);

        w.WriteLine();
        w.WriteLine("## Classified members");
        foreach (var group in map.ClassifiedMembers.GroupBy(m => m.Classes.FirstOrDefault() ?? "").OrderBy(g => Rank(g.Key)))
        {
            w.WriteLine();
            w.WriteLine($"### {group.Key} ({group.Count()})");
            w.WriteLine();
            foreach (var member in group)
            {
                var also = member.Classes.Count > 1 ? $", also {string.Join(", ", member.Classes.Skip(1))}" : "";
                w.WriteLine($"- `{member.Name}` ({member.Kind}{also}) — `{member.Location}`");
            }
        }
    }

    private static void WriteDataSubjectRequests(DataMap map, TextWriter w)
    {
        w.WriteLine("## Data-subject requests");
        w.WriteLine();
        if (map.DataSubjectRequests.Count == 0)
        {
            w.WriteLine("No `ApprovedSink` declaration is visible from these projects.");
            return;
        }

        w.WriteLine("How each sink serves a member's request to correct or delete their data (the policy's \"Updating or Removing Information\").");
        w.WriteLine();
        w.WriteLine("| Sink | Approved for | Holds | Erasers | Correctors | Backup retention | Missing |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var sink in map.DataSubjectRequests)
        {
            var retention = sink.BackupRetentionDays is { } days ? $"{days} days" : "not declared";
            var missing = sink.Missing.Count == 0 ? "nothing" : Cell(string.Join("; ", sink.Missing));
            w.WriteLine($"| `{sink.Sink}` | {List(sink.Declared)} | {List(sink.Observed)} | {Methods(sink.Erasers)} | {Methods(sink.Correctors)} | {retention} | {missing} |");
        }
    }

    private static string Methods(IReadOnlyList<DataSubjectMethod> methods) =>
        methods.Count == 0
            ? "—"
            : string.Join(", ", methods.Select(m => $"`{m.Method}` " + (m.Location is null ? $"({m.Assembly})" : $"(`{m.Location}`)") + (m.ReachesSink ? "" : " **MEC008**")));

    private static int Count(DataMap map, Verdict verdict) => map.Flows.Count(f => f.Verdict == verdict);

    private static int Rank(string dataClass) => dataClass switch
    {
        "PatronRecord" => 0,
        "PersonalData" => 1,
        "OrganizationalData" => 2,
        _ => 3,
    };

    internal static string KindName(SinkKind kind) => kind switch
    {
        SinkKind.Log => "log",
        SinkKind.Vendor => "vendor",
        SinkKind.Storage => "storage",
        _ => "unclassified member",
    };

    internal static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Approved => "approved",
        Verdict.Allowed => "allowed",
        _ => "**violation**",
    };

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "—" : string.Join(", ", items);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // Baselined findings apart, with their justification: what is accepted for now, and what is left to burn down.
    private static void WriteBaselined(DataMap map, TextWriter w)
    {
        if (map.Baseline is not { } baseline)
        {
            return;
        }

        var baselined = map.BaselinedFindings.ToList();
        w.WriteLine();
        w.WriteLine($"## Baselined findings ({baselined.Count})");
        w.WriteLine();
        w.WriteLine($"Accepted in `{Path.GetFileName(baseline.File)}` ({baseline.Entries} entries): the build reports them as suppressed. " +
                    (baseline.Stale.Count == 0 ? "No entry is stale." : $"{baseline.Stale.Count} entr(ies) match no finding any more: remove them (`mec baseline --check` lists them)."));
        if (baselined.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("| Rule | Where | Message | Justification |");
            w.WriteLine("|---|---|---|---|");
            foreach (var finding in baselined)
            {
                w.WriteLine($"| [{finding.RuleId}]({finding.HelpUri}) | `{finding.Location}` | {Cell(finding.Message)} | {Cell(finding.Justification ?? "(none yet)")} |");
            }
        }
    }
}
