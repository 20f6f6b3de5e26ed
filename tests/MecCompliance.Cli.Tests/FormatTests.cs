using System.Text.Json;
using System.Xml.Linq;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Tests;

/// <summary>Each format of the Violations sample's report parses, and carries the same evidence.</summary>
[Collection(ViolationsSampleCollection.Name)]
public sealed class FormatTests(ViolationsSampleReport report)
{
    [Fact]
    public void Json_parses_and_carries_flows_with_verdicts_and_contracts()
    {
        using var json = JsonDocument.Parse(Render(ReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal("mec", root.GetProperty("tool").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal((report.Map.Flows.Count, 4, 6, 1), (summary.GetProperty("flows").GetInt32(), summary.GetProperty("violatingFlows").GetInt32(), summary.GetProperty("violations").GetInt32(), summary.GetProperty("exitCode").GetInt32()));
        var overDrive = root.GetProperty("flows").EnumerateArray().Single(f => f.GetProperty("sink").GetString() == "OverDrive");
        Assert.Equal("approved", overDrive.GetProperty("verdict").GetString());
        Assert.Equal("vendor", overDrive.GetProperty("kind").GetString());
        Assert.Equal("MEC-2023-007", overDrive.GetProperty("contract").GetString());
        Assert.Equal("CirculationDesk.cs", overDrive.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal("Libby", root.GetProperty("unusedApprovals")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Sarif_has_the_2_1_0_shape_with_every_rule_and_help_links()
    {
        using var sarif = JsonDocument.Parse(Render(ReportFormat.Sarif));
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("MecCompliance", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["MEC001", "MEC002", "MEC003", "MEC004", "MEC005", "MEC006", "MEC007", "MEC008", "MEC009"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, r => Assert.EndsWith($"docs/rules/{r.GetProperty("id").GetString()}.md", r.GetProperty("helpUri").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var reachingMarks = report.Map.DataSubjectRequests.SelectMany(s => s.Erasers.Concat(s.Correctors)).Count(m => m.Location is not null && m.ReachesSink);
        Assert.Equal(report.Map.Findings.Count + report.Map.Flows.Count(f => f.Verdict != Report.Verdict.Violation) + reachingMarks, results.Count);
        var pass = results.First(r => r.TryGetProperty("kind", out var kind) && kind.GetString() == "pass");
        var location = pass.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
        Assert.StartsWith("file://", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
    }

    [Fact]
    public void Markdown_has_a_mermaid_data_map_with_the_contract_on_the_approved_edge()
    {
        var markdown = Render(ReportFormat.Markdown);

        Assert.Contains("```mermaid\nflowchart LR\n", markdown.ReplaceLineEndings("\n"));
        Assert.Contains("class_PatronRecord -->|\"MEC-2023-007\"| vendor_OverDrive", markdown);
        Assert.Contains("class_PatronRecord -.->|\"approved, unused\"| vendor_Libby", markdown);
        Assert.Contains("| Patron.CardNumber | PatronRecord | vendor: OverDrive | approved | `ApprovedVendor(\"OverDrive\")`, contract MEC-2023-007 | `CirculationDesk.cs:9` |", markdown);
    }

    [Fact]
    public void Html_is_one_well_formed_page_with_the_data_map_and_escaped_text()
    {
        var html = Render(ReportFormat.Html);

        Assert.StartsWith("<!DOCTYPE html>", html);
        // The page is XHTML-compatible apart from the doctype, so an XML parser proves it is well formed.
        var page = XDocument.Parse(html["<!DOCTYPE html>".Length..]);
        Assert.Contains(page.Descendants("pre"), e => (string?)e.Attribute("class") == "mermaid" && e.Value.Contains("vendor_OverDrive", StringComparison.Ordinal));
        Assert.Contains(page.Descendants("td"), e => e.Value == "ApprovedVendor(\"OverDrive\"), contract MEC-2023-007");

        // The diagram is drawn inline: a node per class and target, a red line per class that reaches a forbidden sink.
        XNamespace svg = "http://www.w3.org/2000/svg";
        var diagram = Assert.Single(page.Descendants(svg + "svg"));
        Assert.Contains(diagram.Descendants(svg + "text"), t => t.Value == "vendor: OverDrive");
        Assert.Contains(diagram.Descendants(svg + "text"), t => t.Value == "PatronRecord");
        var redLines = diagram.Descendants(svg + "line").Count(l => (string?)l.Attribute("stroke") == "#c00");
        Assert.Equal(report.Map.Flows.Where(f => f.Verdict == Report.Verdict.Violation).Sum(f => f.Classes.Count), redLines);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private string Render(ReportFormat format)
    {
        var output = new StringWriter();
        ReportWriters.Write(report.Map, format, output);
        return output.ToString();
    }
}
