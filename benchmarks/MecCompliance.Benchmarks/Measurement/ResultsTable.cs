using System.Globalization;
using System.Text;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>The Markdown tables committed to benchmarks/README.md.</summary>
public static class ResultsTable
{
    public static string Render(IReadOnlyList<SizeResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| files | lines | parse ms | compile ms | analyzers ms | ratio | compile CPU ms | analyzer pass CPU ms | pass overhead (CPU) | compile CPU ms / 1k lines | analyzers ms / 1k lines | diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var measured = r.PerAnalyzer.Count > 0;
            var analyzerCells = measured
                ? Invariant($"{r.AnalyzerExecutionMs:F0} | {r.Ratio:P1} | {r.CompileCpuMs:F0} | {r.AnalyzerPassCpuMs:F0} | {r.PassOverheadCpu:P0}")
                : Invariant($"n/a | n/a | {r.CompileCpuMs:F0} | n/a | n/a");
            var perKiloLine = measured ? Invariant($"{PerKiloLine(r.AnalyzerExecutionMs, r):F2}") : "n/a";
            text.AppendLine(Invariant($"| {r.Files:N0} | {r.Lines:N0} | {r.ParseMs:F0} | {r.CompileMs:F0} | {analyzerCells} | {PerKiloLine(r.CompileCpuMs, r):F2} | {perKiloLine} | {Counts(r.DiagnosticsById)} |"));
        }

        if (results.Count > 1)
        {
            var first = results[0];
            var last = results[^1];
            text.AppendLine();
            text.AppendLine(Invariant($"Growth from {first.Lines:N0} to {last.Lines:N0} lines (ms per 1k lines, largest / smallest; 1.00 is linear): compile {Growth(first.CompileMs, first, last.CompileMs, last):F2} (CPU {Growth(first.CompileCpuMs, first, last.CompileCpuMs, last):F2}), analyzers {Growth(first.AnalyzerExecutionMs, first, last.AnalyzerExecutionMs, last):F2}, analyzer pass CPU {Growth(first.AnalyzerPassCpuMs, first, last.AnalyzerPassCpuMs, last):F2}."));
        }

        var analyzers = results.SelectMany(r => r.PerAnalyzer.Select(p => p.Analyzer)).Distinct().ToList();
        text.AppendLine();
        if (analyzers.Count == 0)
        {
            text.AppendLine("No DiagnosticAnalyzer in MecCompliance.Analyzers.dll yet: only the compiler was measured.");
        }
        else
        {
            text.AppendLine("| analyzer | " + string.Join(" | ", results.Select(r => Invariant($"ms @ {r.Files:N0} files"))) + " | share of compile @ largest |");
            text.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")) + "---:|");
            foreach (var analyzer in analyzers)
            {
                var cells = results.Select(r => Invariant($"{r.PerAnalyzer.FirstOrDefault(p => p.Analyzer == analyzer).Ms:F0}"));
                var largest = results[^1];
                var share = largest.CompileMs == 0 ? 0 : largest.PerAnalyzer.FirstOrDefault(p => p.Analyzer == analyzer).Ms / largest.CompileMs;
                text.AppendLine($"| {analyzer} | {string.Join(" | ", cells)} | {Invariant($"{share:P1}")} |");
            }
        }

        text.AppendLine();
        text.AppendLine("| files | planted leaks (what a complete engine reports) | reported | compiler errors | analyzer exceptions |");
        text.AppendLine("|---:|---|---|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Invariant($"| {r.Files:N0} | {Counts(r.Planted)} | {Counts(r.DiagnosticsById)} | {r.CompilerErrors} | {r.AnalyzerExceptions.Count} |"));
        }

        return text.ToString();
    }

    private static double PerKiloLine(double ms, SizeResult r) => r.Lines == 0 ? 0 : ms * 1000 / r.Lines;

    private static double Growth(double smallMs, SizeResult small, double largeMs, SizeResult large)
    {
        var from = PerKiloLine(smallMs, small);
        return from == 0 ? 0 : PerKiloLine(largeMs, large) / from;
    }

    private static string Counts(IReadOnlyDictionary<string, int> byId) =>
        byId.Count == 0 ? "none" : string.Join(", ", byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
