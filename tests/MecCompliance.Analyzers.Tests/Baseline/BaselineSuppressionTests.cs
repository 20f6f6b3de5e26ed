using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Analyzers.Tests.Baseline;

/// <summary>
/// What a build does with mec-baseline.json: findings it records are reported as suppressed (they neither print nor fail
/// the build), every other finding is reported as usual, and a file it cannot read says so (MEC009) and suppresses nothing.
/// </summary>
public sealed class BaselineSuppressionTests
{
    private const string Desk = """
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        namespace Library;

        public sealed class Patron
        {
            public int Id { get; set; }
            [PersonalData] public string Email { get; set; } = "";
            [PatronRecord] public string CardNumber { get; set; } = "";
        }

        public sealed class CirculationDesk(ILogger<CirculationDesk> logger)
        {
            public void Renew(Patron patron) => logger.LogInformation("Renewed for {Email}", patron.Email);

            public void Checkout(Patron patron) => logger.LogInformation("Checked out {Id}", patron.Id);
        }
        """;

    /// <summary><see cref="Desk"/> with one more violation, in a member the baseline does not know.</summary>
    private static readonly string DeskWithNewLeak = Desk.Replace(
        "logger.LogInformation(\"Checked out {Id}\", patron.Id);",
        "logger.LogInformation(\"Checked out {Card}\", patron.CardNumber);",
        StringComparison.Ordinal);

    [Fact]
    public async Task Finding_recorded_in_the_baseline_is_reported_as_suppressed()
    {
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(Desk, baseline);

        var finding = Assert.Single(diagnostics);
        Assert.Equal("MEC001", finding.Id);
        Assert.True(finding.IsSuppressed);
        Assert.Equal("true", finding.Properties[DiagnosticPropertyNames.Baselined]);
    }

    [Fact]
    public async Task Without_a_baseline_the_same_finding_is_an_error()
    {
        var finding = Assert.Single(await BaselineHarness.AnalyzeAsync(Desk, baseline: null));

        Assert.Equal(("MEC001", DiagnosticSeverity.Error, false), (finding.Id, finding.Severity, finding.IsSuppressed));
        Assert.False(finding.Properties.ContainsKey(DiagnosticPropertyNames.Baselined));
    }

    [Fact]
    public async Task New_finding_is_not_suppressed_while_the_baselined_one_stays_suppressed()
    {
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(DeskWithNewLeak, baseline);

        Assert.Equal(2, diagnostics.Length);
        var open = Assert.Single(diagnostics, d => !d.IsSuppressed);
        Assert.Contains("Patron.CardNumber", open.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Library.CirculationDesk.Checkout(Patron)", BaselineHarness.FingerprintOf(open).Member);
    }

    [Fact]
    public async Task Lines_inserted_above_a_baselined_finding_keep_it_suppressed()
    {
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(new string('\n', 10) + Desk, baseline);

        Assert.True(Assert.Single(diagnostics).IsSuppressed);
    }

    [Fact]
    public async Task Renaming_the_containing_method_makes_the_finding_new()
    {
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(Desk.Replace("void Renew(", "void RenewAll(", StringComparison.Ordinal), baseline);

        Assert.False(Assert.Single(diagnostics).IsSuppressed);
    }

    [Fact]
    public async Task A_second_identical_finding_in_the_same_member_is_not_covered_by_the_first_ones_entry()
    {
        var twice = Desk.Replace(
            "public void Renew(Patron patron) => logger.LogInformation(\"Renewed for {Email}\", patron.Email);",
            "public void Renew(Patron patron)\n    {\n        logger.LogInformation(\"Renewed for {Email}\", patron.Email);\n        logger.LogInformation(\"Renewed for {Email}\", patron.Email);\n    }",
            StringComparison.Ordinal);
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(twice, baseline);

        Assert.Equal([true, false], diagnostics.Select(d => d.IsSuppressed));
        Assert.Equal([0, 1], diagnostics.Select(d => BaselineHarness.FingerprintOf(d).Occurrence));
    }

    [Fact]
    public async Task Policy_declaration_finding_is_baselined_by_its_message()
    {
        const string policy = """
            using MecCompliance;

            [assembly: ApprovedVendor("Libby", typeof(PatronRecordAttribute), Hosts = new[] { "api.libby.example" })]
            """;
        var baseline = await BaselineOfAsync(policy);

        var diagnostics = await BaselineHarness.AnalyzeAsync(policy, baseline);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(("MEC004", true), (finding.Id, finding.IsSuppressed));
        Assert.Equal(ContainingMember.AssemblyAttributes, BaselineHarness.FingerprintOf(finding).Member);
    }

    [Fact]
    public async Task Suppressor_suppresses_a_baselined_finding_of_a_rule_that_is_not_an_error_by_default()
    {
        const string model = """
            namespace Library;

            public sealed class Member
            {
                public string Email { get; set; } = "";
            }
            """;
        var baseline = await BaselineOfAsync(model);

        var diagnostics = await BaselineHarness.AnalyzeAsync(model, baseline);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(("MEC005", true), (finding.Id, finding.IsSuppressed));
        Assert.Contains(new BaselineSuppressor().SupportedSuppressions, s => s.SuppressedDiagnosticId == "MEC005" && s.Id == "MECS001");
    }

    [Fact]
    public async Task Suppressor_leaves_a_finding_the_baseline_does_not_record()
    {
        const string model = """
            namespace Library;

            public sealed class Member
            {
                public string Email { get; set; } = "";
            }
            """;
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(model, baseline);

        Assert.False(Assert.Single(diagnostics, d => d.Id == "MEC005").IsSuppressed);
    }

    [Fact]
    public async Task Malformed_baseline_reports_MEC009_at_the_problem_and_suppresses_nothing()
    {
        var baseline = await BaselineOfAsync(Desk);
        var broken = baseline.Replace("\"accepted at adoption\" }", "\"accepted at adoption\", }", StringComparison.Ordinal);

        var diagnostics = await BaselineHarness.AnalyzeAsync(Desk, broken);

        var malformed = Assert.Single(diagnostics, d => d.Id == "MEC009");
        Assert.Equal(DiagnosticSeverity.Error, malformed.Severity);
        Assert.Equal(BaselineHarness.BaselinePath, malformed.Location.GetLineSpan().Path);
        Assert.Equal(3, malformed.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("a property name in double quotes was expected (line 4, column", malformed.GetMessage(), StringComparison.Ordinal);
        Assert.False(Assert.Single(diagnostics, d => d.Id == "MEC001").IsSuppressed);
    }

    [Fact]
    public async Task Well_formed_baseline_reports_no_MEC009()
    {
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(Desk, baseline);

        Assert.DoesNotContain(diagnostics, d => d.Id == "MEC009");
    }

    [Fact]
    public async Task Without_a_baseline_file_nothing_is_suppressed_and_nothing_is_said_about_it()
    {
        var diagnostics = await BaselineHarness.AnalyzeAsync(Desk + "\n" + DeskWithNewLeak.Replace("namespace Library;", "namespace Other;", StringComparison.Ordinal), baseline: null);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.False(d.IsSuppressed));
        Assert.DoesNotContain(diagnostics, d => d.Id == "MEC009");
    }

    [Fact]
    public async Task Another_json_file_is_not_taken_for_the_baseline()
    {
        var baseline = await BaselineOfAsync(Desk);

        var diagnostics = await BaselineHarness.AnalyzeAsync(Desk, baseline, baselinePath: "/project/appsettings.json");

        Assert.False(Assert.Single(diagnostics).IsSuppressed);
    }

    /// <summary>The baseline <c>mec baseline</c> would write for <paramref name="source"/>: every finding it has now.</summary>
    private static async Task<string> BaselineOfAsync(string source)
    {
        var findings = await BaselineHarness.AnalyzeAsync(source, baseline: null);
        Assert.NotEmpty(findings);
        return BaselineHarness.BaselineOf(findings.Select(BaselineHarness.FingerprintOf).ToArray());
    }
}
