using System.Collections.Concurrent;
using System.Collections.Immutable;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// Runs beside the rules in the same <see cref="CompilationWithAnalyzers"/> and records the flows the shared engine found,
/// in the batches the rules judge them (one method's flows as it is analysed; the interprocedural ones at compilation
/// end). One analysis gives the report its findings and its flows: the engine is never run a second time.
/// </summary>
/// <remarks>
/// The rules' flow session is keyed by the compilation they see, which is not the one the report was given (analysis
/// runs on a copy with an event queue): asking the session afterwards would start a new, empty one. A companion analyzer
/// sees the rules' compilation, so it reads their session. It registers every body itself (the session analyses each
/// once), so a rule switched off in <c>.editorconfig</c> does not hide flows from the report. It reports nothing; one
/// instance serves one compilation.
/// </remarks>
// Not a compiler extension: the tool creates it for one analysis and never ships it to a build (no attribute, no release
// tracking for a descriptor that is never reported).
#pragma warning disable RS1001, RS2008
internal sealed class FlowRecorder : DiagnosticAnalyzer
{
    // Never reported; an analyzer without a descriptor that is on counts as switched off, and NotConfigurable keeps
    // `dotnet_analyzer_diagnostic.severity = none` from switching this one off.
    private static readonly DiagnosticDescriptor Recording = new(
        "MECREPORT", "Flows recorded for mec report", "Flows recorded for mec report", "Privacy", DiagnosticSeverity.Hidden, isEnabledByDefault: true,
        customTags: [WellKnownDiagnosticTags.NotConfigurable]);
#pragma warning restore RS1001, RS2008

    private readonly ConcurrentQueue<ImmutableArray<ClassifiedFlow>> _batches = new();
    private PolicyModel? _policy;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Recording];

    /// <summary>The flows as the rules judge them: each batch is what one rule invocation sees.</summary>
    public IEnumerable<ImmutableArray<ClassifiedFlow>> Batches => _batches;

    /// <summary>The policy of the compilation the rules analysed, read as they read it; null when nothing can be classified.</summary>
    public PolicyModel? Policy => Volatile.Read(ref _policy);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            start.RegisterOperationBlockAction(block =>
            {
                if (FlowSession.For(compilation) is { } session &&
                    session.Register(block.OwningSymbol, block.OperationBlocks, block.CancellationToken).LocalFlows is { IsEmpty: false } flows)
                {
                    _batches.Enqueue(flows);
                }
            });
            start.RegisterCompilationEndAction(end =>
            {
                if (FlowSession.For(compilation) is not { } session)
                {
                    return;
                }

                Volatile.Write(ref _policy, PolicyModel.Create(compilation, session.Symbols, end.CancellationToken));
                if (session.Solve(end.CancellationToken).Flows is { IsEmpty: false } flows)
                {
                    _batches.Enqueue(flows);
                }
            });
        });
    }
}
