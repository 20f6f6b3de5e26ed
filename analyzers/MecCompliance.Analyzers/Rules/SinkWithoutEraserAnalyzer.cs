using System.Collections.Concurrent;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC007: a sink approved for personal data or patron records (or a foreign classification) that no method marked
/// <c>[ErasesPersonalData("sink")]</c> serves, in the compilation or its references. Reported on the declaration when
/// it is in source; a sink declared in a referenced policy assembly is reported at the first approved store into it in
/// this compilation (where this code puts personal data that could not be erased), and not at all where nothing is
/// stored in it. Whether an eraser exists anywhere is known only at compilation end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SinkWithoutEraserAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC007_SinkWithoutEraser);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // An eraser in generated code is an eraser; stores in generated code are left out, as the flow rules leave them.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var analyzer = new AnalyzerContext(start.Compilation);
            start.RegisterSymbolAction(analyzer.CollectErasers, SymbolKind.Method);
            start.RegisterOperationBlockAction(analyzer.CollectStores);
            start.RegisterCompilationEndAction(analyzer.Report);
        });
    }

    private sealed class AnalyzerContext(Compilation compilation)
    {
        private readonly ConcurrentDictionary<string, bool> _erased = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Location> _firstStores = new(StringComparer.OrdinalIgnoreCase);
        private readonly object _sinksLock = new();
        private Dictionary<string, SinkDeclaration>? _referencedSinks;

        public void CollectErasers(SymbolAnalysisContext context)
        {
            foreach (var mark in DataSubjectMark.On((IMethodSymbol)context.Symbol))
            {
                if (mark.Duty == DataSubjectDuty.Erases && mark.HasSinkName)
                {
                    _erased.TryAdd(mark.Sink!, true);
                }
            }
        }

        // Only sinks declared in a referenced assembly need a store to report at; for most compilations there is none
        // and this costs one lookup per body.
        public void CollectStores(OperationBlockAnalysisContext context)
        {
            if (context.IsGeneratedCode || FlowSession.For(compilation) is not { } session || ReferencedSinks(session, context.CancellationToken).Count == 0)
            {
                return;
            }

            var flows = session.Register(context.OwningSymbol, context.OperationBlocks, context.CancellationToken).LocalFlows;
            if (!flows.IsEmpty)
            {
                RecordStores(flows, session, context.CancellationToken);
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            if (FlowSession.For(compilation) is not { } session)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var policy = PolicyModel.Create(compilation, session.Symbols, cancellationToken);
            var needing = policy.Sinks.Where(s => s.IsValid && s.HoldsPersonalData && !_erased.ContainsKey(s.Name)).ToList();
            if (needing.Count == 0)
            {
                return;
            }

            var inReferences = DataSubjectMark.InReferences(compilation, cancellationToken);
            needing.RemoveAll(s => inReferences.Any(m => m.Duty == DataSubjectDuty.Erases && m.IsFor(s.Name)));
            if (needing.Any(s => !s.IsInSource))
            {
                RecordStores(session.Solve(cancellationToken).Flows, session, cancellationToken);
            }

            foreach (var sink in needing)
            {
                Location? location = sink.IsInSource ? sink.Location : _firstStores.TryGetValue(sink.Name, out var store) ? store : null;
                if (location is null)
                {
                    continue;
                }

                var origin = sink.IsInSource ? "" : $" (declared in referenced assembly '{sink.Assembly.Name}')";
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.MEC007_SinkWithoutEraser,
                    location,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.Sink, sink.Name),
                    sink.Name,
                    origin,
                    (sink.Allowed & DataClassExtensions.Protected).ToDisplayString()));
            }
        }

        private void RecordStores(IEnumerable<ClassifiedFlow> flows, FlowSession session, CancellationToken cancellationToken)
        {
            var sinks = ReferencedSinks(session, cancellationToken);
            foreach (var flow in flows)
            {
                if (flow.SinkKind != SinkKind.Storage || flow.Target is not { } target || !flow.Classes.IsProtected() ||
                    !sinks.TryGetValue(target, out var sink) || !sink.Allows(flow.Classes & DataClassExtensions.Protected) || !flow.Location.IsInSource)
                {
                    continue;
                }

                // The first store in source order, so the finding does not move between builds.
                _firstStores.AddOrUpdate(target, flow.Location, (_, known) => IsBefore(flow.Location, known) ? flow.Location : known);
            }
        }

        private static bool IsBefore(Location candidate, Location known)
        {
            var byPath = string.CompareOrdinal(candidate.SourceTree?.FilePath, known.SourceTree?.FilePath);
            return byPath < 0 || (byPath == 0 && candidate.SourceSpan.Start < known.SourceSpan.Start);
        }

        private Dictionary<string, SinkDeclaration> ReferencedSinks(FlowSession session, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _referencedSinks) is { } known)
            {
                return known;
            }

            lock (_sinksLock)
            {
                if (_referencedSinks is { } read)
                {
                    return read;
                }

                var sinks = new Dictionary<string, SinkDeclaration>(StringComparer.OrdinalIgnoreCase);
                foreach (var sink in PolicyModel.Create(compilation, session.Symbols, cancellationToken).Sinks)
                {
                    if (!sink.IsInSource && sink.IsValid && sink.HoldsPersonalData && !sinks.ContainsKey(sink.Name))
                    {
                        sinks.Add(sink.Name, sink);
                    }
                }

                Volatile.Write(ref _referencedSinks, sinks);
                return sinks;
            }
        }
    }
}
