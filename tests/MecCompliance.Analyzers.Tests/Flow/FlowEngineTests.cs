using System.Collections.Immutable;
using System.Text;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Rules;
using MecCompliance.Analyzers.Sinks;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>The engine seen from outside the rules: the CLI query, robustness on broken code, bounds.</summary>
public sealed class FlowEngineTests
{
    private static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Flows",
            sources.Append(FlowTest<ClassifiedDataLoggedAnalyzer>.Model).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    [Fact]
    public void Query_lists_every_flow_with_source_sink_location_and_path()
    {
        var compilation = Compile("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout(ILogger logger)
            {
                public string Note { get; set; } = "";

                void Run(Patron p)
                {
                    logger.LogInformation("{Branch}", p.Branch);
                    Audit(p.CardNumber);
                    Note = p.Email;
                    logger.LogInformation("{Id}", p.Id);
                }

                void Audit(string text) => logger.LogWarning("Audit {Text}", text);
            }
            """);

        var flows = ClassifiedFlowQuery.FindAll(compilation, tree => compilation.GetSemanticModel(tree));

        var described = flows.Select(f => $"{f.SourceDisplay} -> {f.SinkKind} {f.SinkName}{f.PathDisplay} @{f.Location.GetLineSpan().StartLinePosition.Line}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "Patron.Branch (OrganizationalData) -> Log ILogger.LogInformation @9",
                "Patron.CardNumber (PatronRecord) -> Log ILogger.LogWarning through Audit(string) @10",
                "Patron.Email (PersonalData) -> UnclassifiedMember Checkout.Note @11",
            ],
            described);
    }

    [Fact]
    public void Classified_flow_shows_rules_and_tools_no_engine_type()
    {
        // The product API: what the data is, where it goes and how; the engine's labels, sink events and operations stay inside.
        var engine = typeof(ClassifiedFlow).Namespace;
        var exposed = typeof(ClassifiedFlow).GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static)
            .SelectMany(m => m switch
            {
                System.Reflection.PropertyInfo p => [p.PropertyType],
                System.Reflection.MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType),
                System.Reflection.ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                _ => [],
            })
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Where(t => (t.Namespace == engine && t != typeof(ClassifiedFlow) && t != typeof(FlowFinding)) || typeof(IOperation).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Distinct()
            .ToList();

        Assert.Empty(exposed);
    }

    [Fact]
    public void Query_on_a_compilation_without_classifications_is_empty()
    {
        var compilation = CSharpCompilation.Create(
            "Plain",
            [CSharpSyntaxTree.ParseText("class C { void M(System.IO.TextWriter w) => System.Console.WriteLine(w); }")],
            Basic.Reference.Assemblies.Net80.References.All);

        Assert.Empty(ClassifiedFlowQuery.FindAll(compilation, tree => compilation.GetSemanticModel(tree)));
    }

    [Fact]
    public void Whole_object_contents_of_a_wide_type_graph_are_computed_without_blowing_up()
    {
        // 40 types each holding every other type: a naive recursion to depth 4 visits 40^4 members per root.
        var source = new StringBuilder("namespace Wide {\n");
        for (var i = 0; i < 40; i++)
        {
            source.Append("public class T").Append(i).Append(" {\n");
            for (var j = 0; j < 40; j++)
            {
                source.Append("  public T").Append(j).Append("? M").Append(j).Append(" { get; set; }\n");
            }

            if (i == 39)
            {
                source.Append("  [MecCompliance.PatronRecord] public string Card { get; set; } = \"\";\n");
            }

            source.Append("}\n");
        }

        var compilation = Compile(source.Append('}').ToString());
        var symbols = ComplianceSymbols.TryCreate(compilation)!;

        var started = System.Diagnostics.Stopwatch.StartNew();
        var contents = Enumerable.Range(0, 40).Select(i => symbols.ContentsOf(compilation.GetTypeByMetadataName("Wide.T" + i))).ToList();

        Assert.All(contents, c => Assert.Equal(DataClass.PatronRecord, c));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"ContentsOf took {started.Elapsed}");
    }

    [Fact]
    public async Task Broken_and_incomplete_code_never_makes_the_flow_rules_throw()
    {
        string[] snippets =
        [
            "using Library; class C { void M(Patron p) { Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(null, p.Email",
            "using Library; class C { void M(Patron p) { var x = p.Missing + p.Email; Undefined(x); x.Foo = p.Name; } }",
            "using Library; class C { string M(Patron p) => M2(p.Email, ; string M2(string a, string b) => a; }",
            "using Library; class C { void M(Patron p) { for (;;) { var s = p.Email; s += s; goto L; } L: System.Console.WriteLine(s); } }",
            "using Library; class C { void M(Patron p) { try { throw new System.Exception(p.Email); } catch (System.Exception e) when (e.Message == p.Name) { System.Console.WriteLine(e.Message); } finally { System.Console.WriteLine(p.CardNumber); } } }",
            "using Library; class C { System.Collections.Generic.IEnumerable<string> M(Patron p) { yield return p.Email; yield break; } async System.Threading.Tasks.Task N(Patron p) { await foreach (var x in Q()) { } } }",
            "using Library; class C { void M(Patron p) { string Local(int n) => n == 0 ? p.Email : Local(n - 1); System.Console.WriteLine(Local(3)); System.Func<string, string> f = null!; f = s => f(s); System.Console.WriteLine(f(p.Name)); } }",
            "using Library; class C { object? _o; void M(Patron? p) { _o = p?.Email ?? p!.Name; (_o, var y) = (p!.Email, p.Name); _o = p switch { { Email: var e } => e, _ => null }; System.Console.WriteLine(y); } }",
            "using Library; class C { void M(Patron p, dynamic d) { d.Log(p.Email); System.Console.WriteLine(d); __arglist(p.Email); } }",
            "using Library; record R(string A) { public string B { get => A; set => field = value; } } class C { void M(Patron p) { var r = new R(p.Email) with { B = p.Name }; System.Console.WriteLine(r); } }",
        ];

        foreach (var snippet in snippets)
        {
            var trees = new[] { snippet, FlowTest<ClassifiedDataLoggedAnalyzer>.Model }
                .Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)));
            await AnalyzerRun.DiagnosticsAsync([new ClassifiedDataLoggedAnalyzer(), new ClassificationLossAnalyzer()], trees, TestReferences.All);
        }
    }

    [Fact]
    public void Sink_catalogue_registers_only_the_libraries_a_compilation_references()
    {
        var plain = CSharpCompilation.Create("Plain", [], Basic.Reference.Assemblies.Net80.References.All);
        var withLogging = Compile();
        var logInformation = withLogging.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions")!.GetMembers("LogInformation").OfType<IMethodSymbol>().First();
        var writeLine = plain.GetTypeByMetadataName("System.Console")!.GetMembers("WriteLine").OfType<IMethodSymbol>().First();

        var catalog = SinkCatalog.Create(withLogging, ComplianceSymbols.TryCreate(withLogging)!);

        Assert.Equal(SinkKind.Log, catalog.Find(logInformation)?.Sink.Kind);
        Assert.Null(plain.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"));
        Assert.NotNull(writeLine);
    }
}
