using System.Collections.Immutable;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>
/// Issue #15: a flow finding appears when the document holding it is analysed alone, as an editor's background analysis
/// does it (document semantic diagnostics, no compilation-end action) — and it is the same finding, with the same id,
/// location, message and additional locations, as the build's whole-compilation analysis reports.
/// </summary>
public sealed class PerDocumentTests
{
    private static readonly string[] FlowRules = ["MEC001", "MEC002", "MEC003", "MEC006"];

    /// <summary>A consortium service whose flows cross documents: helpers, chains, recursion, dispatch, constructors, returns.</summary>
    internal static readonly (string Path, string Source)[] CrossDocumentCorpus =
    [
        ("/corpus/Model.cs", FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>.Model),
        ("/corpus/Policy.cs", """
            using MecCompliance;
            [assembly: ApprovedVendor("OverDrive", typeof(PersonalDataAttribute), Hosts = new[] { "patron.overdrive.example" })]
            """),
        ("/corpus/Audit.cs", """
            using Microsoft.Extensions.Logging;

            namespace Desk;

            public class Audit(ILogger logger)
            {
                public void Note(string text) => logger.LogInformation("Note {Text}", text);

                public void Twice(string text) => Note(text + "!");

                public void Countdown(string text, int n)
                {
                    if (n > 0) { Echo(text, n - 1); } else { Note(text); }
                }

                public void Echo(string text, int n) => Countdown(text, n);

                public string Quiet(string text) => text.Length.ToString();
            }
            """),
        ("/corpus/Lookup.cs", """
            using Library;

            namespace Desk;

            public static class Lookup
            {
                public static string ContactOf(Patron patron) => patron.Email;

                public static string Described(Patron patron) => "contact: " + ContactOf(patron);

                public static string StatusOf(Patron patron) => patron.Status;

                public static string Same(string value) => value;
            }
            """),
        ("/corpus/Notifiers.cs", """
            using Microsoft.Extensions.Logging;

            namespace Desk;

            public interface INotifier { void Notify(string text); }

            public sealed class QuietNotifier : INotifier { public void Notify(string text) { } }

            public sealed class LoggingNotifier(ILogger logger) : INotifier
            {
                public void Notify(string text) => logger.LogWarning("Notify {Text}", text);
            }

            public abstract class Exporter
            {
                public abstract void Export(string line);
            }

            public sealed class FileExporter : Exporter
            {
                public override void Export(string line) => System.IO.File.AppendAllText("/tmp/export.txt", line);
            }

            public sealed class Note
            {
                public string Text { get; set; } = "";

                public Note(string text) { Text = text; }
            }

            public sealed class Partner(System.Net.Http.HttpClient http)
            {
                public void Send(string body) => http.PostAsync("https://api.weather.example/x", new System.Net.Http.StringContent(body));
            }
            """),
        ("/corpus/Desk.cs", """
            using Library;

            namespace Desk;

            public class Counter(Audit audit, INotifier notifier, Exporter exporter, Partner partner)
            {
                public void Checkout(Patron patron)
                {
                    audit.Note(patron.Email);
                    audit.Note(patron.Status);
                    audit.Twice(patron.CardNumber);
                    audit.Countdown(patron.Name, 3);
                    audit.Note(audit.Quiet(patron.Email));
                    notifier.Notify(patron.Email);
                    exporter.Export(patron.Name);
                    partner.Send(patron.Email);
                    var note = new Note(patron.Email);
                }

                public void Report(Patron patron)
                {
                    audit.Note(Lookup.ContactOf(patron));
                    audit.Note(Lookup.Described(patron));
                    audit.Note(Lookup.StatusOf(patron));
                    audit.Note(Lookup.Same(patron.Name));
                }

                public void PassOn(string text) => audit.Twice(text);
            }
            """),
        ("/corpus/Front.cs", """
            using Library;

            namespace Desk;

            public class Front(Counter counter, Audit audit)
            {
                public void Welcome(Patron patron)
                {
                    counter.PassOn(patron.Email);
                    counter.PassOn(patron.Status);
                    audit.Note(Lookup.Described(patron));
                }
            }
            """),
    ];

    [Fact]
    public async Task Cross_document_corpus_reports_the_same_findings_per_document_as_for_the_whole_compilation()
    {
        var trees = Parse(CrossDocumentCorpus);

        var (full, perDocument) = await BothWaysAsync(trees);

        Assert.Equal(full, perDocument);
        // Not a vacuous comparison: the corpus has findings through other documents, of every flow rule.
        Assert.True(full.Count(f => f.Contains(" through ", StringComparison.Ordinal)) >= 10, string.Join("\n", full));
        Assert.All(FlowRules, id => Assert.Contains(full, f => f.StartsWith(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Violations_sample_reports_the_same_findings_per_document_as_for_the_whole_compilation()
    {
        var trees = SourcesUnder("samples", "PatronServices.Violations");

        var (full, perDocument) = await BothWaysAsync(trees);

        Assert.Equal(full, perDocument);
        Assert.NotEmpty(full);
    }

    [Fact]
    public async Task Patron_services_sample_and_valid_code_report_the_same_findings_both_ways()
    {
        foreach (var trees in new[] { SourcesUnder("samples", "PatronServices"), SourcesUnder("tests", "ValidCode") })
        {
            var (full, perDocument) = await BothWaysAsync(trees);

            Assert.Equal(full, perDocument);
        }
    }

    [Fact]
    public async Task Finding_through_a_helper_in_another_document_appears_when_the_callers_document_is_analysed_alone()
    {
        var trees = Parse(CrossDocumentCorpus);

        var findings = await AloneAsync(trees, "/corpus/Front.cs");

        Assert.Contains(findings, f => f.StartsWith("MEC001 /corpus/Front.cs(9,", StringComparison.Ordinal) &&
            f.Contains("Patron.Email (PersonalData) reaches ILogger.LogInformation through PassOn(string) and Twice(string) and Note(string)", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("MEC001 /corpus/Front.cs(11,", StringComparison.Ordinal) &&
            f.Contains("Patron.Email (PersonalData) reaches ILogger.LogInformation through Described(Patron) and ContactOf(Patron) and Note(string)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unclassified_value_through_a_helper_in_another_document_is_not_reported_when_the_callers_document_is_analysed_alone()
    {
        var trees = Parse(CrossDocumentCorpus);

        var findings = await AloneAsync(trees, "/corpus/Front.cs");

        Assert.DoesNotContain(findings, f => f.StartsWith("MEC001 /corpus/Front.cs(10,", StringComparison.Ordinal));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public async Task Cancelled_analyses_leave_nothing_that_changes_the_next_ones_findings()
    {
        var trees = Parse(CrossDocumentCorpus);
        var (full, _) = await BothWaysAsync(trees);

        // One analysis (one engine session) cancelled at many points in turn, then run to the end: what it finds must be
        // what a fresh analysis finds. A summary published half-computed would lose or change findings.
        var withAnalyzers = Create(trees);
        var compilation = withAnalyzers.Compilation;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                using var cancellation = new CancellationTokenSource();
                cancellation.CancelAfter(TimeSpan.FromTicks(attempt * 2_500));
                try
                {
                    await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        var after = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            after.AddRange(Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None)));
        }

        Assert.Equal(full, after.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The flow findings of the whole compilation, and those of each document analysed alone on a fresh compilation.</summary>
    internal static async Task<(List<string> Full, List<string> PerDocument)> BothWaysAsync(IReadOnlyList<SyntaxTree> trees)
    {
        var full = Describe(await Create(trees).GetAnalyzerDiagnosticsAsync(CancellationToken.None)).Order(StringComparer.Ordinal).ToList();
        var perDocument = new List<string>();
        foreach (var tree in trees)
        {
            perDocument.AddRange(await AloneAsync(trees, tree.FilePath));
        }

        return (full, perDocument.Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<List<string>> AloneAsync(IReadOnlyList<SyntaxTree> trees, string path)
    {
        // A fresh compilation: no summary, semantic model or analyzer state shared with any other run.
        var withAnalyzers = Create(trees);
        var tree = withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(tree), null, CancellationToken.None);
        return Describe(diagnostics);
    }

    private static CompilationWithAnalyzers Create(IReadOnlyList<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(
            "Analyzed",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var analyzers = ValidCodeTests.AllAnalyzers();
        return compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => throw new InvalidOperationException("An analyzer threw", e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
    }

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Where(d => FlowRules.Contains(d.Id) || d.Id == "AD0001")
            .Select(d => $"{d.Id} {Where(d.Location)} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} [{string.Join("; ", d.AdditionalLocations.Select(Where))}]")
            .ToList();

    private static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
    }

    private static List<SyntaxTree> Parse(IEnumerable<(string Path, string Source)> sources) =>
        sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, new CSharpParseOptions(LanguageVersion.Latest), path: s.Path)).ToList();

    private static List<SyntaxTree> SourcesUnder(params string[] folder)
    {
        var root = Path.Combine([DocumentationTests.RepositoryRoot(), .. folder]);
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), path: f))
            .ToList();
    }
}
