using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using MecCompliance.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>How one size is measured.</summary>
/// <param name="Repeat">Timed runs after the warm-up; medians are reported.</param>
/// <param name="Concurrent">Concurrent binding and analysis (a real build's mode) instead of sequential.</param>
/// <param name="Isolate">Also run each analyzer alone, to see what it costs when it is the only rule switched on.</param>
public sealed record MeasurementSettings(int Repeat, bool Concurrent, bool Isolate);

/// <summary>The medians of one corpus size, and what the analyzers reported on it.</summary>
public sealed record SizeResult(
    int Files,
    int Lines,
    double ParseMs,
    double CompileMs,
    double CompileCpuMs,
    double FloorPassCpuMs,
    double AnalyzerPassCpuMs,
    double AnalyzerExecutionMs,
    double FloorExecutionMs,
    double FloorGcPauseMs,
    double AnalyzerGcPauseMs,
    double FloorAllocatedMb,
    double AnalyzerAllocatedMb,
    double FloorRetainedMb,
    double AnalyzerRetainedMb,
    IReadOnlyList<(string Analyzer, double Ms, double AloneCpuMs)> PerAnalyzer,
    IReadOnlyDictionary<string, int> DiagnosticsById,
    IReadOnlyDictionary<string, int> Planted,
    int CompilerErrors,
    IReadOnlyList<string> FirstCompilerErrors,
    IReadOnlyList<string> AnalyzerExceptions,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Unexpected)
{
    /// <summary>Analyzer callbacks' own time over the compiler's binding time: the target is at most 0.10.</summary>
    public double Ratio => CompileMs == 0 ? 0 : AnalyzerExecutionMs / CompileMs;

    /// <summary>Processor time the rules add to a do-nothing operation analyzer's pass (robust to neighbours on the machine).</summary>
    public double AnalyzerCpuMs => Math.Max(0, AnalyzerPassCpuMs - FloorPassCpuMs);

    public double RatioCpu => CompileCpuMs == 0 ? 0 : AnalyzerCpuMs / CompileCpuMs;
}

/// <summary>
/// Measures, in one process and on the same syntax trees, the compiler's own time (<c>GetDiagnostics</c> on a fresh
/// compilation: declaration and method-body binding of everything) and the analyzers' time, two ways: the per-analyzer
/// callback time Roslyn logs with <c>logAnalyzerExecutionTime</c> (what <c>/p:ReportAnalyzer=true</c> prints), and the
/// processor time of the analyzer pass minus that of the same pass with a do-nothing <see cref="FloorAnalyzer"/>.
/// One warm-up, then the median of the repeats.
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
        var (missed, unexpected) = analyzers.IsEmpty ? ([], []) : Compare(corpus, last.Full.Diagnostics);
        var perAnalyzer = analyzers
            .Select(Name)
            .Select(name => (name, Meter.Median(runs.Select(r => r.PerAnalyzerMs[name])), Meter.Median(runs.Select(r => r.AloneCpuMs.GetValueOrDefault(name)))))
            .OrderByDescending(p => p.Item2)
            .ToList();
        return new SizeResult(
            corpus.Files.Count,
            corpus.LineCount,
            Meter.Median(runs.Select(r => r.ParseMs)),
            Meter.Median(runs.Select(r => r.CompileMs)),
            Meter.Median(runs.Select(r => r.CompileCpuMs)),
            Meter.Median(runs.Select(r => r.Floor.CpuMs)),
            Meter.Median(runs.Select(r => r.Full.CpuMs)),
            Meter.Median(runs.Select(r => r.PerAnalyzerMs.Values.Sum())),
            Meter.Median(runs.Select(r => r.Floor.ExecutionMs.Values.Sum())),
            Meter.Median(runs.Select(r => r.Floor.GcPauseMs)),
            Meter.Median(runs.Select(r => r.Full.GcPauseMs)),
            Meter.Median(runs.Select(r => r.Floor.AllocatedMb)),
            Meter.Median(runs.Select(r => r.Full.AllocatedMb)),
            Meter.Median(runs.Select(r => r.Floor.RetainedMb)),
            Meter.Median(runs.Select(r => r.Full.RetainedMb)),
            perAnalyzer,
            last.Full.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            corpus.Planted,
            last.CompilerErrors.Count,
            last.CompilerErrors.Take(5).ToList(),
            runs.SelectMany(r => r.Full.Exceptions).Distinct().ToList(),
            last.Full.Diagnostics
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Select(d => d.ToString())
                .ToList(),
            missed,
            unexpected);
    }

    /// <summary>Planted leaks no diagnostic was reported for, and diagnostics on lines where nothing was planted.</summary>
    private static (List<string> Missed, List<string> Unexpected) Compare(GeneratedCorpus corpus, ImmutableArray<Diagnostic> diagnostics)
    {
        var planted = corpus.Leaks.Select(l => (l.Path, l.Line, l.DiagnosticId)).ToHashSet();
        var reported = diagnostics
            .Where(d => d.Location.IsInSource)
            .Select(d => (Path: d.Location.SourceTree!.FilePath, d.Location.GetLineSpan().StartLinePosition.Line, d.Id, Text: d.ToString()))
            .ToList();
        var found = reported.Select(r => (r.Path, r.Line, r.Id)).ToHashSet();
        var missed = corpus.Leaks
            .Where(l => !found.Contains((l.Path, l.Line, l.DiagnosticId)))
            .Select(l => $"{l.Path}({l.Line + 1}): {l.DiagnosticId} planted, not reported")
            .ToList();
        var unexpected = reported.Where(r => !planted.Contains((r.Path, r.Line, r.Id))).Select(r => r.Text).ToList();
        return (missed, unexpected);
    }

    public static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    private static Run MeasureOnce(GeneratedCorpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, MeasurementSettings settings)
    {
        Meter.Settle();
        var watch = Stopwatch.StartNew();
        var trees = corpus.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path))
            .ToImmutableArray();
        var parseMs = watch.Elapsed.TotalMilliseconds;

        Meter.Settle();
        var cpu = Meter.ProcessorTime();
        watch.Restart();
        var compilerDiagnostics = CreateCompilation(trees, settings).GetDiagnostics();
        var compileMs = watch.Elapsed.TotalMilliseconds;
        var compileCpuMs = Meter.ProcessorTime() - cpu;
        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        if (analyzers.IsEmpty)
        {
            return new Run(parseMs, compileMs, compileCpuMs, Pass.None, Pass.None, new Dictionary<string, double>(), new Dictionary<string, double>(), errors);
        }

        var floor = RunPass(trees, [new FloorAnalyzer()], settings);
        var full = RunPass(trees, analyzers, settings);
        var alone = new Dictionary<string, double>();
        if (settings.Isolate)
        {
            foreach (var analyzer in analyzers)
            {
                alone[Name(analyzer)] = Math.Max(0, RunPass(trees, [analyzer], settings).CpuMs - floor.CpuMs);
            }
        }

        return new Run(parseMs, compileMs, compileCpuMs, floor, full, full.ExecutionMs, alone, errors);
    }

    private static Pass RunPass(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers, MeasurementSettings settings)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{Name(analyzer)}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: settings.Concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = CreateCompilation(trees, settings).WithAnalyzers(analyzers, options);
        Meter.Settle();
        var cpu = Meter.ProcessorTime();
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var wallMs = watch.Elapsed.TotalMilliseconds;
        var cpuMs = Meter.ProcessorTime() - cpu;
        var pauseMs = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024d * 1024d);
        var executionMs = analyzers.ToDictionary(
            Name,
            a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);

        // What stays reachable from the compilation the analyzers ran on (the driver holds it), e.g. caches of a session.
        var retainedMb = GC.GetTotalMemory(forceFullCollection: true) / (1024d * 1024d);
        GC.KeepAlive(withAnalyzers);
        return new Pass(wallMs, cpuMs, pauseMs, allocatedMb, retainedMb, executionMs, diagnostics, exceptions.ToList());
    }

    private static CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees, MeasurementSettings settings) =>
        CSharpCompilation.Create(
            "Evergreen.Consortium",
            trees,
            MecCompliance.Shared.Net80References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: settings.Concurrent));


    private sealed record Pass(
        double WallMs,
        double CpuMs,
        double GcPauseMs,
        double AllocatedMb,
        double RetainedMb,
        IReadOnlyDictionary<string, double> ExecutionMs,
        ImmutableArray<Diagnostic> Diagnostics,
        IReadOnlyList<string> Exceptions)
    {
        public static Pass None { get; } = new(0, 0, 0, 0, 0, new Dictionary<string, double>(), ImmutableArray<Diagnostic>.Empty, []);
    }

    private sealed record Run(
        double ParseMs,
        double CompileMs,
        double CompileCpuMs,
        Pass Floor,
        Pass Full,
        IReadOnlyDictionary<string, double> PerAnalyzerMs,
        IReadOnlyDictionary<string, double> AloneCpuMs,
        IReadOnlyList<string> CompilerErrors);
}
