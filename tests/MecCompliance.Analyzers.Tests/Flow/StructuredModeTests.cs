using System.Collections.Immutable;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Sinks;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>
/// The engine analyses most bodies over their operation tree (structured mode) and falls back to the control-flow
/// graph for what that mode does not model. Both must find the same flows: each statement form is checked through
/// MEC001 with its path-sensitive negative twin, and every body of a varied source is analysed both ways and compared.
/// </summary>
public sealed class StructuredModeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Library;
        using Microsoft.Extensions.Logging;

        """;

    private static DiagnosticResult Logged(int key, string source = "Patron.Email (PersonalData)", string sink = "ILogger.LogInformation") =>
        Verify.Diagnostic("MEC001", key).WithArguments(source, sink, "").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task A_path_that_returns_or_throws_does_not_reach_the_code_after_the_branch()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void Returns(ILogger log, Patron p, bool early)
                {
                    var text = p.Status;
                    if (early)
                    {
                        text = p.Email;
                        log.LogInformation({|#0:text|});
                        return;
                    }

                    log.LogInformation(text);
                }

                void Throws(ILogger log, Patron p, bool bad)
                {
                    var text = p.Email;
                    if (bad)
                    {
                        throw new InvalidOperationException("bad");
                    }
                    else
                    {
                        text = p.Status;
                    }

                    log.LogInformation(text);
                }

                void Joins(ILogger log, Patron p, bool either)
                {
                    var text = p.Status;
                    if (either)
                    {
                        text = p.Email;
                    }

                    log.LogInformation({|#1:text|});
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task Loops_carry_values_to_the_next_iteration_and_break_and_continue_end_their_paths()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void Carried(ILogger log, List<Patron> patrons)
                {
                    var previous = "";
                    foreach (var p in patrons)
                    {
                        log.LogInformation({|#0:previous|});
                        previous = p.Email;
                    }
                }

                void Broken(ILogger log, List<Patron> patrons)
                {
                    var found = "";
                    for (var i = 0; i < patrons.Count; i++)
                    {
                        if (patrons[i].Id == 7)
                        {
                            found = patrons[i].Email;
                            break;
                        }
                    }

                    log.LogInformation({|#1:found|});
                }

                void Continued(ILogger log, List<Patron> patrons)
                {
                    var i = 0;
                    while (i < patrons.Count)
                    {
                        var text = patrons[i].Email;
                        i++;
                        if (i > 3)
                        {
                            continue;
                        }

                        text = "none";
                        log.LogInformation(text);
                    }
                }

                void Killed(ILogger log, List<Patron> patrons)
                {
                    var last = "";
                    do
                    {
                        last = patrons[0].Email;
                        last = "cleared";
                    }
                    while (patrons.Count > 10);
                    log.LogInformation(last);
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task Switch_statements_try_blocks_and_using_follow_every_path()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void Switched(ILogger log, Patron p, int kind)
                {
                    var text = "";
                    switch (kind)
                    {
                        case 1:
                            text = p.Email;
                            break;
                        case 2:
                            text = p.Status;
                            return;
                        default:
                            text = "other";
                            break;
                    }

                    log.LogInformation({|#0:text|});
                }

                void SwitchedClean(ILogger log, Patron p, object value)
                {
                    var text = p.Email;
                    switch (value)
                    {
                        case string s when s.Length > 0:
                            text = s;
                            break;
                        default:
                            text = "none";
                            break;
                    }

                    log.LogInformation(text);
                }

                // The handler may start after any statement of the try, even inside one basic block of the graph.
                void Caught(ILogger log, Patron p)
                {
                    var text = p.Status;
                    try
                    {
                        text = p.Email;
                        Validate(text);
                        text = "ok";
                    }
                    catch (FormatException)
                    {
                        log.LogInformation({|#1:text|});
                    }
                    finally
                    {
                        log.LogInformation({|#2:text|});
                    }
                }

                // Only states inside the try reach its handler: a value cleared before the try stays cleared there.
                void CaughtClean(ILogger log, Patron p)
                {
                    var text = p.Email;
                    text = "cleared";
                    try
                    {
                        Validate(text);
                    }
                    catch (FormatException)
                    {
                        log.LogInformation(text);
                    }
                }

                void Disposed(ILogger log, Patron p)
                {
                    using (var scope = log.BeginScope("Patron {Id}", p.Id))
                    {
                        lock (this)
                        {
                            log.LogInformation({|#3:p.Name|});
                        }
                    }
                }

                static void Validate(string text) { }
            }
            """,
            Logged(0), Logged(1), Logged(2), Logged(3, "Patron.Name (PersonalData)"));
    }

    [Fact]
    public async Task Conditional_access_initializers_lambdas_and_local_functions_propagate_in_structured_mode()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void Run(ILogger log, Patron? p, List<Patron> patrons)
                {
                    log.LogInformation({|#0:p?.Email?.Trim()|});
                    log.LogInformation(p?.Status?.Trim());
                    var list = new List<string> { p!.Email };
                    log.LogInformation({|#1:string.Join(",", list)|});
                    var clean = new List<string> { p.Status };
                    log.LogInformation(string.Join(",", clean));
                    string? cached = null;
                    cached ??= p.Email;
                    log.LogInformation({|#2:cached|});
                    patrons.ForEach(x => log.LogInformation({|#3:x.Email|}));
                    patrons.ForEach(x => log.LogInformation("{Id}", x.Id));
                    log.LogInformation({|#4:Describe(p)|});
                    log.LogInformation(Count(p));
                    return;

                    string Describe(Patron who) => who.Email;
                    string Count(Patron who) => who.Id.ToString();
                }
            }
            """,
            Logged(0), Logged(1), Logged(2), Logged(3), Logged(4));
    }

    [Fact]
    public async Task Goto_carries_the_state_to_its_label_forward_and_backward()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void Run(ILogger log, Patron p, int tries)
                {
                    var text = p.Status;
                retry:
                    if (tries-- > 0)
                    {
                        text = p.Email;
                        goto retry;
                    }

                    log.LogInformation({|#0:text|});
                }

                void Clean(ILogger log, Patron p, int tries)
                {
                retry:
                    var text = p.Email;
                    if (tries-- > 0)
                    {
                        goto retry;
                    }

                    text = "done";
                    log.LogInformation(text);
                }

                // goto case is left to the control-flow graph.
                void Cased(ILogger log, Patron p, int kind)
                {
                    var text = "";
                    switch (kind)
                    {
                        case 1:
                            text = p.Email;
                            goto case 2;
                        case 2:
                            log.LogInformation({|#1:text|});
                            break;
                    }
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task Deeply_nested_statements_are_analysed_over_the_graph_and_still_reported()
    {
        // Deeper than structured mode recurses: the body falls back to its control-flow graph.
        const int depth = 150;
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            body.Append("if (n > ").Append(i).Append(") { ");
        }

        body.Append("log.LogInformation({|#0:p.Email|}); log.LogInformation(p.Status);");
        body.Append(new string('}', depth));
        await Verify.VerifyAsync(Usings + "class C { void Run(ILogger log, Patron p, int n) { " + body + " } }", Logged(0));
    }

    [Fact]
    public void Structured_and_graph_analyses_find_the_same_flows()
    {
        var compilation = CSharpCompilation.Create(
            "Differential",
            [CSharpSyntaxTree.ParseText(Usings + DifferentialSource, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>.Model)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var session = FlowSession.CreateIsolated(compilation)!;
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var compared = 0;
        var structured = 0;
        var bodies = tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Select(d => (Owner: (ISymbol)model.GetDeclaredSymbol(d)!, Syntax: (SyntaxNode)d))
            .Concat(tree.GetRoot().DescendantNodes().OfType<EqualsValueClauseSyntax>()
                .Where(c => c.Parent is PropertyDeclarationSyntax || c.Parent?.Parent?.Parent is FieldDeclarationSyntax)
                .Select(c => (Owner: model.GetDeclaredSymbol(c.Parent!)!, Syntax: (SyntaxNode)c)));
        foreach (var (owner, syntax) in bodies)
        {
            var root = model.GetOperation(syntax)!;
            var graph = root switch
            {
                Microsoft.CodeAnalysis.Operations.IMethodBodyOperation body => ControlFlowGraph.Create(body),
                Microsoft.CodeAnalysis.Operations.IConstructorBodyOperation body => ControlFlowGraph.Create(body),
                Microsoft.CodeAnalysis.Operations.IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer),
                Microsoft.CodeAnalysis.Operations.IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer),
                _ => null,
            };
            Assert.NotNull(graph);

            var expected = Describe(GraphWalk.Analyze(session.Facts, owner, graph!, default));
            if (StructuredWalk.TryAnalyze(session.Facts, owner, root, default) is { } flow)
            {
                Assert.Equal(string.Join("\n", expected), string.Join("\n", Describe(flow)));
                structured++;
            }

            compared++;
        }

        Assert.True(compared >= 20, $"only {compared} bodies compared");
        Assert.Equal(compared - 1, structured); // every body but the one with goto case
    }

    [Fact]
    public void A_body_the_structured_walk_gives_up_on_is_walked_over_its_graph()
    {
        var (compilation, model, tree) = Compile("""
            class GivesUp
            {
                void Cases(ILogger log, Patron p, int k) { var s = ""; switch (k) { case 1: s = p.Email; goto case 2; case 2: log.LogInformation(s); break; } }
                void Breaks(ILogger log, Patron p, int k) { var s = ""; switch (k) { case 1: s = p.Email; break; case 2: s = p.Status; break; } log.LogInformation(s); }
            }
            """);
        var facts = FlowSession.CreateIsolated(compilation)!.Facts;
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.Text);

        // goto case: the structured walk gives up (a result, no exception), and the one choice point walks the graph.
        var (cases, casesRoot) = Body(model, methods["Cases"]);
        Assert.Null(StructuredWalk.TryAnalyze(facts, cases, casesRoot, default));
        var chosen = BodyAnalysis.Analyze(facts, cases, casesRoot, default)!;
        Assert.Equal(Describe(GraphWalk.Analyze(facts, cases, ControlFlowGraph.Create((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)casesRoot), default)), Describe(chosen));
        Assert.Contains(chosen.Sinks, sink => sink.Sink.Kind == SinkKind.Log && sink.Labels.Labels.OfType<SourceLabel>().Any(l => l.Display == "Patron.Email"));

        // Its twin without goto case stays on the tree, with the same finding.
        var (breaks, breaksRoot) = Body(model, methods["Breaks"]);
        var structured = StructuredWalk.TryAnalyze(facts, breaks, breaksRoot, default);
        Assert.NotNull(structured);
        Assert.Equal(Describe(structured), Describe(BodyAnalysis.Analyze(facts, breaks, breaksRoot, default)!));
        Assert.Contains(structured.Sinks, sink => sink.Sink.Kind == SinkKind.Log && sink.Labels.Labels.OfType<SourceLabel>().Any(l => l.Display == "Patron.Email"));
    }

    private static (CSharpCompilation Compilation, SemanticModel Model, SyntaxTree Tree) Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Choice",
            [CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>.Model)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees[0];
        return (compilation, compilation.GetSemanticModel(tree), tree);
    }

    private static (ISymbol Owner, IOperation Root) Body(SemanticModel model, MethodDeclarationSyntax method) =>
        (model.GetDeclaredSymbol(method)!, model.GetOperation(method)!);

    private static IReadOnlyList<string> Describe(MethodFlow flow)
    {
        var lines = new List<string>();
        foreach (var sink in flow.Sinks)
        {
            lines.Add($"sink {sink.Sink.Kind} {sink.Sink.Name} @{sink.ValueSyntax!.Span}: {Describe(sink.Labels)}");
        }

        foreach (var call in flow.Calls)
        {
            lines.Add($"call {call.Callee.Name} @{call.Location.SourceSpan} receiver {Describe(call.Receiver)} arguments {string.Join(" | ", call.Arguments.Select(Describe))}");
        }

        lines.Add("returns " + Describe(flow.Returns));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Describe(LabelSet labels) => string.Join(", ", labels.Labels.Select(label => label switch
    {
        SourceLabel source => $"{source.Display}{(source.IsWholeObject ? " whole" : "")}@{source.Location.SourceSpan}",
        ParameterLabel parameter => $"parameter {parameter.Ordinal}",
        CallResultLabel result => $"result of {result.Site.Callee.Name}@{result.Site.Location.SourceSpan}",
        _ => label.ToString()!,
    }).Order(StringComparer.Ordinal));

    private const string DifferentialSource = """
        class Differential
        {
            private readonly List<string> _notes = new();
            private string _last = "";
            private static readonly Patron Template = new();
            private readonly string _copied = Template.Email, _plain = Template.Status;
            public string Shown { get; set; } = Template.Name.Trim();

            public Differential(ILogger log, Patron p) { log.LogInformation(p.Email); _last = p.Status; }

            string Straight(ILogger log, Patron p) { var a = p.Email; var b = a.Trim() + p.Status; log.LogInformation(b); return a; }
            void Branches(ILogger log, Patron p, bool c) { var t = p.Status; if (c) { t = p.Email; } else if (p.Id > 3) { t = p.Name; return; } log.LogInformation(t); }
            void Loops(ILogger log, List<Patron> ps) { var prev = ""; foreach (var p in ps) { log.LogInformation(prev); prev = p.Email; if (p.Id == 0) break; if (p.Id == 1) continue; prev = p.CardNumber; } log.LogInformation(prev); }
            void Fors(ILogger log, Patron[] ps) { var s = ""; for (var i = 0; i < ps.Length; i++) { s += ps[i].Name; } log.LogInformation(s); foreach (var p in ps) { log.LogInformation(p.Email); } }
            void Whiles(ILogger log, Patron p, int n) { var s = p.Status; while (n-- > 0) { s = s + p.Email; } do { s = "x"; } while (n > 2); log.LogInformation(s); }
            void Switches(ILogger log, Patron p, int k, object o) { var s = ""; switch (k) { case 1: s = p.Email; break; case 2: return; default: s = p.Name; break; } switch (o) { case string x when x.Length > 1: s = x; break; } log.LogInformation(s); }
            void Tries(ILogger log, Patron p) { var s = p.Status; try { s = p.Email; Straight(log, p); } catch (Exception e) when (e.Message.Length > 0) { log.LogInformation(s + e.Message); } finally { log.LogInformation(s); } log.LogInformation(s); }
            string Expressions(Patron? p, int k) { var a = p?.Email ?? p?.Name ?? "none"; var b = k > 0 ? p!.Email : p!.Status; var c = k switch { 1 => p.CardNumber, _ => "n" }; string? d = null; d ??= a; return $"{a}{b}{c}{d}"; }
            void Initializers(ILogger log, Patron p) { var l = new List<string> { p.Email, p.Status }; var d = new Dictionary<int, string> { [1] = p.Name }; var q = new Patron { Email = p.Email, Status = p.Email }; log.LogInformation(string.Join(",", l) + d[1] + q.Id); }
            void Lambdas(ILogger log, List<Patron> ps) { var names = ps.Where(x => x.Id > 0).Select(x => x.Email).ToList(); var ids = ps.Select(x => x.Id).ToList(); string captured = ""; ps.ForEach(x => captured = x.Name); log.LogInformation(string.Join(",", names) + ids.Count + captured); }
            void Locals(ILogger log, Patron p) { log.LogInformation(Format(p.Email)); log.LogInformation(Format(p.Status)); Store(p.Name); return; string Format(string s) => "[" + s + "]"; void Store(string s) { _notes.Add(s); } }
            async Task<string> Awaits(ILogger log, Patron p) { var s = await Task.FromResult(p.Email); await foreach (var x in Stream(p)) { log.LogInformation(x); } using (var scope = log.BeginScope(s)) { log.LogInformation(s); } return s; }
            async IAsyncEnumerable<string> Stream(Patron p) { yield return p.Email; await Task.Yield(); yield return p.Status; }
            IEnumerable<string> Iterate(Patron p) { if (p.Id > 0) { yield break; } yield return p.Name; }
            void Stores(Patron p) { _last = p.Email; _notes.Add(p.CardNumber); var local = p; _last = local.Status; }
            void Patterns(ILogger log, object o, Patron p) { if (o is Patron { Email: var e }) { log.LogInformation(e); } var (a, b) = (p.Email, p.Id); log.LogInformation(a + b); }
            void Goes(ILogger log, Patron p, int n) { var s = p.Email; again: if (n-- > 0) { s = "z"; goto again; } log.LogInformation(s); }
            void Jumps(ILogger log, Patron p, int n) { var s = ""; for (var i = 0; i < n; i++) { if (i == 3) goto done; s = p.Email; } s = p.Status; done: log.LogInformation(s); var t = p.Name; next: if (n-- > 0) { log.LogInformation(t); t = "x"; goto next; } }
            void Cases(ILogger log, Patron p, int k) { var s = ""; switch (k) { case 1: s = p.Email; goto case 2; case 2: log.LogInformation(s); break; } }
            void Calls(ILogger log, Patron p) { log.LogInformation(Straight(log, p)); Branches(log, p, true); var e = Expressions(p, 1); _last = e; }
        }
        """;
}
