using System.Collections.Immutable;
using MecCompliance.Analyzers.Rules;
using MecCompliance.Cli.Analysis;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// How flows are judged, on in-memory compilations (no MSBuild): what the build reports is a violation; what the policy
/// allows is allowed; what the policy forbids while its rule is switched off stays visible without failing the report.
/// </summary>
public sealed class FlowJudgementTests
{
    private const string Service = """
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]

        public sealed class Patron
        {
            [PersonalData] public string Email { get; set; } = "";
            [PatronRecord] public string CardNumber { get; set; } = "";
            [OrganizationalData] public string Branch { get; set; } = "";
        }

        [Vendor("OverDrive")]
        public interface IOverDrive
        {
            void Checkout([PatronRecord] string cardNumber);
        }

        public static class Desk
        {
            public static void Renew(ILogger logger, Patron patron) => logger.LogInformation("Renewed {Email}", patron.Email);

            public static void Branch(ILogger logger, Patron patron) => logger.LogInformation("At {Branch}", patron.Branch);

            public static void Checkout(IOverDrive overDrive, Patron patron) => overDrive.Checkout(patron.CardNumber);
        }
        """;

    [Fact]
    public async Task Flow_the_build_reports_is_a_violation_with_the_findings_rule_and_message()
    {
        var map = await ReportAsync(Compile(Service));

        var flow = Assert.Single(map.Flows, f => f.Data == "Patron.Email");
        Assert.Equal((SinkKind.Log, Verdict.Violation, "MEC001"), (flow.Kind, flow.Verdict, flow.RuleId));
        Assert.Equal(Assert.Single(map.Findings, f => f.RuleId == "MEC001").Message, flow.Detail);
        Assert.True(map.HasViolations);
    }

    [Fact]
    public async Task Organizational_data_in_a_log_and_a_contracted_vendor_are_not_violations()
    {
        var map = await ReportAsync(Compile(Service));

        var branch = Assert.Single(map.Flows, f => f.Data == "Patron.Branch");
        Assert.Equal(Verdict.Allowed, branch.Verdict);
        var checkout = Assert.Single(map.Flows, f => f.Data == "Patron.CardNumber");
        Assert.Equal((SinkKind.Vendor, Verdict.Approved, "OverDrive", "MEC-2023-007"), (checkout.Kind, checkout.Verdict, checkout.Sink, checkout.Contract));
    }

    [Fact]
    public async Task Flow_whose_rule_is_switched_off_stays_listed_as_an_unreported_violation_and_does_not_fail_the_report()
    {
        var compilation = Compile(Service);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("MEC001", ReportDiagnostic.Suppress)));

        var map = await ReportAsync(compilation);

        var flow = Assert.Single(map.Flows, f => f.Data == "Patron.Email");
        Assert.Equal((Verdict.Violation, "MEC001"), (flow.Verdict, flow.RuleId));
        Assert.Contains("the build does not report it", flow.Detail);
        Assert.DoesNotContain(map.Findings, f => f.RuleId == "MEC001");
        Assert.False(map.HasViolations);
    }

    [Fact]
    public async Task Patron_passed_whole_to_a_sink_interface_is_a_flow_whatever_else_the_compilation_declares()
    {
        var map = await ReportAsync(Compile("""
            using MecCompliance;
            using System.Threading.Tasks;

            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]
            [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]

            public sealed class Patron
            {
                public int Id { get; set; }
                [PatronRecord] public string CardNumber { get; set; } = "";
            }

            [DataSink("PatronDb")]
            public interface IPatronStore { Task SaveAsync(Patron patron); }

            // Without this interface the flow below is found and reported (MEC003: PatronDb is not approved for PatronRecord).
            [Vendor("OverDrive")]
            public interface IOverDrive { Task CheckoutAsync([PatronRecord] string cardNumber, string titleId); }

            public sealed class Desk(IPatronStore store)
            {
                public Task RegisterAsync(Patron patron) => store.SaveAsync(patron);
            }
            """));

        var flow = Assert.Single(map.Flows);
        Assert.Equal((SinkKind.Storage, "PatronDb", Verdict.Violation, "MEC003"), (flow.Kind, flow.Sink, flow.Verdict, flow.RuleId));
    }

    private const string Leaks = """
        using MecCompliance;
        using System.IO;
        using System.Net.Http;
        using Microsoft.Extensions.Logging;

        [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]

        public sealed class Patron
        {
            public int Id { get; set; }
            [PersonalData] public string Email { get; set; } = "";
            [PatronRecord] public string CardNumber { get; set; } = "";
        }

        public sealed class Notice { public string Recipient { get; set; } = ""; }

        [DataSink("PatronDb")]
        public interface IPatronStore { void Save(string value); }

        public sealed class Desk(ILogger logger, HttpClient http, IPatronStore store)
        {
            public void Renew(Patron patron)
            {
                logger.LogInformation("Renewed {Email} {Card}", patron.Email, patron.CardNumber);
                Audit(patron.CardNumber);
                var notice = new Notice { Recipient = patron.Email };
                http.PostAsync("https://api.readingstats.example/v1", new StringContent(patron.CardNumber));
                File.AppendAllText("/tmp/cards.txt", patron.Email);
                store.Save(patron.CardNumber);
                logger.LogInformation("Renewed {Id}", patron.Id);
            }

            private void Audit(string text) => logger.LogWarning("Audit {Text}", text);
        }
        """;

    [Fact]
    public async Task Violations_in_the_report_are_exactly_the_diagnostics_of_the_rules_run_as_the_build_runs_them()
    {
        var compilation = Compile(Leaks);
        ImmutableArray<DiagnosticAnalyzer> rules = [new ClassifiedDataLoggedAnalyzer(), new VendorEgressAnalyzer(), new StorageEgressAnalyzer(), new ClassificationLossAnalyzer()];
        var build = await compilation.WithAnalyzers(rules).GetAnalyzerDiagnosticsAsync();

        var map = await ReportAsync(compilation);

        var fromBuild = build.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Location.GetLineSpan().StartLinePosition.Character + 1} {d.GetMessage()}")
            .Order(StringComparer.Ordinal).ToList();
        var fromReport = map.Flows.Where(f => f.Verdict == Verdict.Violation).Select(f => $"{f.RuleId} {f.Location.Line}:{f.Location.Column} {f.Detail}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["MEC001", "MEC001", "MEC001", "MEC002", "MEC003", "MEC003", "MEC006"], build.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(fromBuild, fromReport);
    }

    [Fact]
    public async Task Violation_the_build_suppresses_with_a_pragma_is_listed_as_unreported_and_is_no_finding()
    {
        var map = await ReportAsync(Compile(Service.Replace(
            "    public static void Renew(",
            "#pragma warning disable MEC001\n    public static void Renew(",
            StringComparison.Ordinal)));

        var flow = Assert.Single(map.Flows, f => f.Data == "Patron.Email");
        Assert.Equal((Verdict.Violation, "MEC001"), (flow.Verdict, flow.RuleId));
        Assert.Contains("the build does not report it", flow.Detail);
        Assert.DoesNotContain(map.Findings, f => f.RuleId == "MEC001");
    }

    internal static CSharpCompilation Compile(string source, params MetadataReference[] extra)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var references = platform
            .Append(typeof(ILogger).Assembly.Location)
            .Append(typeof(PatronRecordAttribute).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Concat(extra);
        var compilation = CSharpCompilation.Create("Desk", [CSharpSyntaxTree.ParseText(source, path: "/src/Desk.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    internal static async Task<DataMap> ReportAsync(Compilation compilation)
    {
        var builder = new ComplianceReportBuilder("Desk.csproj", new SourcePaths("/src"), TextWriter.Null);
        await builder.AddAsync("Desk", compilation, new AnalyzerOptions([]), new HashSet<SyntaxTree>(), required: true, CancellationToken.None);
        return builder.Build();
    }
}
