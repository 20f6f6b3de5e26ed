using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MecCompliance.Analyzers.Tests;

/// <summary>
/// The analyzers never throw (AD0001), whatever the input: every analyzer of the analyzer assembly, found by reflection
/// so that each rule is covered the day it lands, runs over broken and unusual snippets (Robustness/Snippets.cs.txt plus
/// generated extremes), over the repository's own sources, and over the C# embedded in the tests.
/// </summary>
public sealed partial class RobustnessTests
{
    private static readonly CSharpParseOptions SnippetParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Snippets = new(LoadSnippets);

    public static ImmutableArray<DiagnosticAnalyzer> ShippedAnalyzers { get; } = DiscoverAnalyzers(typeof(RuleIdentifiers).Assembly);

    public static TheoryData<string> SnippetNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in Snippets.Value.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    [Fact]
    public async Task An_analyzer_exception_is_caught_by_this_net()
    {
        var compilation = CreateCompilation("sentinel", [Parse("class C { void M() { System.Console.WriteLine(1); } }", "C.cs")]);

        var failures = await AnalyzerFailuresAsync(compilation, [new ThrowingAnalyzer()], NonsenseOptions.Instance);

        Assert.Contains(failures, f => f.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal) && f.Contains("deliberate", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_analyzer_describes_its_diagnostics()
    {
        foreach (var analyzer in ShippedAnalyzers)
        {
            if (analyzer is DiagnosticSuppressor suppressor)
            {
                // A suppressor reports no diagnostic of its own; it names the MEC rules it may suppress.
                Assert.False(suppressor.SupportedSuppressions.IsDefaultOrEmpty, $"{analyzer.GetType().Name} declares no suppressions");
                Assert.All(suppressor.SupportedSuppressions, s => Assert.StartsWith("MEC", s.SuppressedDiagnosticId, StringComparison.Ordinal));
                continue;
            }

            var supported = analyzer.SupportedDiagnostics;
            Assert.False(supported.IsDefaultOrEmpty, $"{analyzer.GetType().Name} declares no diagnostics");
            Assert.All(supported, d => Assert.StartsWith("MEC", d.Id, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public async Task Broken_or_unusual_code_raises_no_analyzer_exception(string snippet)
    {
        var source = Snippets.Value[snippet];
        var model = File.ReadAllText(Path.Combine(RepositoryRoot.Value, "tests", "MecCompliance.Analyzers.Tests", "Robustness", "Model.cs.txt"));
        var compilation = CreateCompilation(snippet, [Parse(source, snippet + ".cs"), Parse(model, "Model.cs")]);

        // Half the snippets run with no options and half with nonsense for every option key: both paths are covered
        // across the set at the price of one analysis per snippet.
        var options = Snippets.Value.Keys.ToList().IndexOf(snippet) % 2 == 0 ? null : NonsenseOptions.Instance;
        var failures = await AnalyzerFailuresAsync(compilation, ShippedAnalyzers, options);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_repository_sources_raise_no_analyzer_exception()
    {
        var failures = new ConcurrentQueue<string>();
        var projects = RepositorySources().GroupBy(ProjectDirectory).ToList();
        Assert.NotEmpty(projects);

        await Parallel.ForEachAsync(projects, async (project, _) =>
        {
            var trees = project.Select(path => Parse(File.ReadAllText(path), path)).Append(Parse(RepositoryGlobalUsings, "GlobalUsings.g.cs"));
            var compilation = CreateCompilation(Path.GetFileName(project.Key), trees, RepositoryReferences.Value);
            foreach (var failure in await AnalyzerFailuresAsync(compilation, ShippedAnalyzers, options: null))
            {
                failures.Enqueue($"{project.Key}: {failure}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_code_embedded_in_the_tests_raises_no_analyzer_exception()
    {
        var failures = new ConcurrentQueue<string>();
        var embedded = RepositorySources()
            .Where(path => path.Contains(Path.DirectorySeparatorChar + "tests" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(path => EmbeddedCode(path).Select((code, index) => (Name: $"{Path.GetFileName(path)}#{index}", Code: code)))
            .DistinctBy(e => e.Code)
            .ToList();
        Assert.NotEmpty(embedded);

        await Parallel.ForEachAsync(embedded, async (snippet, _) =>
        {
            var compilation = CreateCompilation(snippet.Name, [Parse(snippet.Code, snippet.Name + ".cs")]);
            foreach (var failure in await AnalyzerFailuresAsync(compilation, ShippedAnalyzers, options: null))
            {
                failures.Enqueue($"{snippet.Name}: {failure}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Every exception an analyzer let escape, as the build would report it in AD0001.</summary>
    private static async Task<IReadOnlyList<string>> AnalyzerFailuresAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? options)
    {
        if (analyzers.IsEmpty)
        {
            return [];
        }

        var failures = new ConcurrentQueue<string>();
        var analyzerOptions = options is null
            ? new AnalyzerOptions([])
            : new AnalyzerOptions([], options);
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(Describe(analyzer, exception, options)),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return failures.ToList();
    }

    private static string Describe(DiagnosticAnalyzer analyzer, Exception exception, AnalyzerConfigOptionsProvider? options)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("MecCompliance", StringComparison.Ordinal))?.Trim() ?? "";
        var with = options is null ? "" : " (nonsense options)";
        return $"{analyzer.GetType().Name}{with}: {exception.GetType().Name}: {exception.Message} {frame}";
    }

    private static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, SnippetParseOptions, path);

    private static CSharpCompilation CreateCompilation(string name, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "Robustness_" + Regex.Replace(name, "[^A-Za-z0-9_]", "_"),
            trees,
            references ?? TestReferences.All,
            new CSharpCompilationOptions(
                name.StartsWith("top-level", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable));

    private static IReadOnlyDictionary<string, string> LoadSnippets()
    {
        var snippets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(RepositoryRoot.Value, "tests", "MecCompliance.Analyzers.Tests", "Robustness", "Snippets.cs.txt");
        string? name = null;
        var body = new StringBuilder();
        foreach (var line in File.ReadLines(path).Append("//// end-of-file"))
        {
            var header = SnippetHeader().Match(line);
            if (!header.Success)
            {
                body.AppendLine(line);
                continue;
            }

            if (name is not null)
            {
                snippets.Add(name, Expand(body.ToString()));
            }

            name = header.Groups["name"].Value;
            body.Clear();
        }

        return snippets;
    }

    // Extremes are generated rather than written out: the sizes, not the text, are what a bounded engine must survive.
    private static string Expand(string snippet) => snippet.Trim() switch
    {
        "@@HUGE_INTERPOLATION@@" => Method("logger.LogInformation($\"" + string.Concat(Enumerable.Range(0, 800).Select(i => i % 3 == 0 ? $"{{p.Email}}-{i} " : $"{{p.Id}}-{i} ")) + "\");"),
        "@@HUGE_CONCATENATION@@" => Method("var s = \"\"" + string.Concat(Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? " + p.Email" : " + p.Id")) + ";\n        logger.LogInformation(s);"),
        "@@NESTED_LAMBDAS@@" => Method("Func<string, string> f = " + string.Concat(Enumerable.Range(0, 60).Select(i => $"x{i} => ((Func<string, string>)(")) + "y => y + p.Email" + string.Concat(Enumerable.Range(0, 60).Reverse().Select(i => $"))(x{i})")) + ";\n        logger.LogInformation(f(p.CardNumber));"),
        "@@MANY_BRANCHES@@" => Method(string.Concat(Enumerable.Range(0, 250).Select(i => $"var v{i} = {(i % 5 == 0 ? "p.Email" : i == 0 ? "\"\"" : $"v{i - 1} + {i}")};\n        if (p.Id == {i}) {{ v{i} = p.CardNumber; }} else if (p.Id > {i}) {{ v{i} = \"{i}\"; }}\n        ")) + "logger.LogInformation(v249);"),
        _ => snippet,
    };

    private static string Method(string body) => $$"""
        using System;
        using Microsoft.Extensions.Logging;
        using Robustness.Model;

        public class Generated
        {
            public void Run(ILogger logger, Patron p)
            {
                {{body}}
            }
        }
        """;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MecCompliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MecCompliance.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> RepositorySources()
    {
        var skipped = new[] { "bin", "obj", ".git", ".vs", "TestResults", "node_modules" };
        var pending = new Stack<string>([RepositoryRoot.Value]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs").Order(StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The folder of the nearest project file, so each project's sources compile together.</summary>
    private static string ProjectDirectory(string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length >= RepositoryRoot.Value.Length; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return directory;
            }
        }

        return RepositoryRoot.Value;
    }

    // The projects' implicit and Directory.Build.props usings live in obj/, which is skipped: restate the common ones.
    private const string RepositoryGlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Collections.Immutable;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.CodeAnalysis;
        global using Microsoft.CodeAnalysis.Diagnostics;
        global using Microsoft.CodeAnalysis.Operations;
        global using Xunit;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> RepositoryReferences = new(() =>
        TestReferences.All.AddRange(
            new[]
            {
                typeof(Compilation).Assembly,
                typeof(CSharpCompilation).Assembly,
                typeof(FactAttribute).Assembly,
                typeof(Assert).Assembly,
                typeof(Microsoft.CodeAnalysis.Testing.DiagnosticResult).Assembly,
                typeof(Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<,>).Assembly,
                typeof(Microsoft.CodeAnalysis.Workspace).Assembly,
            }.Distinct().Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location))));

    /// <summary>The raw string literals of a test file that look like C#, with the verifier's markup removed.</summary>
    private static IEnumerable<string> EmbeddedCode(string path)
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), SnippetParseOptions).GetRoot();
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            {
                continue;
            }

            var text = token.ValueText;
            if (text.Length >= 30 && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("using ", StringComparison.Ordinal)))
            {
                yield return Markup().Replace(text, "");
            }
        }
    }

    [GeneratedRegex(@"^////\s+(?<name>[a-z0-9][a-z0-9\-]*)\s*$")]
    private static partial Regex SnippetHeader();

    [GeneratedRegex(@"\{\|[^:|{}\s]*:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();

    /// <summary>Answers every option key with a value no analyzer expects, so option parsing is exercised too.</summary>
    private sealed class NonsenseOptions : AnalyzerConfigOptionsProvider
    {
        public static readonly NonsenseOptions Instance = new();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values : AnalyzerConfigOptions
        {
            private static readonly string[] Nonsense = ["", " ", "not-a-value", "-1", "99999999999999999999", ",,;;", "true,false", "\0", "*", "error", "none"];

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = Nonsense[key.Sum(c => c) % Nonsense.Length];
                return true;
            }
        }
    }

    /// <summary>Throws from an operation action, as a defective rule would.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("THROW01", "throws", "throws", "test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(c => throw new InvalidOperationException("deliberate " + ((IInvocationOperation)c.Operation).TargetMethod.Name), OperationKind.Invocation);
        }
    }
}
