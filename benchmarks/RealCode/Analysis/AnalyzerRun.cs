using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.RealCode.Analysis;

/// <summary>What the analyzers reported on one project, and what it cost.</summary>
public sealed record ProjectResult(
    CompiledProject Compiled,
    int CompileErrors,
    IReadOnlyDictionary<string, int> ErrorsById,
    IReadOnlyDictionary<string, string> FirstErrorById,
    IReadOnlyList<Diagnostic> Findings,
    IReadOnlyList<string> AnalyzerExceptions,
    TimeSpan CompileTime,
    IReadOnlyDictionary<string, TimeSpan> AnalyzerTime);

/// <summary>
/// Runs the analyzers over one compilation through <see cref="CompilationWithAnalyzers"/>, as the build does, and keeps
/// every analyzer exception (AD0001): on real code an exception is a silently missing rule, never noise.
/// </summary>
public static class AnalyzerRun
{
    public static async Task<ProjectResult> RunAsync(CompiledProject compiled, ImmutableArray<DiagnosticAnalyzer> analyzers, ISet<string> ruleFilter)
    {
        // The compiler's own work first (declaration and body binding of everything): what the timing compares against.
        var clock = Stopwatch.StartNew();
        var compilerDiagnostics = compiled.Compilation.GetDiagnostics();
        var compileTime = clock.Elapsed;
        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message} {FirstFrame(exception)}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compiled.Compilation.WithAnalyzers(analyzers, options);
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);

        var all = result.GetAllDiagnostics();
        if (exceptions.IsEmpty)
        {
            // The callback normally sees every exception; AD0001 without it would still be one, so it is kept.
            foreach (var failure in all.Where(d => d.Id == "AD0001"))
            {
                exceptions.Add(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var findings = all
            .Where(d => d.Id != "AD0001" && d.Location.IsInSource)
            .Where(d => ruleFilter.Count == 0 || ruleFilter.Contains(d.Id))
            .ToList();
        var time = result.AnalyzerTelemetryInfo.ToDictionary(p => p.Key.GetType().Name, p => p.Value.ExecutionTime, StringComparer.Ordinal);
        return new ProjectResult(
            compiled,
            errors.Count,
            errors.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            errors.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
            findings,
            exceptions.Distinct(StringComparer.Ordinal).OrderBy(e => e, StringComparer.Ordinal).ToList(),
            compileTime,
            time);
    }

    private static string FirstFrame(Exception exception) =>
        exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
}
