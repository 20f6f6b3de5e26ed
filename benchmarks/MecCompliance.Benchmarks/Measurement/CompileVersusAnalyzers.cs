using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using MecCompliance.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>How one size is measured.</summary>
public sealed record MeasurementSettings(int Repeat, bool Concurrent);

/// <summary>The medians of one corpus size, and what the analyzers reported on it.</summary>
public sealed record SizeResult(
    int Files,
    int Lines,
    double ParseMs,
    double CompileMs,
    double CompileCpuMs,
    double AnalyzerPassMs,
    double AnalyzerPassCpuMs,
    double AnalyzerExecutionMs,
    IReadOnlyList<(string Analyzer, double Ms)> PerAnalyzer,
    IReadOnlyDictionary<string, int> DiagnosticsById,
    IReadOnlyDictionary<string, int> Planted,
    int CompilerErrors,
    IReadOnlyList<string> FirstCompilerErrors,
    IReadOnlyList<string> AnalyzerExceptions)
{
    /// <summary>Analyzer callbacks' own time over the compiler's binding time: the target is at most 0.10.</summary>
    public double Ratio => CompileMs == 0 ? 0 : AnalyzerExecutionMs / CompileMs;

    /// <summary>
    /// The processor time the analyzer pass adds to binding (operation trees, driver, callbacks), over the binding's own;
    /// processor time rather than wall time, as other processes compete for the same cores.
    /// </summary>
    public double PassOverheadCpu => CompileCpuMs == 0 || AnalyzerPassCpuMs == 0 ? 0 : Math.Max(0, AnalyzerPassCpuMs - CompileCpuMs) / CompileCpuMs;
}

/// <summary>
/// Measures, in one process and on the same syntax trees, the compiler's own time (<c>GetDiagnostics</c> on a fresh
/// compilation: declaration and method-body binding of everything) and the analyzers' time (a
/// <see cref="CompilationWithAnalyzers"/> with execution-time logging: the per-analyzer callback time Roslyn reports with
/// <c>/reportanalyzer</c>). One warm-up, then the median of the repeats.
/// </summary>
public static class CompileVersusAnalyzers
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Parse);

    public static SizeResult Measure(GeneratedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, MeasurementSettings settings)
    {
        var runs = new List<Run>();
        for (var i = 0; i <= settings.Repeat; i++)
        {
            var run = MeasureOnce(corpus, analyzers, settings);
            if (i > 0)
            {
                runs.Add(run);
            }
        }

        var last = runs[^1];
        var perAnalyzer = analyzers
            .Select(a => (Name(a), Median(runs.Select(r => r.PerAnalyzerMs[Name(a)]))))
            .OrderByDescending(p => p.Item2)
            .ToList();
        return new SizeResult(
            corpus.Files.Count,
            corpus.LineCount,
            Median(runs.Select(r => r.ParseMs)),
            Median(runs.Select(r => r.CompileMs)),
            Median(runs.Select(r => r.CompileCpuMs)),
            Median(runs.Select(r => r.AnalyzerPassMs)),
            Median(runs.Select(r => r.AnalyzerPassCpuMs)),
            Median(runs.Select(r => r.PerAnalyzerMs.Values.Sum())),
            perAnalyzer,
            last.DiagnosticsById,
            corpus.Planted,
            last.CompilerErrors.Count,
            last.CompilerErrors.Take(5).ToList(),
            runs.SelectMany(r => r.AnalyzerExceptions).Distinct().ToList());
    }

    public static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    private static Run MeasureOnce(GeneratedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, MeasurementSettings settings)
    {
        Settle();
        var watch = Stopwatch.StartNew();
        var trees = corpus.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path))
            .ToImmutableArray();
        var parseMs = watch.Elapsed.TotalMilliseconds;

        Settle();
        var cpu = ProcessorTime();
        watch.Restart();
        var compilerDiagnostics = CreateCompilation(trees, settings).GetDiagnostics();
        var compileMs = watch.Elapsed.TotalMilliseconds;
        var compileCpuMs = ProcessorTime() - cpu;

        var perAnalyzer = analyzers.ToDictionary(Name, _ => 0d);
        var exceptions = new ConcurrentBag<string>();
        var diagnosticsById = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var passMs = 0d;
        var passCpuMs = 0d;
        if (!analyzers.IsEmpty)
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add($"{Name(analyzer)}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: settings.Concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = CreateCompilation(trees, settings).WithAnalyzers(analyzers, options);
            Settle();
            cpu = ProcessorTime();
            watch.Restart();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            passMs = watch.Elapsed.TotalMilliseconds;
            passCpuMs = ProcessorTime() - cpu;
            foreach (var analyzer in analyzers)
            {
                var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                perAnalyzer[Name(analyzer)] = telemetry.ExecutionTime.TotalMilliseconds;
            }

            foreach (var diagnostic in diagnostics)
            {
                diagnosticsById[diagnostic.Id] = diagnosticsById.GetValueOrDefault(diagnostic.Id) + 1;
            }
        }

        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return new Run(parseMs, compileMs, compileCpuMs, passMs, passCpuMs, perAnalyzer, diagnosticsById, errors, exceptions.ToList());
    }

    private static CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees, MeasurementSettings settings) =>
        CSharpCompilation.Create(
            "Evergreen.Consortium",
            trees,
            CorpusReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: settings.Concurrent));

    private static double ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    // A collection left over from the previous step must not be charged to the next one.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Run(
        double ParseMs,
        double CompileMs,
        double CompileCpuMs,
        double AnalyzerPassMs,
        double AnalyzerPassCpuMs,
        IReadOnlyDictionary<string, double> PerAnalyzerMs,
        IReadOnlyDictionary<string, int> DiagnosticsById,
        IReadOnlyList<string> CompilerErrors,
        IReadOnlyList<string> AnalyzerExceptions);
}
