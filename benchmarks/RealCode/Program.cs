using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using MecCompliance.RealCode.Analysis;
using MecCompliance.RealCode.Corpus;
using MecCompliance.RealCode.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.RealCode;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/RealCode -- CORPUS_ROOT [FOLDER ...] [--rules FILE] [--out FILE]
/// [--rules-only MEC001,MEC006] [--verdicts FILE] [--timing] [--per-document] [--out-missing FILE] [--include-tests]
/// [--dotnet-root DIR] [--nuget-packages DIR] [--paired N [--isolate]]</c>
/// or <c>-- --self-check</c>. Findings go to stdout (or --out) as TSV, the summary to stderr.
/// Exit code 1 when an analyzer threw (AD0001), 2 on a usage error, else 0.
/// </summary>
public static class Program
{
    private static readonly string[] FlowRules = ["MEC001", "MEC002", "MEC003", "MEC006"];

    private static readonly string[] ValueOptions = ["--rules", "--out", "--rules-only", "--verdicts", "--dotnet-root", "--nuget-packages", "--out-missing", "--paired"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--self-check"))
        {
            return await SelfCheck.RunAsync().ConfigureAwait(false);
        }

        var positional = Positional(args);
        if (positional.Count == 0 || args.Contains("--help"))
        {
            Console.Error.WriteLine("usage: RealCode CORPUS_ROOT [FOLDER ...] [--rules FILE] [--out FILE] [--rules-only MEC001,MEC006] [--verdicts FILE] [--timing] [--per-document] [--out-missing FILE] [--include-tests] [--no-summaries] [--dotnet-root DIR] [--nuget-packages DIR] [--paired N [--isolate]] | --self-check");
            return 2;
        }

        var settings = new HarnessSettings(
            Path.GetFullPath(positional[0]),
            positional.Count > 1 ? positional.Skip(1).ToList() : ["."],
            Option(args, "--rules") is { } rulesFile ? ClassificationRules.Parse(File.ReadLines(rulesFile)) : ClassificationRules.None,
            (Option(args, "--rules-only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
            args.Contains("--include-tests"),
            Option(args, "--dotnet-root") ?? ReferenceResolver.DefaultDotnetRoot(),
            Option(args, "--nuget-packages") ?? ReferenceResolver.DefaultNuGetPackages(),
            args.Contains("--per-document"))
        {
            FlowSummaries = !args.Contains("--no-summaries"),
        };
        var run = await Harness.RunAsync(settings, Console.Error).ConfigureAwait(false);

        var verdicts = Option(args, "--verdicts") is { } verdictFile ? VerdictBook.Load(verdictFile) : null;
        // Judged are the flow rules and any rule the verdicts cover; others (MEC005's naming hint) are listed, not compared.
        var judgedRules = verdicts is null ? [] : verdicts.Verdicts.Select(v => v.Rule).Concat(FlowRules).ToHashSet(StringComparer.Ordinal);
        var comparison = verdicts?.Compare(run.Findings.Where(f => judgedRules.Contains(f.Rule)).ToList());
        var lines = comparison is null
            ? run.Findings.Select(f => f.ToTsv())
            : run.Findings.Select(finding => comparison.Judged.FirstOrDefault(j => ReferenceEquals(j.Finding, finding)) is { Finding: not null } judged
                ? f(judged.Finding, judged.Verdict)
                : finding.ToTsv() + "\t-\t");
        if (Option(args, "--out") is { } outFile)
        {
            File.WriteAllLines(outFile, lines);
        }
        else
        {
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line);
            }
        }

        Summary.Write(run, Console.Error, args.Contains("--timing"));
        if (comparison is not null)
        {
            Summary.WriteComparison(comparison, Console.Error);
        }

        if (Option(args, "--paired") is { } pairedText)
        {
            if (!int.TryParse(pairedText, NumberStyles.None, CultureInfo.InvariantCulture, out var repeat) || repeat < 1)
            {
                Console.Error.WriteLine("--paired N: N must be a whole number of runs, at least 1");
                return 2;
            }

            Console.Error.WriteLine($"Paired cost: {repeat} runs after a warm-up, {run.Results.Count} projects{(args.Contains("--isolate") ? ", each analyzer also alone" : "")}");
            var paired = PairedCost.Measure(run.Results.Select(r => r.Compiled).ToList(), Harness.Analyzers(settings.RulesOnly), repeat, args.Contains("--isolate"), Console.Error);
            Summary.WritePaired(paired, Console.Error);
            if (paired.AnalyzerExceptions.Count > 0)
            {
                return 1;
            }
        }

        if (settings.PerDocument)
        {
            Summary.WritePerDocument(run, Console.Error);
            if (Option(args, "--out-missing") is { } missingFile)
            {
                File.WriteAllLines(missingFile, run.MissingPerDocument.Select(f => f.ToTsv()));
            }
        }

        return run.Results.Any(r => r.AnalyzerExceptions.Count > 0) || run.Documents.Any(d => d.AnalyzerExceptions.Count > 0) ? 1 : 0;

        static string f(Finding finding, Verdict? verdict) =>
            finding.ToTsv() + "\t" + (verdict is null ? "NEW\t" : (verdict.IsTrue ? "true" : "false") + "\t" + Finding.Clean(verdict.Why));
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static List<string> Positional(string[] args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (ValueOptions.Contains(args[i]))
            {
                i++;
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
        }

        return positional;
    }
}

/// <summary>What to compile, how to classify it, and which findings to keep.</summary>
public sealed record HarnessSettings(
    string CorpusRoot,
    IReadOnlyList<string> Folders,
    ClassificationRules Rules,
    ISet<string> RulesOnly,
    bool IncludeTests,
    string DotnetRoot,
    string NuGetPackages,
    bool PerDocument = false)
{
    /// <summary>
    /// Whether each library project gets the flow summaries its build would carry (<c>FlowSummaryGenerator</c>), so the
    /// projects referencing it follow calls into it as `dotnet build` does; <c>--no-summaries</c> for the behaviour before.
    /// </summary>
    public bool FlowSummaries { get; init; } = true;
}

/// <summary>
/// One run over a corpus: every project's result and the findings of all of them, sorted; with --per-document, each
/// document holding a flow finding analysed alone, and the build's flow findings that analysis did not report (sorted).
/// </summary>
public sealed record HarnessRun(
    HarnessSettings Settings,
    IReadOnlyList<ProjectResult> Results,
    IReadOnlyList<Finding> Findings,
    int AnalyzerCount,
    IReadOnlyList<DocumentComparison> Documents,
    IReadOnlyList<Finding> MissingPerDocument);

public static class Harness
{
    public static async Task<HarnessRun> RunAsync(HarnessSettings settings, TextWriter progress)
    {
        var analyzers = Analyzers(settings.RulesOnly);
        var resolver = new ReferenceResolver(settings.DotnetRoot, settings.NuGetPackages);
        var compiler = new ProjectCompiler(resolver, settings.Rules, ClassificationReferences(resolver)) { FlowSummaries = settings.FlowSummaries };
        var projects = CorpusProject.Discover(settings.Folders.Select(f => Path.GetFullPath(Path.Combine(settings.CorpusRoot, f))), settings.IncludeTests);

        var results = new List<ProjectResult>();
        var documents = new List<DocumentComparison>();
        foreach (var project in projects)
        {
            var compiled = compiler.Compile(project, projects.ToList());
            var result = await AnalyzerRun.RunAsync(compiled, analyzers, settings.RulesOnly).ConfigureAwait(false);
            results.Add(result);
            progress.WriteLine($"  {Path.GetRelativePath(settings.CorpusRoot, project.FilePath)}: {compiled.Files} files, {compiled.ClassifiedMembers} classified, {result.CompileErrors} errors, {result.Findings.Count} findings" +
                (compiled.SummaryTime is { } summaryTime ? $", summaries {compiled.SummaryCount} ({compiled.SummaryCharacters} chars) in {summaryTime.TotalSeconds:0.0} s" : ""));
            if (settings.PerDocument)
            {
                var analysed = await PerDocumentRun.RunAsync(compiled.Compilation, analyzers, result.Findings, settings.RulesOnly, CancellationToken.None).ConfigureAwait(false);
                documents.AddRange(analysed);
                progress.WriteLine($"    per document: {analysed.Count} documents, {analysed.Sum(d => d.BuildFindings.Count - d.Missing.Count)} of {analysed.Sum(d => d.BuildFindings.Count)} flow findings appear");
            }
        }

        var fileLines = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] LinesOf(string path)
        {
            if (!fileLines.TryGetValue(path, out var lines))
            {
                lines = File.Exists(path) ? File.ReadAllLines(path) : [];
                fileLines[path] = lines;
            }

            return lines;
        }

        var findings = results
            .SelectMany(r => r.Findings)
            .Select(d => Finding.From(d, settings.CorpusRoot, LinesOf))
            .ToList();
        findings.Sort(Finding.Compare);
        var missing = documents.SelectMany(d => d.Missing).Select(d => Finding.From(d, settings.CorpusRoot, LinesOf)).ToList();
        missing.Sort(Finding.Compare);
        return new HarnessRun(settings, results, findings, analyzers.Length, documents, missing);
    }

    /// <summary>Every analyzer the analyzer assembly ships (found by reflection), or those that report one of the kept rules.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers(ISet<string> rulesOnly) =>
        typeof(MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => rulesOnly.Count == 0 || a.SupportedDiagnostics.Any(d => rulesOnly.Contains(d.Id)))
            .ToImmutableArray();

    /// <summary>The built attributes assembly and the classification base it derives from, which the inserted attributes need.</summary>
    private static List<MetadataReference> ClassificationReferences(ReferenceResolver resolver) =>
        [
            resolver.Reference(typeof(MecCompliance.PersonalDataAttribute).Assembly.Location),
            resolver.Reference(typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly.Location),
        ];
}

/// <summary>The stderr summary: what was compiled, how partial it was, what was found, and (asked for) what it cost.</summary>
public static class Summary
{
    public static void Write(HarnessRun run, TextWriter output, bool timing)
    {
        var results = run.Results;
        output.WriteLine();
        output.WriteLine($"Roslyn {typeof(Compilation).Assembly.GetName().Version}, {run.AnalyzerCount} analyzers; corpus {run.Settings.CorpusRoot} ({string.Join(", ", run.Settings.Folders)})");
        output.WriteLine($"Projects {results.Count}, files {results.Sum(r => r.Compiled.Files)}, classified members {results.Sum(r => r.Compiled.ClassifiedMembers)}, compile errors {results.Sum(r => r.CompileErrors)}");
        var topErrors = results.SelectMany(r => r.ErrorsById).GroupBy(p => p.Key).Select(g => (Id: g.Key, Count: g.Sum(p => p.Value))).OrderByDescending(e => e.Count).Take(6).ToList();
        output.WriteLine($"  errors by id: {string.Join(", ", topErrors.Select(e => $"{e.Id} {e.Count}"))}");
        foreach (var (id, _) in topErrors.Take(3))
        {
            // One example each, so that a missing package or a wrong compile setting shows itself.
            output.WriteLine($"    e.g. {id}: {results.Select(r => r.FirstErrorById.GetValueOrDefault(id)).First(m => m is not null)}");
        }

        var missing = results.SelectMany(r => r.Compiled.MissingPackages).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        output.WriteLine($"  packages not in the NuGet cache (unresolved): {missing}");
        output.WriteLine($"Findings {run.Findings.Count}: {string.Join(", ", run.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");

        var exceptions = results.SelectMany(r => r.AnalyzerExceptions.Select(e => (r.Compiled.Project.Name, e))).ToList();
        if (exceptions.Count > 0)
        {
            output.WriteLine($"!!! ANALYZER EXCEPTIONS (AD0001): {exceptions.Count} — a rule silently stopped on this code");
            foreach (var (project, exception) in exceptions)
            {
                output.WriteLine($"!!!   {project}: {exception}");
            }
        }
        else
        {
            output.WriteLine("Analyzer exceptions (AD0001): 0");
        }

        if (timing)
        {
            WriteTiming(results, output);
        }
    }

    public static void WriteComparison(Comparison comparison, TextWriter output)
    {
        output.WriteLine();
        var fresh = comparison.New.ToList();
        output.WriteLine($"NEW (no verdict): {fresh.Count}");
        foreach (var finding in fresh)
        {
            output.WriteLine($"  NEW  {finding.Location}\t{finding.Rule}\t{finding.Source}");
        }

        foreach (var (label, isTrue) in new[] { ("GONE true (a true finding was lost)", true), ("GONE false (a false positive was fixed)", false) })
        {
            var gone = comparison.Gone.Where(v => v.IsTrue == isTrue).ToList();
            output.WriteLine($"{label}: {gone.Count}");
            foreach (var verdict in gone)
            {
                output.WriteLine($"  GONE {verdict.Location}\t{verdict.Rule}\t{verdict.Why}");
            }
        }

        output.WriteLine("Precision (true / judged findings):");
        var rules = comparison.Judged.Select(j => j.Finding.Rule).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal);
        foreach (var group in new[] { new[] { "MEC001", "MEC006" } }.Concat(rules.Select(r => new[] { r })))
        {
            var (trueCount, judged, precision) = comparison.Precision(group);
            output.WriteLine($"  {string.Join('+', group),-14} {trueCount,4} / {judged,-4} {(precision is { } p ? p.ToString("F2", CultureInfo.InvariantCulture) : "-")}");
        }

        var causes = comparison.Judged.Where(j => j.Verdict is { IsTrue: false }).GroupBy(j => j.Verdict!.Cause).OrderByDescending(g => g.Count());
        output.WriteLine("False findings by cause:");
        foreach (var cause in causes)
        {
            output.WriteLine($"  {cause.Count(),4}  {cause.Key}  ({string.Join(", ", cause.GroupBy(c => c.Finding.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
        }
    }

    /// <summary>
    /// How many of the build's flow findings an editor shows for the open file, which it does not, and what analysing
    /// one document costs against the compiler's own diagnostics for it.
    /// </summary>
    public static void WritePaired(PairedCostResult paired, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Paired cost (medians of {paired.Runs} runs; sums over projects; sequential; server GC: {System.Runtime.GCSettings.IsServerGC}):");
        output.WriteLine($"  compile                 {paired.CompileMs,9:F0} ms wall  {paired.CompileCpuMs,9:F0} ms CPU");
        output.WriteLine($"  floor pass (do-nothing) {"",9}          {paired.FloorCpuMs,9:F0} ms CPU");
        output.WriteLine($"  analyzer pass           {"",9}          {paired.AnalyzerPassCpuMs,9:F0} ms CPU");
        output.WriteLine($"  analyzers above floor   {"",9}          {paired.AnalyzerCpuMs,9:F0} ms CPU   = {paired.CpuRatio * 100,5:F1} % of compile CPU (target <= 5 %)");
        output.WriteLine($"  analyzer telemetry      {paired.TelemetryMs,9:F0} ms       = {paired.TelemetryRatio * 100,5:F1} % of compile time (target <= 10 %)");
        output.WriteLine("  per analyzer: telemetry ms (alone: CPU ms above floor, with --isolate)");
        foreach (var (analyzer, telemetry, alone) in paired.PerAnalyzer)
        {
            output.WriteLine($"    {analyzer,-36} {telemetry,9:F0}{(alone > 0 ? $"   alone {alone:F0}" : "")}");
        }

        output.WriteLine("  costliest projects: compile ms, telemetry ms");
        foreach (var (project, compile, telemetry) in paired.PerProject.Take(8))
        {
            output.WriteLine($"    {project,-36} {compile,9:F0} {telemetry,9:F0}  {(compile == 0 ? 0 : telemetry / compile * 100),5:F1} %");
        }

        foreach (var exception in paired.AnalyzerExceptions)
        {
            output.WriteLine($"  ANALYZER EXCEPTION: {exception}");
        }
    }

    public static void WritePerDocument(HarnessRun run, TextWriter output)
    {
        var documents = run.Documents;
        output.WriteLine();
        output.WriteLine($"Per document (as an editor's background analysis: GetAnalyzerSemanticDiagnosticsAsync on a fresh CompilationWithAnalyzers, no compilation-end action), {documents.Count} documents with a flow finding:");
        var build = documents.SelectMany(d => d.BuildFindings).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = documents.SelectMany(d => d.Missing).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var rule in PerDocumentRun.FlowRules.OrderBy(r => r, StringComparer.Ordinal))
        {
            var total = build.GetValueOrDefault(rule);
            output.WriteLine($"  {rule}: {total - missing.GetValueOrDefault(rule)} of {total} flow findings of a full build also appear when their file is analysed alone");
        }

        var all = build.Values.Sum();
        var shown = all - missing.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all flow rules: {shown} of {all}{(all > 0 ? $" ({(double)shown / all:P0})" : "")}"));
        output.WriteLine($"  reported per document but not by the build: {documents.Sum(d => d.Extra.Count)}");
        foreach (var document in documents.Where(d => d.AnalyzerExceptions.Count > 0))
        {
            output.WriteLine($"!!! ANALYZER EXCEPTIONS (AD0001) analysing {Path.GetRelativePath(run.Settings.CorpusRoot, document.FilePath)} alone: {string.Join("; ", document.AnalyzerExceptions)}");
        }

        foreach (var finding in run.MissingPerDocument)
        {
            output.WriteLine($"  MISSING {finding.Location}\t{finding.Rule}\t{Finding.Clean(finding.Message)}");
        }

        var ratios = documents.Select(d => d.Ratio).OfType<double>().Order().ToList();
        var compiler = documents.Select(d => d.CompilerTime.TotalMilliseconds).Order().ToList();
        var analyzers = documents.Select(d => d.AnalyzerTime.TotalMilliseconds).Order().ToList();
        var wall = documents.Select(d => d.AnalyzerWallTime.TotalMilliseconds).Order().ToList();
        output.WriteLine("  cost per document (compiler = SemanticModel.GetDiagnostics on a fresh Clone(); analyzers = telemetry ExecutionTime; analysis wall = the whole GetAnalyzerSemanticDiagnosticsAsync, binding included):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"",-22} {"median",10} {"p95",10}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"compiler ms",-22} {Percentile(compiler, 0.5),10:F1} {Percentile(compiler, 0.95),10:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"analyzers ms",-22} {Percentile(analyzers, 0.5),10:F1} {Percentile(analyzers, 0.95),10:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"analysis wall ms",-22} {Percentile(wall, 0.5),10:F1} {Percentile(wall, 0.95),10:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"analyzers / compiler",-22} {Percentile(ratios, 0.5),10:F2} {Percentile(ratios, 0.95),10:F2}"));
    }

    /// <summary>Nearest-rank percentile of sorted values; NaN for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void WriteTiming(IReadOnlyList<ProjectResult> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Timing (single run, sequential; compile = GetDiagnostics, analyzers = telemetry ExecutionTime):");
        output.WriteLine($"  {"project",-42} {"compile ms",11} {"analyzers ms",13} {"ratio",7}  per analyzer");
        foreach (var result in results)
        {
            WriteTimingRow(output, result.Compiled.Project.Name, result.CompileTime, result.AnalyzerTime);
        }

        var total = results.SelectMany(r => r.AnalyzerTime).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => TimeSpan.FromTicks(g.Sum(p => p.Value.Ticks)), StringComparer.Ordinal);
        WriteTimingRow(output, "total", TimeSpan.FromTicks(results.Sum(r => r.CompileTime.Ticks)), total);
    }

    private static void WriteTimingRow(TextWriter output, string name, TimeSpan compile, IReadOnlyDictionary<string, TimeSpan> analyzers)
    {
        var sum = analyzers.Values.Sum(t => t.TotalMilliseconds);
        var ratio = compile.TotalMilliseconds == 0 ? 0 : sum / compile.TotalMilliseconds;
        var per = string.Join(", ", analyzers.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value.TotalMilliseconds:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-42} {compile.TotalMilliseconds,11:F0} {sum,13:F0} {ratio,7:P1}  {per}"));
    }
}
