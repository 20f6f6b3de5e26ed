using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MecCompliance.RealCode.Analysis;

/// <summary>
/// One document analysed the way an editor's background analysis does it, next to the full build's findings for it.
/// <paramref name="Missing"/> are the build's flow findings the document analysis did not report (same id, span and
/// message); <paramref name="Extra"/> the ones it reported that the build did not; <paramref name="AnalyzerExceptions"/>
/// what threw (AD0001) in the document analysis — a rule that stopped there, so its findings would be missing for a
/// reason that is not the mode.
/// </summary>
public sealed record DocumentComparison(
    string FilePath,
    IReadOnlyList<Diagnostic> BuildFindings,
    IReadOnlyList<Diagnostic> Missing,
    IReadOnlyList<Diagnostic> Extra,
    TimeSpan CompilerTime,
    TimeSpan AnalyzerTime,
    TimeSpan AnalyzerWallTime,
    IReadOnlyList<string> AnalyzerExceptions)
{
    /// <summary>Analyzer time (telemetry) over the compiler's own semantic diagnostics for the document; null when the compiler took no measurable time.</summary>
    public double? Ratio => CompilerTime > TimeSpan.Zero ? AnalyzerTime / CompilerTime : null;
}

/// <summary>
/// The editor's view of the flow rules: each syntax tree that holds a flow finding of the full run is analysed alone,
/// with <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, TextSpan?, CancellationToken)"/>
/// on a fresh <see cref="CompilationWithAnalyzers"/> — which runs no compilation-end action — and the findings are
/// compared one by one. Nothing of the full run is reused but the compilation's syntax trees and declaration table.
/// </summary>
public static class PerDocumentRun
{
    public static readonly ImmutableHashSet<string> FlowRules = ImmutableHashSet.Create(StringComparer.Ordinal, "MEC001", "MEC002", "MEC003", "MEC006");

    public static async Task<IReadOnlyList<DocumentComparison>> RunAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        IReadOnlyList<Diagnostic> buildFindings,
        ISet<string> ruleFilter,
        CancellationToken cancellationToken)
    {
        // The build's findings were cut to the kept rules; the document's are cut the same way, so that an analyzer
        // kept for one rule does not show its other rule as reported alone only.
        bool Compared(Diagnostic d) => FlowRules.Contains(d.Id) && (ruleFilter.Count == 0 || ruleFilter.Contains(d.Id));
        var byTree = buildFindings
            .Where(d => Compared(d) && d.Location.SourceTree is not null)
            .GroupBy(d => d.Location.SourceTree!)
            .OrderBy(g => g.Key.FilePath, StringComparer.Ordinal);

        var documents = new List<DocumentComparison>();
        foreach (var group in byTree)
        {
            documents.Add(await AnalyseAsync(compilation, analyzers, group.Key, group.ToList(), Compared, cancellationToken).ConfigureAwait(false));
        }

        return documents;
    }

    private static async Task<DocumentComparison> AnalyseAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        SyntaxTree tree,
        IReadOnlyList<Diagnostic> buildFindings,
        Func<Diagnostic, bool> compared,
        CancellationToken cancellationToken)
    {
        // The compiler's own semantic diagnostics for the document, on a clone: Clone() keeps the syntax trees and the
        // declaration table but none of the symbols or bound bodies, so nothing bound by the full run (or by the
        // analyzer pass below, which works on a clone of its own) is counted as free here.
        var compilerClone = compilation.Clone();
        var clock = Stopwatch.StartNew();
        _ = compilerClone.GetSemanticModel(tree).GetDiagnostics(cancellationToken: cancellationToken);
        var compilerTime = clock.Elapsed;

        // A fresh clone and a fresh CompilationWithAnalyzers per document, as an editor analysing one open file would
        // have after an edit: no analyzer state, no summary, no cached semantic model from the full run.
        var analyzerClone = compilation.Clone();
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = analyzerClone.WithAnalyzers(analyzers, options);
        clock.Restart();
        var reported = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(analyzerClone.GetSemanticModel(tree), filterSpan: null, cancellationToken).ConfigureAwait(false);
        var wallTime = clock.Elapsed;
        var analyzerTime = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            analyzerTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
        }

        var documentFindings = reported.Where(d => compared(d) && d.Location.SourceTree == tree).ToList();
        var documentKeys = documentFindings.Select(Key).ToHashSet(StringComparer.Ordinal);
        var buildKeys = buildFindings.Select(Key).ToHashSet(StringComparer.Ordinal);
        return new DocumentComparison(
            tree.FilePath,
            buildFindings,
            buildFindings.Where(d => !documentKeys.Contains(Key(d))).ToList(),
            documentFindings.Where(d => !buildKeys.Contains(Key(d))).ToList(),
            compilerTime,
            analyzerTime,
            wallTime,
            exceptions.Concat(reported.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture))).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>What makes two findings the same for the developer: rule, place (file and span) and message.</summary>
    public static string Key(Diagnostic diagnostic) =>
        string.Join(
            '\u001f',
            diagnostic.Id,
            diagnostic.Location.SourceTree?.FilePath ?? "",
            diagnostic.Location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture),
            diagnostic.Location.SourceSpan.End.ToString(CultureInfo.InvariantCulture),
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
}
