using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC002: classified data may be sent only to a declared vendor approved for its class. The vendor of each send is
/// resolved by the sink catalogue (client name, declared host, <c>[Vendor]</c> mark); every flow is reported as its
/// method is analysed, one through other methods at the caller's argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VendorEgressAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC002_ClassifiedDataSentToVendor);

    private protected override void Report(PolicyModel policy, IEnumerable<ClassifiedFlow> flows, Action<Diagnostic> report)
    {
        // Organizational data too needs a vendor approved for it (DESIGN §3).
        var violations = flows.Where(f => f.Sink.Kind == SinkKind.Vendor && f.Classes != DataClass.None &&
                                          ApprovalJudgement.Remedy(policy, isVendor: true, f.Sink.Target, f.Classes) is not null).ToList();
        foreach (var finding in ClassifiedFlow.GroupByLocation(violations))
        {
            var flow = finding.First;
            var classes = violations.Where(f => f.Location == flow.Location && f.Sink.Name == flow.Sink.Name).Aggregate(DataClass.None, (all, f) => all | f.Classes);
            report(Diagnostic.Create(
                RuleDescriptors.MEC002_ClassifiedDataSentToVendor,
                flow.Location,
                flow.AdditionalLocations(),
                finding.WithFingerprint(),
                finding.Sources,
                flow.Sink.Target is { } vendor ? $"vendor '{vendor}' by {flow.Sink.Name}" : "an undeclared vendor by " + flow.Sink.Name,
                flow.PathDisplay,
                ApprovalJudgement.Remedy(policy, isVendor: true, flow.Sink.Target, classes)));
        }
    }
}
