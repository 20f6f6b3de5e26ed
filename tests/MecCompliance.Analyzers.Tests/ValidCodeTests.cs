using System.Collections.Concurrent;
using System.Collections.Immutable;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Analyzers.Tests;

/// <summary>
/// tests/ValidCode is realistic, correct consortium code: every analyzer of the analyzer assembly must report nothing
/// on it (Info included). Its sources are compiled here in memory against the same offline references as every test.
/// </summary>
public sealed class ValidCodeTests
{
    [Fact]
    public async Task ValidCode_compiles_and_no_analyzer_reports_anything()
    {
        var trees = ValidCodeSources();
        Assert.True(trees.Count >= 5, "tests/ValidCode has too few sources; was it moved?");
        AssertCompiles(trees);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(AllAnalyzers(), trees, TestReferences.All);

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("MEC", StringComparison.Ordinal) || d.Id == "AD0001").Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_violation_added_to_ValidCode_is_found()
    {
        var trees = ValidCodeSources();
        trees.Add(CSharpSyntaxTree.ParseText(
            """
            using MecCompliance;
            [assembly: ApprovedVendor("OverDrive", typeof(PersonalDataAttribute))]
            namespace ValidCode.Models;
            public sealed class Probe { public string Email { get; set; } = ""; }
            """,
            new CSharpParseOptions(LanguageVersion.Latest),
            path: "/probe/Probe.cs"));

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(AllAnalyzers(), trees, TestReferences.All);

        Assert.Contains(diagnostics, d => d.Id == "MEC005" && d.GetMessage().Contains("'Email'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "MEC004" && d.GetMessage().Contains("already declared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyzer_exceptions_are_not_swallowed_by_the_run()
    {
        await Assert.ThrowsAsync<AggregateException>(() => AnalyzerRun.DiagnosticsAsync(new ThrowingAnalyzer(), "public class C { }"));
    }

    internal static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => [.. DocumentationTests.Analyzers()];

    private static List<SyntaxTree> ValidCodeSources()
    {
        var folder = Path.Combine(DocumentationTests.RepositoryRoot(), "tests", "ValidCode");
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), path: f))
            .ToList();
    }

    private static void AssertCompiles(IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(
            "ValidCode",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("THROW", "t", "t", "test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
        }
    }
}

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
