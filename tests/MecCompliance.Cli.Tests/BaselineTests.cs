using System.Text.Json;
using MecCompliance.Analyzers.Baseline;
using MecCompliance.Cli.Analysis;
using MecCompliance.Cli.Baseline;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// The baseline in the report, on in-memory compilations: the fingerprints a baseline records, the file
/// <c>mec baseline</c> writes, and how a report shows baselined findings apart.
/// </summary>
public sealed class BaselineTests
{
    private const string Service = """
        using System.IO;
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        [assembly: ApprovedVendor("Libby", typeof(PatronRecordAttribute), Hosts = new[] { "api.libby.example" })]

        namespace Consortium;

        public sealed class Patron
        {
            public int Id { get; set; }
            [PersonalData] public string Email { get; set; } = "";
            [PatronRecord] public string CardNumber { get; set; } = "";
        }

        public sealed class Desk(ILogger logger)
        {
            public void Renew(Patron patron) => logger.LogInformation("Renewed {Email}", patron.Email);

            public void Export(Patron patron) => File.AppendAllText("overdue.csv", patron.CardNumber);

            public void Export(Patron patron, string file) => File.AppendAllText(file, patron.CardNumber);
        }
        """;

    [Fact]
    public async Task Fingerprint_names_the_rule_the_data_the_sink_and_the_containing_member_without_a_line()
    {
        var map = await ReportAsync(Service);

        var logged = Assert.Single(map.Findings, f => f.RuleId == "MEC001").Fingerprint!;
        Assert.Equal(
            ("MEC001", "Patron.Email (PersonalData)", "log: ILogger.LogInformation", "Consortium.Desk.Renew(Patron)", 0),
            (logged.Rule, logged.Data, logged.Sink, logged.Member, logged.Occurrence));
        var declaration = Assert.Single(map.Findings, f => f.RuleId == "MEC004").Fingerprint!;
        Assert.Equal(("", ContainingMember.AssemblyAttributes), (declaration.Data, declaration.Member));
        Assert.Contains("'Libby'", declaration.Sink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_lines_inserted_at_the_top_leave_every_fingerprint_unchanged_while_the_lines_move()
    {
        var before = await ReportAsync(Service);
        var after = await ReportAsync(new string('\n', 10) + Service);

        Assert.Equal(4, before.Findings.Count);
        Assert.Equal(before.Findings.Select(f => f.Fingerprint), after.Findings.Select(f => f.Fingerprint));
        Assert.Equal(before.Findings.Select(f => f.Location.Line + 10), after.Findings.Select(f => f.Location.Line));
    }

    [Fact]
    public async Task Overloads_with_the_same_finding_have_different_fingerprints()
    {
        var map = await ReportAsync(Service);

        var members = map.Findings.Where(f => f.RuleId == "MEC003").Select(f => f.Fingerprint!.Member).ToList();
        Assert.Equal(["Consortium.Desk.Export(Patron)", "Consortium.Desk.Export(Patron, string)"], members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Written_baseline_records_every_error_with_an_empty_justification_and_reads_back_with_the_same_fingerprints()
    {
        var map = await ReportAsync(Service);

        var document = BaselineDocument.Parse(Write(map, previous: null));

        Assert.Null(document.Error);
        Assert.Equal(map.Findings.Select(f => f.Fingerprint), document.Entries.Select(e => e.Fingerprint));
        Assert.All(document.Entries, e => Assert.Equal(string.Empty, e.Justification));
        Assert.Equal("Desk.cs:18", document.Entries.Single(e => e.Fingerprint.Rule == "MEC001").Location);
    }

    [Fact]
    public async Task Writing_the_baseline_again_keeps_the_justifications_of_the_findings_that_remain()
    {
        var map = await ReportAsync(Service);
        var previous = BaselineDocument.Parse(Write(map, null).Replace(
            "\"justification\": \"\"", "\"justification\": \"reviewed by the privacy officer\"", StringComparison.Ordinal));

        var rewritten = BaselineDocument.Parse(Write(map, previous));

        Assert.All(rewritten.Entries, e => Assert.Equal("reviewed by the privacy officer", e.Justification));
    }

    [Fact]
    public async Task Baselined_findings_do_not_fail_the_report_and_are_counted_apart()
    {
        var map = await ReportAsync(Service);
        var baseline = BaselineDocument.Parse(Write(map, null));

        var applied = BaselineMarking.Apply(map, "/src/mec-baseline.json", baseline);

        Assert.True(map.HasViolations);
        Assert.False(applied.HasViolations);
        Assert.Equal(4, applied.BaselinedFindings.Count());
        Assert.Empty(applied.OpenFindings);
        Assert.Empty(applied.Baseline!.Stale);
        Assert.Contains("4 baselined finding(s)", applied.VerdictText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_finding_fails_the_report_beside_baselined_ones_and_a_fixed_one_leaves_a_stale_entry()
    {
        var baseline = BaselineDocument.Parse(Write(await ReportAsync(Service), null));
        var changed = Service
            .Replace("public void Renew(Patron patron) => logger.LogInformation(\"Renewed {Email}\", patron.Email);",
                     "public void Renew(Patron patron) => logger.LogInformation(\"Renewed {Id}\", patron.Id);", StringComparison.Ordinal)
            .Replace("public int Id { get; set; }", "public int Id { get; set; }\n    public string Greeting(ILogger log) { log.LogInformation(\"Hello {Card}\", CardNumber); return \"\"; }", StringComparison.Ordinal);

        var applied = BaselineMarking.Apply(await ReportAsync(changed), "/src/mec-baseline.json", baseline);

        var open = Assert.Single(applied.OpenFindings);
        Assert.Equal(("MEC001", "Consortium.Patron.Greeting(ILogger)"), (open.RuleId, open.Fingerprint!.Member));
        Assert.True(applied.HasViolations);
        var stale = Assert.Single(applied.Baseline!.Stale);
        Assert.Equal("Consortium.Desk.Renew(Patron)", stale.Fingerprint.Member);
    }

    [Fact]
    public async Task Markdown_report_lists_baselined_findings_in_their_own_section_with_their_justification()
    {
        var map = await ReportAsync(Service);
        var baseline = BaselineDocument.Parse(Write(map, null).Replace(
            "\"justification\": \"\"", "\"justification\": \"export retired in Q3\"", StringComparison.Ordinal));

        var markdown = Render(BaselineMarking.Apply(map, "/src/mec-baseline.json", baseline), ReportFormat.Markdown);

        Assert.Contains("## Baselined findings (4)", markdown, StringComparison.Ordinal);
        Assert.Contains("export retired in Q3", markdown, StringComparison.Ordinal);
        var findings = markdown[markdown.IndexOf("## Findings", StringComparison.Ordinal)..markdown.IndexOf("## Baselined findings", StringComparison.Ordinal)];
        Assert.Contains("None.", findings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_report_without_a_baseline_has_no_baselined_section()
    {
        var markdown = Render(await ReportAsync(Service), ReportFormat.Markdown);

        Assert.DoesNotContain("Baselined findings", markdown, StringComparison.Ordinal);
        Assert.Contains("[MEC001]", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_report_counts_baselined_findings_and_marks_each_one()
    {
        var map = await ReportAsync(Service);
        var onlyLog = BaselineDocument.Parse(BaselineHarnessText(map.Findings.Single(f => f.RuleId == "MEC001").Fingerprint!));

        using var json = JsonDocument.Parse(Render(BaselineMarking.Apply(map, "/src/mec-baseline.json", onlyLog), ReportFormat.Json));

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("summary").GetProperty("baselined").GetInt32());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("violations").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["MEC001"], findings.Where(f => f.GetProperty("baselined").GetBoolean()).Select(f => f.GetProperty("ruleId").GetString()));
        Assert.Equal("Consortium.Desk.Renew(Patron)", findings.First(f => f.GetProperty("ruleId").GetString() == "MEC001").GetProperty("fingerprint").GetProperty("member").GetString());
    }

    [Fact]
    public async Task Sarif_report_gives_baselined_findings_an_external_suppression_and_every_finding_its_fingerprint()
    {
        var map = await ReportAsync(Service);
        var onlyLog = BaselineDocument.Parse(BaselineHarnessText(map.Findings.Single(f => f.RuleId == "MEC001").Fingerprint!));

        using var sarif = JsonDocument.Parse(Render(BaselineMarking.Apply(map, "/src/mec-baseline.json", onlyLog), ReportFormat.Sarif));

        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => !r.TryGetProperty("kind", out var kind) || kind.GetString() != "pass").ToList();
        Assert.Equal(4, results.Count);
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out _));
        Assert.Equal("MEC001", suppressed.GetProperty("ruleId").GetString());
        Assert.Equal("external", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.All(results, r => Assert.StartsWith(r.GetProperty("ruleId").GetString() + " | ",
            r.GetProperty("partialFingerprints").GetProperty(BaselineInSarif.FingerprintKey).GetString(), StringComparison.Ordinal));
    }

    private static string BaselineHarnessText(FindingFingerprint fingerprint) => $$"""
        { "version": 1, "entries": [ { "rule": "{{fingerprint.Rule}}", "data": {{JsonSerializer.Serialize(fingerprint.Data)}}, "sink": {{JsonSerializer.Serialize(fingerprint.Sink)}}, "member": {{JsonSerializer.Serialize(fingerprint.Member)}} } ] }
        """;

    private static string Write(DataMap map, BaselineDocument? previous)
    {
        using var stream = new MemoryStream();
        BaselineWriter.Write(BaselineWriter.Recordable(map), previous, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Render(DataMap map, ReportFormat format)
    {
        var writer = new StringWriter();
        ReportWriters.Write(map, format, writer);
        return writer.ToString();
    }

    private static async Task<DataMap> ReportAsync(string source)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var references = platform
            .Append(typeof(ILogger).Assembly.Location)
            .Append(typeof(PatronRecordAttribute).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Desk", [CSharpSyntaxTree.ParseText(source, path: "/src/Desk.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var builder = new ComplianceReportBuilder("Desk.csproj", new SourcePaths("/src"), TextWriter.Null);
        await builder.AddAsync("Desk", compilation, new AnalyzerOptions([]), new HashSet<SyntaxTree>(), required: true, CancellationToken.None);
        return builder.Build();
    }
}
