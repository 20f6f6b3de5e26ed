using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC006: a classified value stored into an unclassified field or property (assignment, object initializer, collection
/// add or indexer set on a member) loses its classification, and with it every other check. Storing an object whose
/// type carries its classified members loses nothing and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassificationLossAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC006_ClassificationLost);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (FlowSession.For(start.Compilation) is not { } session)
            {
                return;
            }

            start.RegisterOperationBlockAction(block =>
                Report(session.Register(block.OwningSymbol, block.OperationBlocks, block.CancellationToken).LocalFlows, block.ReportDiagnostic));
            start.RegisterCompilationEndAction(end => Report(session.Solve(end.CancellationToken).Flows, end.ReportDiagnostic));
        });
    }

    private static void Report(IEnumerable<ClassifiedFlow> flows, Action<Diagnostic> report)
    {
        foreach (var (flow, sources) in ClassifiedFlow.GroupByLocation(flows.Where(f => f.Sink.Kind == SinkKind.UnclassifiedMember && !f.Source.IsWholeObject)))
        {
            var member = flow.Sink.Member!;
            report(Diagnostic.Create(
                RuleDescriptors.MEC006_ClassificationLost,
                flow.Location,
                flow.AdditionalLocations(),
                sources,
                member is IFieldSymbol ? "field" : "property",
                flow.Sink.Name,
                flow.Classes.ToAttributeName(),
                flow.PathDisplay));
        }
    }
}
