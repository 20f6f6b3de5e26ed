using System.Globalization;
using System.Text;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>The Markdown tables committed to benchmarks/README.md.</summary>
public static class ResultsTable
{
    public static string Render(IReadOnlyList<SizeResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| files | lines | compile ms | analyzers ms | ratio | floor analyzer ms | compile CPU ms | floor pass CPU ms | analyzer pass CPU ms | analyzers CPU ms | ratio (CPU) | compile CPU ms / 1k lines | analyzers CPU ms / 1k lines | diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var analyzerCells = r.PerAnalyzer.Count > 0
                ? Invariant($"{r.AnalyzerExecutionMs:F0} | {r.Ratio:P1} | {r.FloorExecutionMs:F0} | {r.CompileCpuMs:F0} | {r.FloorPassCpuMs:F0} | {r.AnalyzerPassCpuMs:F0} | {r.AnalyzerCpuMs:F0} | {r.RatioCpu:P1} | {PerKiloLine(r.CompileCpuMs, r):F2} | {PerKiloLine(r.AnalyzerCpuMs, r):F2}")
                : Invariant($"n/a | n/a | n/a | {r.CompileCpuMs:F0} | n/a | n/a | n/a | n/a | {PerKiloLine(r.CompileCpuMs, r):F2} | n/a");
            text.AppendLine(Invariant($"| {r.Files:N0} | {r.Lines:N0} | {r.CompileMs:F0} | {analyzerCells} | {Counts(r.DiagnosticsById)} |"));
        }

        if (results.Count > 1)
        {
            var first = results[0];
            var last = results[^1];
            text.AppendLine();
            text.Append(Invariant($"Growth from {first.Lines:N0} to {last.Lines:N0} lines (ms per 1k lines at the largest size / at the smallest; 1.00 is linear): compile CPU {Growth(first.CompileCpuMs, first, last.CompileCpuMs, last):F2}"));
            text.AppendLine(first.PerAnalyzer.Count == 0
                ? "."
                : Invariant($", analyzers {Growth(first.AnalyzerExecutionMs, first, last.AnalyzerExecutionMs, last):F2}, analyzers CPU {Growth(first.AnalyzerCpuMs, first, last.AnalyzerCpuMs, last):F2}."));
        }

        var analyzers = results.SelectMany(r => r.PerAnalyzer.Select(p => p.Analyzer)).Distinct().ToList();
        if (analyzers.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| files | GC pause ms: floor pass | GC pause ms: analyzer pass | allocated MB: floor pass | allocated MB: analyzer pass | allocated by the analyzers MB | heap after pass MB: floor | heap after pass MB: analyzers | retained by the analyzers MB |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                text.AppendLine(Invariant($"| {r.Files:N0} | {r.FloorGcPauseMs:F0} | {r.AnalyzerGcPauseMs:F0} | {r.FloorAllocatedMb:F0} | {r.AnalyzerAllocatedMb:F0} | {r.AnalyzerAllocatedMb - r.FloorAllocatedMb:F0} | {r.FloorRetainedMb:F0} | {r.AnalyzerRetainedMb:F0} | {r.AnalyzerRetainedMb - r.FloorRetainedMb:F0} |"));
            }
        }

        text.AppendLine();
        if (analyzers.Count == 0)
        {
            text.AppendLine("No DiagnosticAnalyzer in MecCompliance.Analyzers.dll yet: only the compiler was measured.");
        }
        else
        {
            var largest = results[^1];
            var isolated = largest.PerAnalyzer.Any(p => p.AloneCpuMs > 0);
            text.AppendLine("| analyzer | " + string.Join(" | ", results.Select(r => Invariant($"ms @ {r.Files:N0} files"))) + " | share of compile @ largest |" + (isolated ? " alone: CPU ms @ largest |" : ""));
            text.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")) + "---:|" + (isolated ? "---:|" : ""));
            foreach (var analyzer in analyzers)
            {
                var cells = results.Select(r => Invariant($"{r.PerAnalyzer.FirstOrDefault(p => p.Analyzer == analyzer).Ms:F0}"));
                var mine = largest.PerAnalyzer.FirstOrDefault(p => p.Analyzer == analyzer);
                var share = largest.CompileMs == 0 ? 0 : mine.Ms / largest.CompileMs;
                text.AppendLine($"| {analyzer} | {string.Join(" | ", cells)} | {Invariant($"{share:P1}")} |" + (isolated ? Invariant($" {mine.AloneCpuMs:F0} |") : ""));
            }
        }

        text.AppendLine();
        text.AppendLine("| files | planted leaks (what a complete engine reports) | reported | planted, not reported (line by line) | reported where nothing was planted | compiler errors | analyzer exceptions |");
        text.AppendLine("|---:|---|---|---|---|---:|---:|");
        foreach (var r in results)
        {
            var missed = r.PerAnalyzer.Count == 0 ? "n/a" : Counts(ById(r.Missed, s => s[(s.IndexOf("): ", StringComparison.Ordinal) + 3)..].Split(' ')[0]));
            var unexpected = r.PerAnalyzer.Count == 0 ? "n/a" : Counts(ById(r.Unexpected, s => s.Split(": ")[1].Split(' ')[^1]));
            text.AppendLine(Invariant($"| {r.Files:N0} | {Counts(r.Planted)} | {Counts(r.DiagnosticsById)} | {missed} | {unexpected} | {r.CompilerErrors} | {r.AnalyzerExceptions.Count} |"));
        }

        return text.ToString();
    }

    private static double PerKiloLine(double ms, SizeResult r) => r.Lines == 0 ? 0 : ms * 1000 / r.Lines;

    private static double Growth(double smallMs, SizeResult small, double largeMs, SizeResult large)
    {
        var from = PerKiloLine(smallMs, small);
        return from == 0 ? 0 : PerKiloLine(largeMs, large) / from;
    }

    private static Dictionary<string, int> ById(IEnumerable<string> lines, Func<string, string> id) =>
        lines.GroupBy(id).ToDictionary(g => g.Key, g => g.Count());

    private static string Counts(IReadOnlyDictionary<string, int> byId) =>
        byId.Count == 0 ? "none" : string.Join(", ", byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
