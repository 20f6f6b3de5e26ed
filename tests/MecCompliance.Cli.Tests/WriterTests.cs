using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Tests;

/// <summary>Writers on hand-made data maps: the cases the samples do not contain.</summary>
public sealed class WriterTests
{
    private static readonly SourcePoint Here = new("Desk.cs", 3, 5);

    [Fact]
    public void Vendor_names_with_spaces_and_quotes_make_valid_mermaid_ids_and_labels()
    {
        var map = Map(flows: [Flow(SinkKind.Vendor, "Midwest \"Collections\"", Verdict.Approved, contract: "MEC-1")]);

        var mermaid = MermaidDiagram.Render(map);

        Assert.Contains("vendor_Midwest__Collections_[\"vendor: Midwest #quot;Collections#quot;\"]", mermaid);
        Assert.Contains("class_PersonalData -->|\"MEC-1\"| vendor_Midwest__Collections_", mermaid);
    }

    [Fact]
    public void Violation_edges_are_drawn_red_and_approved_edges_are_not()
    {
        var map = Map(flows: [Flow(SinkKind.Vendor, "OverDrive", Verdict.Approved, contract: "MEC-1"), Flow(SinkKind.Log, "ILogger.LogInformation", Verdict.Violation, rule: "MEC001")]);

        var mermaid = MermaidDiagram.Render(map).ReplaceLineEndings("\n").Split('\n');

        var edges = mermaid.Where(l => l.Contains("-->", StringComparison.Ordinal)).ToList();
        Assert.Equal(["    class_PersonalData -->|\"MEC-1\"| vendor_OverDrive", "    class_PersonalData -->|\"MEC001\"| logs"], edges);
        Assert.Contains("    linkStyle 1 stroke:#d00,stroke-width:2px,color:#d00", mermaid);
        Assert.DoesNotContain(mermaid, l => l.StartsWith("    linkStyle 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_cells_escape_pipes_and_line_breaks_of_messages()
    {
        var map = Map(findings: [new Finding("P", "MEC001", FindingSeverity.Error, "t", "a | b\nc", "https://x/MEC001.md", Here)]);

        var markdown = Write(map, ReportFormat.Markdown);

        Assert.Contains("| [MEC001](https://x/MEC001.md) | error | `Desk.cs:3` | a \\| b c |", markdown);
        Assert.Contains("**Verdict:** 1 error(s): 1 flow(s) of classified data break the policy.", markdown);
    }

    [Fact]
    public void Info_findings_are_listed_but_are_no_violations()
    {
        var map = Map(findings: [new Finding("P", "MEC005", FindingSeverity.Info, "t", "looks like personal data", "https://x/MEC005.md", Here)]);

        Assert.False(map.HasViolations);
        Assert.Contains("**Verdict:** compliant", Write(map, ReportFormat.Markdown));
    }

    [Fact]
    public void Html_encodes_source_text()
    {
        var map = Map(flows: [Flow(SinkKind.Log, "<script>alert(1)</script>", Verdict.Violation, rule: "MEC001")]);

        var html = Write(map, ReportFormat.Html);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static DataMap Map(IReadOnlyList<DataFlow>? flows = null, IReadOnlyList<Finding>? findings = null) =>
        new("Sample.csproj", ["Sample"], [], flows ?? [], [], findings ?? []);

    private static DataFlow Flow(SinkKind kind, string sink, Verdict verdict, string? contract = null, string? rule = null) =>
        new("Sample", "Patron.Email", ["PersonalData"], kind, sink, verdict, rule, verdict == Verdict.Approved ? $"ApprovedVendor(\"{sink}\")" : null, contract, "detail", Here);

    private static string Write(DataMap map, ReportFormat format)
    {
        var output = new StringWriter();
        ReportWriters.Write(map, format, output);
        return output.ToString();
    }
}
