using System.Text.Json;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// <c>mec diff</c> between JSON reports of the Violations sample, before and after a change, run as the command line
/// runs it: the reports are written with the report's own JSON writer, so the diff reads exactly what CI would keep.
/// </summary>
[Collection(ViolationsSampleCollection.Name)]
public sealed class DiffTests(ViolationsSampleReport report)
{
    private DataMap Map => report.Map;

    // The sample without its MEC003 violation: the code as it was before someone wrote card numbers to a CSV file.
    private DataMap WithoutCsvExport => Map with
    {
        Flows = Map.Flows.Where(f => f.RuleId != "MEC003").ToList(),
        Findings = Map.Findings.Where(f => f.RuleId != "MEC003").ToList(),
    };

    [Fact]
    public async Task Adding_one_violation_lists_exactly_it_and_exits_with_1()
    {
        var (exitCode, stdout, stderr) = await DiffAsync(WithoutCsvExport, Map, "--format", "json");

        Assert.Equal(MecCommand.ViolationsFound, exitCode);
        using var diff = JsonDocument.Parse(stdout);
        var root = diff.RootElement;
        var violation = Assert.Single(root.GetProperty("newViolations").EnumerateArray());
        Assert.Equal(("MEC003", "CirculationDesk.cs"), (violation.GetProperty("ruleId").GetString(), violation.GetProperty("location").GetProperty("path").GetString()));
        var flow = Assert.Single(root.GetProperty("flows").GetProperty("added").EnumerateArray());
        Assert.Equal(("Patron.CardNumber", "File.AppendAllText (unapproved)", "violation"), (flow.GetProperty("data").GetString(), flow.GetProperty("sink").GetString(), flow.GetProperty("verdict").GetString()));
        // Nothing else changed: the other five flows, the vendors, sinks and members are the same on both sides.
        Assert.Equal(0, root.GetProperty("flows").GetProperty("removed").GetArrayLength());
        Assert.Equal(0, root.GetProperty("flows").GetProperty("changed").GetArrayLength());
        Assert.Equal(0, root.GetProperty("fixedViolations").GetArrayLength());
        Assert.Equal(0, root.GetProperty("vendors").GetProperty("added").GetArrayLength());
        Assert.Equal(0, root.GetProperty("classifiedMembers").GetProperty("added").GetArrayLength());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("exitCode").GetInt32());
        Assert.Contains("1 new violation", stderr);
    }

    [Fact]
    public async Task Markdown_diff_of_a_new_violation_names_it_for_the_job_summary()
    {
        var (exitCode, stdout, _) = await DiffAsync(WithoutCsvExport, Map);

        Assert.Equal(MecCommand.ViolationsFound, exitCode);
        Assert.Contains("**1 new violation(s):**", stdout);
        Assert.Contains("## New violations (1)", stdout);
        Assert.Contains("## Flows added (1)", stdout);
        Assert.Contains("| Patron.CardNumber | PatronRecord | storage: File.AppendAllText (unapproved) | **violation** | MEC003 | `CirculationDesk.cs:22` |", stdout);
        // The analyzer's message quotes ApprovedSink("<name>"): escaped, or GitHub would swallow <name> as a tag.
        Assert.Contains("ApprovedSink(\"&lt;name&gt;\"", stdout);
        Assert.DoesNotContain("## Flows removed", stdout);
    }

    [Fact]
    public async Task Removing_a_violation_lists_the_removed_flow_and_the_fixed_violation_and_exits_with_0()
    {
        var (exitCode, stdout, _) = await DiffAsync(Map, WithoutCsvExport, "--format", "json");

        Assert.Equal(MecCommand.Compliant, exitCode);
        using var diff = JsonDocument.Parse(stdout);
        var root = diff.RootElement;
        var removed = Assert.Single(root.GetProperty("flows").GetProperty("removed").EnumerateArray());
        Assert.Equal("File.AppendAllText (unapproved)", removed.GetProperty("sink").GetString());
        Assert.Equal("MEC003", Assert.Single(root.GetProperty("fixedViolations").EnumerateArray()).GetProperty("ruleId").GetString());
        Assert.Equal(0, root.GetProperty("newViolations").GetArrayLength());
        Assert.Equal(0, root.GetProperty("flows").GetProperty("added").GetArrayLength());
    }

    [Fact]
    public async Task Changed_verdict_is_one_change_not_an_added_and_a_removed_flow()
    {
        // OverDrive's approval is narrowed to nothing: the card number it receives becomes a MEC002 violation.
        var approved = Assert.Single(Map.Flows, f => f.Sink == "OverDrive");
        var violating = approved with { Verdict = Verdict.Violation, RuleId = "MEC002", Declaration = null, Contract = null, Detail = "Patron.CardNumber (PatronRecord) is sent to vendor 'OverDrive', which is not approved for PatronRecord" };
        var finding = new Finding(approved.Project, "MEC002", FindingSeverity.Error, "Classified data is sent to an undeclared or unapproved vendor", violating.Detail, "https://example/MEC002.md", approved.Location);
        var after = Map with
        {
            Flows = Map.Flows.Select(f => f == approved ? violating : f).ToList(),
            Findings = [.. Map.Findings, finding],
        };

        var (exitCode, stdout, _) = await DiffAsync(Map, after);

        Assert.Equal(MecCommand.ViolationsFound, exitCode);
        Assert.Contains("## Flows whose verdict or classes changed (1)", stdout);
        Assert.Contains("| Patron.CardNumber | vendor: OverDrive | approved (PatronRecord) | **violation** (PatronRecord; MEC002) | `CirculationDesk.cs:9` |", stdout);
        Assert.DoesNotContain("## Flows added", stdout);
        Assert.DoesNotContain("## Flows removed", stdout);
    }

    [Fact]
    public async Task Identical_reports_show_no_change_and_exit_with_0()
    {
        var (exitCode, stdout, _) = await DiffAsync(Map, Map);

        Assert.Equal(MecCommand.Compliant, exitCode);
        Assert.Contains("**No change** to the data map", stdout);
        Assert.DoesNotContain("## ", stdout);
    }

    [Fact]
    public async Task Code_that_only_moves_is_no_change()
    {
        // Ten lines inserted above everything: every location moves, nothing the privacy officer reviews does.
        static SourcePoint Down(SourcePoint p) => p with { Line = p.Line + 10 };
        var moved = Map with
        {
            Flows = Map.Flows.Select(f => f with { Location = Down(f.Location) }).ToList(),
            Findings = Map.Findings.Select(f => f with { Location = Down(f.Location) }).ToList(),
            ClassifiedMembers = Map.ClassifiedMembers.Select(m => m with { Location = Down(m.Location) }).ToList(),
        };

        var (exitCode, stdout, _) = await DiffAsync(Map, moved, "--format", "json");

        Assert.Equal(MecCommand.Compliant, exitCode);
        using var diff = JsonDocument.Parse(stdout);
        Assert.All(diff.RootElement.GetProperty("summary").EnumerateObject(), counter => Assert.Equal(0, counter.Value.GetInt32()));
    }

    [Fact]
    public async Task New_vendor_and_new_classified_member_are_listed_without_failing()
    {
        var vendor = new DeclaredParty(PartyKind.Vendor, "Kanopy", ["PatronRecord"], ["api.kanopy.example"], "MEC-2025-001", [], "PatronServices.Violations", new SourcePoint("Policy.cs", 12, 12), []);
        var member = new ClassifiedMember("PatronServices.Violations", "Patron.HomeLibrary", "property", ["PatronRecord"], new SourcePoint("Patron.cs", 15, 19));
        var after = Map with { Parties = [.. Map.Parties, vendor], ClassifiedMembers = [.. Map.ClassifiedMembers, member] };

        var (exitCode, stdout, _) = await DiffAsync(Map, after);

        Assert.Equal(MecCommand.Compliant, exitCode);
        Assert.Contains("**No new violation.**", stdout);
        Assert.Contains("## Vendors added (1)", stdout);
        Assert.Contains("| `ApprovedVendor(\"Kanopy\")` | PatronRecord | MEC-2025-001 | api.kanopy.example |", stdout);
        Assert.Contains("## Classified members added (1)", stdout);
        Assert.Contains("| `Patron.HomeLibrary` | property | PatronRecord | `Patron.cs:15` |", stdout);
        Assert.DoesNotContain("## Sinks added", stdout);
    }

    [Fact]
    public async Task Widened_approval_and_reclassified_member_are_changes()
    {
        var overDrive = Assert.Single(Map.Parties, p => p.Name == "OverDrive");
        var email = Assert.Single(Map.ClassifiedMembers, m => m.Name == "Patron.Email");
        var after = Map with
        {
            Parties = Map.Parties.Select(p => p == overDrive ? p with { Allowed = ["PatronRecord", "PersonalData"] } : p).ToList(),
            ClassifiedMembers = Map.ClassifiedMembers.Select(m => m == email ? m with { Classes = ["PatronRecord"] } : m).ToList(),
        };

        var (_, stdout, _) = await DiffAsync(Map, after);

        Assert.Contains("## Vendors whose approval changed (1)", stdout);
        Assert.Contains("| `ApprovedVendor(\"OverDrive\")` | for PatronRecord; contract MEC-2023-007; hosts patron.overdrive.example | for PatronRecord, PersonalData; contract MEC-2023-007; hosts patron.overdrive.example |", stdout);
        Assert.Contains("| `Patron.Email` (property) | PersonalData | PatronRecord | `Patron.cs:13` |", stdout);
        Assert.DoesNotContain("## Vendors added", stdout);
    }

    [Fact]
    public async Task Out_writes_the_diff_to_a_file_in_the_format_of_its_extension()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("mec-diff-").FullName, "diff.json");

        var (exitCode, stdout, _) = await DiffAsync(WithoutCsvExport, Map, "--out", output);

        Assert.Equal(MecCommand.ViolationsFound, exitCode);
        Assert.Empty(stdout);
        using var diff = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal(1, diff.RootElement.GetProperty("summary").GetProperty("newViolations").GetInt32());
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> DiffAsync(DataMap old, DataMap @new, params string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("mec-diff-").FullName;
        var oldFile = await WriteAsync(old, Path.Combine(folder, "base.json"));
        var newFile = await WriteAsync(@new, Path.Combine(folder, "head.json"));
        return await DiffCommandLine.RunAsync(["diff", oldFile, newFile, .. options]);
    }

    private static async Task<string> WriteAsync(DataMap map, string path)
    {
        var json = new StringWriter();
        JsonReportWriter.Write(map, json);
        await File.WriteAllTextAsync(path, json.ToString());
        return path;
    }
}

/// <summary><c>mec diff</c>'s errors: a clear message and exit code 2, never a crash or a verdict on what it could not read.</summary>
public sealed class DiffInputTests
{
    private const string ValidReport = """
        { "tool": "mec", "target": "A.csproj", "projects": [], "classifiedMembers": [], "flows": [], "parties": [], "findings": [] }
        """;

    [Theory]
    [InlineData("""{ "tool": "mec", "flows": [""", "is not a valid mec JSON report")]
    [InlineData("""{ "version": "2.1.0", "runs": [] }""", "is not a mec JSON report (no \"tool\": \"mec\")")]
    [InlineData("""[1, 2]""", "is not a mec JSON report")]
    [InlineData("""{ "tool": "mec", "target": "A.csproj", "projects": [] }""", "is not a complete mec JSON report")]
    [InlineData("""{ "tool": "mec", "target": "A.csproj", "projects": [], "classifiedMembers": [], "flows": [{ "data": "x" }], "parties": [], "findings": [] }""", "is not a complete mec JSON report: flows[0] lacks a required field")]
    [InlineData("""{ "tool": "mec", "target": "A.csproj", "projects": [], "classifiedMembers": [], "flows": [{ "data": "x", "classes": [], "kind": "teleport", "sink": "s", "verdict": "approved", "location": { "path": "a", "line": 1, "column": 1 } }], "parties": [], "findings": [] }""", "is not a valid mec JSON report")]
    public async Task Malformed_report_exits_with_2_naming_the_file(string text, string message)
    {
        var folder = Directory.CreateTempSubdirectory("mec-diff-").FullName;
        var bad = Path.Combine(folder, "bad.json");
        var good = Path.Combine(folder, "good.json");
        await File.WriteAllTextAsync(bad, text);
        await File.WriteAllTextAsync(good, ValidReport);

        var (exitCode, stdout, stderr) = await DiffCommandLine.RunAsync(["diff", good, bad]);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains($"'{bad}' {message}", stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Well_formed_minimal_reports_compare_without_error()
    {
        var folder = Directory.CreateTempSubdirectory("mec-diff-").FullName;
        var good = Path.Combine(folder, "good.json");
        await File.WriteAllTextAsync(good, ValidReport);

        var (exitCode, stdout, stderr) = await DiffCommandLine.RunAsync(["diff", good, good]);

        Assert.Equal(MecCommand.Compliant, exitCode);
        Assert.Contains("**No change**", stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Missing_report_exits_with_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "mec-no-such-folder", "base.json");

        var (exitCode, stdout, stderr) = await DiffCommandLine.RunAsync(["diff", missing, missing]);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains($"cannot read '{missing}'", stderr);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData(new[] { "diff", "one.json" }, "compares two JSON reports, the old one and the new one; 1 given")]
    [InlineData(new[] { "diff", "a.json", "b.json", "c.json" }, "3 given")]
    [InlineData(new[] { "diff", "a.json", "b.json", "--format", "sarif" }, "unknown diff format 'sarif'")]
    [InlineData(new[] { "diff", "a.json", "b.json", "--since", "main" }, "unknown option '--since'")]
    public async Task Usage_errors_exit_with_2_and_print_the_diff_usage(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = await DiffCommandLine.RunAsync(args);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains(message, stderr);
        Assert.Contains("Usage: mec diff <old.json> <new.json>", stderr);
        Assert.Empty(stdout);
    }
}

internal static class DiffCommandLine
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await MecCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
