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
public sealed class ClassificationLossAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC006_ClassificationLost);

    private protected override void Report(PolicyModel policy, IEnumerable<ClassifiedFlow> flows, Action<Diagnostic> report)
    {
        foreach (var finding in ClassifiedFlow.GroupByLocation(flows.Where(f => f.Sink.Kind == SinkKind.UnclassifiedMember && !f.Source.IsWholeObject)))
        {
            var flow = finding.First;
            var member = flow.Sink.Member!;
            report(Diagnostic.Create(
                RuleDescriptors.MEC006_ClassificationLost,
                flow.Location,
                flow.AdditionalLocations(),
                finding.WithFingerprint(DiagnosticPropertyNames.For(flow.Classes, member)),
                finding.Sources,
                member is IFieldSymbol ? "field" : "property",
                flow.Sink.Name,
                flow.Classes.ToAttributeName(),
                flow.PathDisplay));
        }
    }
}
