using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC003: personal data and patron records may be stored only in a declared sink approved for their class. Each write
/// belongs to the <c>[DataSink]</c> resolved by the sink catalogue (a marked context, repository or method) or to
/// unapproved storage; organizational data may be stored anywhere (DESIGN §3).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StorageEgressAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC003_ClassifiedDataStoredOutsideSink);

    private protected override void Report(PolicyModel policy, IEnumerable<ClassifiedFlow> flows, Action<Diagnostic> report)
    {
        var violations = flows.Where(f => f.Sink.Kind == SinkKind.Storage && f.Classes.IsProtected() &&
                                          ApprovalJudgement.Remedy(policy, isVendor: false, f.Sink.Target, f.Classes & DataClassExtensions.Protected) is not null).ToList();
        foreach (var finding in ClassifiedFlow.GroupByLocation(violations))
        {
            var flow = finding.First;
            var classes = violations.Where(f => f.Location == flow.Location && f.Sink.Name == flow.Sink.Name)
                .Aggregate(DataClass.None, (all, f) => all | (f.Classes & DataClassExtensions.Protected));
            report(Diagnostic.Create(
                RuleDescriptors.MEC003_ClassifiedDataStoredOutsideSink,
                flow.Location,
                flow.AdditionalLocations(),
                finding.WithFingerprint(),
                finding.Sources,
                flow.Sink.Target is { } sink ? $"sink '{sink}' by {flow.Sink.Name}" : "unapproved storage by " + flow.Sink.Name,
                flow.PathDisplay,
                ApprovalJudgement.Remedy(policy, isVendor: false, flow.Sink.Target, classes)));
        }
    }
}
