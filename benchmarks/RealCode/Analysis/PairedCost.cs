using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using MecCompliance.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.RealCode.Analysis;

/// <summary>The medians of <c>--paired</c> runs over every project of a corpus (sums over the projects of each run).</summary>
public sealed record PairedCostResult(
    int Runs,
    double CompileMs,
    double CompileCpuMs,
    double FloorCpuMs,
    double AnalyzerPassCpuMs,
    double TelemetryMs,
    IReadOnlyList<(string Analyzer, double TelemetryMs, double AloneCpuMs)> PerAnalyzer,
    IReadOnlyList<(string Project, double CompileMs, double TelemetryMs)> PerProject,
    IReadOnlyList<string> AnalyzerExceptions)
{
    /// <summary>Processor time the analyzers add to a do-nothing operation analyzer's pass.</summary>
    public double AnalyzerCpuMs => Math.Max(0, AnalyzerPassCpuMs - FloorCpuMs);

    /// <summary>What <c>dotnet build -p:ReportAnalyzer=true</c> shows: analyzer callback time over compile time (target &lt;= 10%).</summary>
    public double TelemetryRatio => CompileMs == 0 ? 0 : TelemetryMs / CompileMs;

    /// <summary>Processor time above the floor over compile processor time (target &lt;= 5%).</summary>
    public double CpuRatio => CompileCpuMs == 0 ? 0 : AnalyzerCpuMs / CompileCpuMs;
}

/// <summary>
/// The real-code cost measurement of issue #12: for each run and each project, on a fresh clone of its compilation (the
/// referenced projects' compilations stay bound, as in a compiler server that keeps them), the compiler's own work
/// (<c>GetDiagnostics</c>, wall and processor time), a pass with a do-nothing operation analyzer (the floor: what any
/// operation-based analyzer makes Roslyn pay) and a pass with the MecCompliance analyzers (processor time and Roslyn's
/// per-analyzer telemetry). One warm-up run (JIT, caches: steady-state code), then the medians of the paired runs. With
/// isolate, one more pass per analyzer alone (its processor time above the floor). Sequential analysis, as the harness runs.
/// </summary>
public static class PairedCost
{
    public static PairedCostResult Measure(IReadOnlyList<CompiledProject> projects, ImmutableArray<DiagnosticAnalyzer> analyzers, int repeat, bool isolate, TextWriter progress)
    {
        var runs = new List<Run>();
        for (var i = 0; i <= repeat; i++)
        {
            var run = MeasureOnce(projects, analyzers, isolate);
            progress.WriteLine($"  paired run {i}{(i == 0 ? " (warm-up, not counted)" : "")}: compile {run.CompileMs:F0} ms ({run.CompileCpuMs:F0} ms CPU), floor {run.FloorCpuMs:F0} ms CPU, analyzers {run.FullCpuMs:F0} ms CPU, telemetry {run.Telemetry.Values.Sum():F0} ms");
            if (i > 0)
            {
                runs.Add(run);
            }
        }

        return new PairedCostResult(
            runs.Count,
            Meter.Median(runs.Select(r => r.CompileMs)),
            Meter.Median(runs.Select(r => r.CompileCpuMs)),
            Meter.Median(runs.Select(r => r.FloorCpuMs)),
            Meter.Median(runs.Select(r => r.FullCpuMs)),
            Meter.Median(runs.Select(r => r.Telemetry.Values.Sum())),
            analyzers.Select(a => a.GetType().Name)
                .Select(n => (n, Meter.Median(runs.Select(r => r.Telemetry.GetValueOrDefault(n))), Meter.Median(runs.Select(r => r.Alone.GetValueOrDefault(n)))))
                .OrderByDescending(p => p.Item2)
                .ToList(),
            projects.Select(p => p.Project.Name)
                .Select(n => (n, Meter.Median(runs.Select(r => r.ProjectCompileMs.GetValueOrDefault(n))), Meter.Median(runs.Select(r => r.ProjectTelemetryMs.GetValueOrDefault(n)))))
                .OrderByDescending(p => p.Item2)
                .ToList(),
            runs.SelectMany(r => r.Exceptions).Distinct(StringComparer.Ordinal).ToList());
    }

    private static Run MeasureOnce(IReadOnlyList<CompiledProject> projects, ImmutableArray<DiagnosticAnalyzer> analyzers, bool isolate)
    {
        var run = new Run();
        foreach (var project in projects)
        {
            var name = project.Project.Name;
            Meter.Settle();
            var cpu = Meter.ProcessorTime();
            var clock = Stopwatch.StartNew();
            project.Compilation.Clone().GetDiagnostics();
            var compileMs = clock.Elapsed.TotalMilliseconds;
            run.CompileMs += compileMs;
            run.CompileCpuMs += Meter.ProcessorTime() - cpu;
            run.ProjectCompileMs[name] = compileMs;

            var floor = Pass(project.Compilation, [new FloorAnalyzer()], run.Exceptions);
            run.FloorCpuMs += floor.CpuMs;
            var full = Pass(project.Compilation, analyzers, run.Exceptions);
            run.FullCpuMs += full.CpuMs;
            foreach (var (analyzer, ms) in full.Telemetry)
            {
                run.Telemetry[analyzer] = run.Telemetry.GetValueOrDefault(analyzer) + ms;
            }

            run.ProjectTelemetryMs[name] = full.Telemetry.Values.Sum();
            if (isolate && analyzers.Length > 1)
            {
                foreach (var analyzer in analyzers)
                {
                    var alone = Pass(project.Compilation, [analyzer], run.Exceptions);
                    run.Alone[analyzer.GetType().Name] = run.Alone.GetValueOrDefault(analyzer.GetType().Name) + Math.Max(0, alone.CpuMs - floor.CpuMs);
                }
            }
        }

        return run;
    }

    private static (double CpuMs, Dictionary<string, double> Telemetry) Pass(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ConcurrentBag<string> exceptions)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, options);
        Meter.Settle();
        var cpu = Meter.ProcessorTime();
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var cpuMs = Meter.ProcessorTime() - cpu;
        var telemetry = analyzers.ToDictionary(
            a => a.GetType().Name,
            a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds,
            StringComparer.Ordinal);
        return (cpuMs, telemetry);
    }


    private sealed class Run
    {
        public double CompileMs { get; set; }

        public double CompileCpuMs { get; set; }

        public double FloorCpuMs { get; set; }

        public double FullCpuMs { get; set; }

        public Dictionary<string, double> Telemetry { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> Alone { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> ProjectCompileMs { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> ProjectTelemetryMs { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<string> Exceptions { get; } = [];
    }
}
