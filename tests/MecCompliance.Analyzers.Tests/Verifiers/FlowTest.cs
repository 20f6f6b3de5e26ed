using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MecCompliance.Analyzers.Tests.Verifiers;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs a flow rule over a test source plus a small library domain model (<c>Patron</c> with personal data, a patron
/// record, organizational data and unclassified look-alikes), so each test shows only the code under test.
/// </summary>
internal static class FlowTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Model = """
        namespace Library
        {
            public class Patron
            {
                public int Id { get; set; }
                [MecCompliance.PersonalData] public string Email { get; set; } = "";
                [MecCompliance.PersonalData] public string Name { get; set; } = "";
                [MecCompliance.PatronRecord] public string CardNumber { get; set; } = "";
                [MecCompliance.OrganizationalData] public string Branch { get; set; } = "";
                public string Status { get; set; } = "";
                public string EmailDomain { get; set; } = "";
            }

            public class Branch
            {
                [MecCompliance.OrganizationalData] public string Name { get; set; } = "";
                public int Id { get; set; }
            }
        }
        """;

    public static DiagnosticResult Diagnostic(string id, int markupKey) =>
        new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(markupKey);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync([source], expected);

    /// <summary>Verifies <paramref name="source"/> in a project that references another project, "Core", built from <paramref name="library"/>.</summary>
    public static Task VerifyWithLibraryAsync(string library, string source, params DiagnosticResult[] expected)
    {
        var test = Create([source], expected);
        var core = test.TestState.AdditionalProjects["Core"];
        core.Sources.Add(("Core.cs", library));
        core.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalProjectReferences.Add("Core");
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) => Create(sources, expected).RunAsync(CancellationToken.None);

    /// <summary>Verifies <paramref name="source"/>, which uses types of a library that is not referenced (its compile errors are not checked).</summary>
    public static Task VerifyWithUnresolvedTypesAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create([source], expected);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync(CancellationToken.None);
    }

    private static CSharpAnalyzerVerifier<TAnalyzer>.Test Create(string[] sources, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.Sources.Add(("Model.cs", Model));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
