using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using MecCompliance.Benchmarks.Corpus;
using MecCompliance.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MecCompliance.Benchmarks -- [--sizes 100,300,1000] [--repeat 5]
/// [--seed 2024] [--concurrent] [--write-corpus DIR] [--write-diagnostics DIR] [--only AnalyzerTypeName,...] [--isolate]</c>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var sizes = Option(args, "--sizes", "100,300,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var repeat = int.Parse(Option(args, "--repeat", "5"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "2024"), CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var settings = new MeasurementSettings(repeat, args.Contains("--concurrent"), args.Contains("--isolate"));
        var corpusDirectory = Option(args, "--write-corpus", "");
        var diagnosticsDirectory = Option(args, "--write-diagnostics", "");

        var only = Option(args, "--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var analyzers = AnalyzerCatalog.CreateAll().Where(a => only.Length == 0 || only.Contains(a.GetType().Name)).ToImmutableArray();
        Console.WriteLine($"Roslyn {typeof(Compilation).Assembly.GetName().Version} on {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores");
        Console.WriteLine($"Analyzers ({analyzers.Length}): {(analyzers.IsEmpty ? "none" : string.Join(", ", analyzers.Select(CompileVersusAnalyzers.Name)))}");
        Console.WriteLine($"Seed {seed}, warm-up 1, median of {repeat}, {(settings.Concurrent ? "concurrent" : "sequential")} binding and analysis");

        var results = new List<SizeResult>();
        foreach (var size in sizes)
        {
            var corpus = ConsortiumCorpus.Generate(size, seed);
            if (corpusDirectory.Length > 0)
            {
                Write(corpus, Path.Combine(corpusDirectory, size.ToString(CultureInfo.InvariantCulture)));
            }

            var result = CompileVersusAnalyzers.Measure(corpus, analyzers, settings);
            results.Add(result);
            if (diagnosticsDirectory.Length > 0)
            {
                Directory.CreateDirectory(diagnosticsDirectory);
                File.WriteAllLines(Path.Combine(diagnosticsDirectory, $"diagnostics-{size}.txt"), result.Diagnostics);
                File.WriteAllLines(Path.Combine(diagnosticsDirectory, $"mismatches-{size}.txt"), result.Missed.Concat(result.Unexpected));
            }
            Console.WriteLine($"  {result.Files} files, {result.Lines} lines: compile {result.CompileMs:F0} ms ({result.CompileCpuMs:F0} ms CPU), analyzers {result.AnalyzerExecutionMs:F0} ms ({result.Ratio:P1}), {result.AnalyzerCpuMs:F0} ms CPU ({result.RatioCpu:P1})");
            foreach (var error in result.FirstCompilerErrors)
            {
                Console.WriteLine("    corpus error: " + error);
            }

            foreach (var exception in result.AnalyzerExceptions)
            {
                Console.WriteLine("    analyzer exception: " + exception);
            }
        }

        Console.WriteLine();
        Console.WriteLine(ResultsTable.Render(results));
        return results.Any(r => r.CompilerErrors > 0 || r.AnalyzerExceptions.Count > 0) ? 1 : 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static void Write(GeneratedCorpus corpus, string directory)
    {
        foreach (var file in corpus.Files)
        {
            var path = Path.Combine(directory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }
}
