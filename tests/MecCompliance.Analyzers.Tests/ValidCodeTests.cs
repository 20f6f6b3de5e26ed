using System.Collections.Concurrent;
using System.Collections.Immutable;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Analyzers.Tests;

/// <summary>Runs analyzers over in-memory compilations the way the compiler does, surfacing analyzer exceptions.</summary>
internal static class AnalyzerRun
{
    public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(DiagnosticAnalyzer analyzer, string source, bool withAttributes = true) =>
        DiagnosticsAsync([analyzer], [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs")], withAttributes ? TestReferences.All : Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>());

    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        IEnumerable<SyntaxTree> trees,
        IEnumerable<MetadataReference> references,
        AnalyzerConfigOptionsProvider? options = null)
    {
        var compilation = CSharpCompilation.Create(
            "Analyzed",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new ConcurrentBag<Exception>();
        var analyzerOptions = new AnalyzerOptions([], options ?? EmptyOptionsProvider.Instance);
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        if (!exceptions.IsEmpty)
        {
            throw new AggregateException("An analyzer threw", exceptions);
        }

        return diagnostics;
    }

    private sealed class EmptyOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public static readonly EmptyOptionsProvider Instance = new();

        public override AnalyzerConfigOptions GlobalOptions => EmptyOptions.Instance;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => EmptyOptions.Instance;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => EmptyOptions.Instance;
    }

    private sealed class EmptyOptions : AnalyzerConfigOptions
    {
        public static readonly EmptyOptions Instance = new();

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }
}
