using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC008: a method marked <c>[ErasesPersonalData("sink")]</c> or <c>[CorrectsPersonalData("sink")]</c> that never calls
/// into the sink's <c>[DataSink]</c> code, directly or through the methods it calls. Whether it does is a question about
/// the whole compilation's call graph, so the rule reports at compilation end (the build, CI, full solution analysis).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EraserMissesSinkAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC008_EraserMissesSink);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is walked (an eraser may reach its store through it) but never reported in.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var analyzer = new AnalyzerContext(start.Compilation);
            start.RegisterOperationBlockAction(analyzer.CollectCalls);
            start.RegisterCompilationEndAction(analyzer.Report);
        });
    }

    private sealed class AnalyzerContext(Compilation compilation)
    {
        private readonly object _marksLock = new();
        private System.Runtime.CompilerServices.StrongBox<ImmutableArray<DataSubjectMark>>? _marks;
        private SinkCallGraph? _graph;
        private bool _unclassifiable;

        // Most compilations mark no eraser or corrector: then no body is walked at all.
        public void CollectCalls(OperationBlockAnalysisContext context)
        {
            if (!Marks(context.CancellationToken).IsEmpty)
            {
                Graph()?.AddBody(context.OwningSymbol, context.OperationBlocks, context.CancellationToken);
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            var marks = Marks(context.CancellationToken);
            if (marks.IsEmpty || Graph() is not { } graph || ComplianceSymbols.For(compilation) is not { } symbols)
            {
                return;
            }

            var policy = PolicyModel.Create(compilation, symbols, context.CancellationToken);
            foreach (var mark in marks)
            {
                context.CancellationToken.ThrowIfCancellationRequested();

                // A mark naming no declared sink is MEC004 already; saying it also misses that sink would be noise.
                if (!policy.TryGetSink(mark.Sink, out var sink) || graph.Reaches(mark.Method, mark.Sink!, policy, context.CancellationToken))
                {
                    continue;
                }

                var consequence = mark.Duty == DataSubjectDuty.Erases
                    ? $"it would report a subject's data as erased while it stays in '{sink.Name}': delete or anonymise it through the sink's code"
                    : $"it would report a subject's data as corrected while '{sink.Name}' keeps the old value: update it through the sink's code";
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.MEC008_EraserMissesSink,
                    mark.GetLocation(context.CancellationToken),
                    mark.Method.ContainingType.Name + "." + mark.Method.Name,
                    mark.AttributeName,
                    mark.Sink,
                    consequence));
            }
        }

        /// <summary>
        /// The marks in the compilation's source, read once from its declared symbols (attributes are bound for the
        /// build anyway; no body is bound), the first time a body or the end asks.
        /// </summary>
        private ImmutableArray<DataSubjectMark> Marks(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _marks) is { } known)
            {
                return known.Value;
            }

            lock (_marksLock)
            {
                if (_marks is { } read)
                {
                    return read.Value;
                }

                var marks = ImmutableArray.CreateBuilder<DataSubjectMark>();
                // Most compilations mark no eraser or corrector, and say so in their text: then no method's attributes are read.
                if (DataSubjectMark.MayBeInSource(compilation, cancellationToken) && ComplianceSymbols.For(compilation) is not null)
                {
                    var pending = new Stack<INamespaceOrTypeSymbol>();
                    pending.Push(compilation.Assembly.GlobalNamespace);
                    while (pending.Count > 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        foreach (var member in pending.Pop().GetMembers())
                        {
                            if (member is INamespaceOrTypeSymbol container)
                            {
                                pending.Push(container);
                            }
                            else if (member is IMethodSymbol method)
                            {
                                foreach (var mark in DataSubjectMark.On(method))
                                {
                                    if (mark.HasSinkName && mark.Attribute.ApplicationSyntaxReference is not null)
                                    {
                                        marks.Add(mark);
                                    }
                                }
                            }
                        }
                    }
                }

                var result = marks.ToImmutable();
                Volatile.Write(ref _marks, new System.Runtime.CompilerServices.StrongBox<ImmutableArray<DataSubjectMark>>(result));
                return result;
            }
        }

        // Created on first use: at compilation start the references have not been read, and reading them there would
        // make this rule pay for the compiler's own binding.
        private SinkCallGraph? Graph()
        {
            if (Volatile.Read(ref _graph) is { } graph)
            {
                return graph;
            }

            if (Volatile.Read(ref _unclassifiable))
            {
                return null;
            }

            if (ComplianceSymbols.For(compilation) is not { } symbols)
            {
                Volatile.Write(ref _unclassifiable, true);
                return null;
            }

            Interlocked.CompareExchange(ref _graph, new SinkCallGraph(compilation, symbols), null);
            return _graph;
        }
    }
}
