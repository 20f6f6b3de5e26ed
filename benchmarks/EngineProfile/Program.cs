using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Benchmarks.Corpus;
using MecCompliance.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MecCompliance.Benchmarks.EngineProfile;

/// <summary>
/// Processor time of each step the flow engine takes, on the benchmark corpus, against the compiler's own binding:
/// <c>dotnet run -c Release --project benchmarks/EngineProfile -- 100 300 1000</c>. Each step is timed over every
/// member body of the corpus in one sequential loop, so the numbers add up and do not depend on the analyzer driver.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--explain")
        {
            Explain(int.Parse(args[1], CultureInfo.InvariantCulture));
            return;
        }

        Console.WriteLine("| files | lines | bodies | with a source | reading a classified value | compile CPU ms | operation trees | source scan | control-flow graphs | flow analysis over graphs | structured analysis (no graph) | Register (scan + analysis of sourced bodies) | Solve | engine / compile |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in (args.Length == 0 ? ["100", "300", "1000"] : args).Select(a => int.Parse(a, CultureInfo.InvariantCulture)))
        {
            var rows = Enumerable.Range(0, 4).Select(_ => Measure(size)).Skip(1).ToList();
            var median = rows.OrderBy(r => r.Register + r.Solve).ElementAt(rows.Count / 2);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {size:N0} | {median.Lines:N0} | {median.Bodies:N0} | {median.WithSource:N0} | {median.ReadsClassifiedValue:N0} | {median.Compile:F0} | {median.Operations:F0} | {median.Scan:F0} | {median.Graphs:F0} | {median.Flow:F0} | {median.Structured:F0} | {median.Register:F0} | {median.Solve:F0} | {(median.Register + median.Solve) / median.Compile:P1} |"));
        }
    }

    private static Row Measure(int size)
    {
        var corpus = ConsortiumCorpus.Generate(size, 2024);
        var trees = corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.CSharp12), f.Path)).ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "Evergreen.Consortium",
            trees,
            Net80References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

        var compile = Time(() => compilation.GetDiagnostics());

        var bodies = new List<(ISymbol Owner, IOperation Root)>();
        var operations = Time(() => bodies.AddRange(Bodies(compilation, trees)));

        // Register and Solve first, with every cache of the compilation cold, as the analyzers meet them.
        var fresh = FlowSession.CreateIsolated(compilation) ?? throw new InvalidOperationException("The corpus has no classification attributes.");
        var register = Time(() =>
        {
            foreach (var (owner, root) in bodies)
            {
                fresh.Register(owner, [root], default);
            }
        });
        var solve = Time(() => fresh.Solve(default));

        var session = FlowSession.CreateIsolated(compilation) ?? throw new InvalidOperationException("The corpus has no classification attributes.");
        var withSource = 0;
        var scan = Time(() => withSource = bodies.Count(b => SourceScan.Run(session.Facts, b.Owner, [b.Root], default).HasSource));
        var readsClassifiedValue = bodies.Count(b => ReadsClassifiedValue(session, b.Root));

        var graphs = new List<(ISymbol Owner, ControlFlowGraph Graph)>();
        var graphTime = Time(() => graphs.AddRange(bodies.Select(b => (b.Owner, Graph: Graph(b.Root))).Where(g => g.Graph is not null)!));
        var flow = Time(() =>
        {
            foreach (var (owner, graph) in graphs)
            {
                GraphWalk.Analyze(session.Facts, owner, graph, default);
            }
        });

        // What Register runs instead of the two steps above: the same analysis over the operation tree, no graph built.
        var structured = Time(() =>
        {
            foreach (var (owner, root) in bodies)
            {
                StructuredWalk.TryAnalyze(session.Facts, owner, root, default);
            }
        });

        return new Row(corpus.LineCount, bodies.Count, withSource, readsClassifiedValue, compile, operations, scan, graphTime, flow, structured, register, solve);
    }

    /// <summary>
    /// <c>--explain N</c>: of the bodies the pre-scan sends to analysis, how many yield something (a labelled sink, a call
    /// with labelled input, a labelled return) — what a stricter pre-scan could still save.
    /// </summary>
    private static void Explain(int size)
    {
        var corpus = ConsortiumCorpus.Generate(size, 2024);
        var trees = corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.CSharp12), f.Path)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("Evergreen.Consortium", trees, Net80References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var session = FlowSession.CreateIsolated(compilation)!;
        int sourced = 0, sinks = 0, calls = 0, returns = 0, nothing = 0;
        var examples = new List<string>();
        foreach (var (owner, root) in Bodies(compilation, trees))
        {
            if (!SourceScan.Run(session.Facts, owner, [root], default).HasSource)
            {
                continue;
            }

            sourced++;
            var flow = StructuredWalk.TryAnalyze(session.Facts, owner, root, default);
            if (flow is null)
            {
                continue;
            }

            var hasSink = flow.Sinks.Any(s => !s.Labels.IsEmpty);
            var hasCall = flow.Calls.Any(c => c.HasLabelledInput);
            var hasReturn = !flow.Returns.IsEmpty;
            sinks += hasSink ? 1 : 0;
            calls += hasCall ? 1 : 0;
            returns += hasReturn ? 1 : 0;
            if (!hasSink && !hasCall && !hasReturn)
            {
                nothing++;
                if (examples.Count < 12)
                {
                    examples.Add(owner.ToDisplayString());
                }
            }
        }

        Console.WriteLine($"{size} files: {sourced} bodies with a source; {sinks} reach a sink, {calls} pass labels to a call, {returns} return labels; {nothing} yield nothing");
        examples.ForEach(e => Console.WriteLine("  nothing: " + e));
    }

    /// <summary>What an operation-block action receives: the operation tree of every member body.</summary>
    private static IEnumerable<(ISymbol Owner, IOperation Root)> Bodies(Compilation compilation, ImmutableArray<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                ISymbol? owner = node switch
                {
                    BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => model.GetDeclaredSymbol(node),
                    ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow => (model.GetDeclaredSymbol(arrow.Parent!) as IPropertySymbol)?.GetMethod,
                    _ => null,
                };
                if (owner is not null && model.GetOperation(node) is { } root)
                {
                    yield return (owner, root);
                }
            }
        }
    }

    /// <summary>
    /// A stricter pre-scan, to size what it would save: a classified member, parameter or return is read, or an object
    /// whose type holds classified members is used as a value (not merely as the instance of a member access or call).
    /// </summary>
    private static bool ReadsClassifiedValue(FlowSession session, IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when session.Facts.DeclaredClasses(member.Member) != DataClass.None:
                    return true;
                case IParameterReferenceOperation parameter when session.Symbols.DeclaredOn(parameter.Parameter) != DataClass.None:
                    return true;
                case IInvocationOperation invocation when session.Symbols.DeclaredOn(invocation.TargetMethod) != DataClass.None:
                    return true;
                case IParameterReferenceOperation or ILocalReferenceOperation or IMemberReferenceOperation or IInvocationOperation
                    when session.Facts.WholeObjectClasses(operation.Type) != DataClass.None && !IsOnlyAnInstance(operation):
                    return true;
            }
        }

        return false;
    }

    private static bool IsOnlyAnInstance(IOperation operation) => operation.Parent switch
    {
        IMemberReferenceOperation member => member.Instance == operation,
        IInvocationOperation invocation => invocation.Instance == operation,
        _ => false,
    };

    private static ControlFlowGraph? Graph(IOperation root) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body),
        IBlockOperation body => ControlFlowGraph.Create(body),
        _ => null,
    };

    private static double Time(Action step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var before = Process.GetCurrentProcess();
        var start = before.TotalProcessorTime;
        step();
        using var after = Process.GetCurrentProcess();
        return (after.TotalProcessorTime - start).TotalMilliseconds;
    }

    private sealed record Row(int Lines, int Bodies, int WithSource, int ReadsClassifiedValue, double Compile, double Operations, double Scan, double Graphs, double Flow, double Structured, double Register, double Solve);
}
