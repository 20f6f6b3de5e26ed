using System.Collections.Immutable;
using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Rules;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Compiles a source with the MEC rules and the baseline suppressor, as the compiler runs them in a build, and returns
/// every MEC diagnostic with whether it was suppressed.
/// </summary>
internal static class BaselineHarness
{
    public const string BaselinePath = "/project/mec-baseline.json";

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? baseline, string baselinePath = BaselinePath)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, path: "/project/CirculationDesk.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additionalFiles = baseline is null ? ImmutableArray<AdditionalText>.Empty : [new InMemoryAdditionalText(baselinePath, baseline)];
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new ClassifiedDataLoggedAnalyzer(),
            new PolicyDeclarationAnalyzer(),
            new UnclassifiedPersonalDataAnalyzer(),
            new MalformedBaselineAnalyzer(),
            new BaselineSuppressor());
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("MEC", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>A baseline file with one entry per fingerprint, as <c>mec baseline</c> writes it.</summary>
    public static string BaselineOf(params FindingFingerprint[] fingerprints) =>
        "{\n  \"version\": 1,\n  \"entries\": [\n" + string.Join(",\n", fingerprints.Select(f =>
            $"    {{ \"rule\": {Quote(f.Rule)}, \"data\": {Quote(f.Data)}, \"sink\": {Quote(f.Sink)}, \"member\": {Quote(f.Member)}, \"occurrence\": {f.Occurrence}, \"justification\": \"accepted at adoption\" }}")) +
        "\n  ]\n}\n";

    public static FindingFingerprint FingerprintOf(Diagnostic diagnostic) =>
        FindingFingerprint.From(diagnostic, CancellationToken.None) ?? throw new InvalidOperationException($"{diagnostic.Id} has no fingerprint");

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
