using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC001: personal data and patron records must not reach a log sink unredacted. Every flow is reported as the method
/// it is reported in is analysed (live in the editor); one through other methods at the caller's argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassifiedDataLoggedAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC001_ClassifiedDataLogged);

    private protected override void Report(PolicyModel policy, IEnumerable<ClassifiedFlow> flows, Action<Diagnostic> report)
    {
        foreach (var finding in ClassifiedFlow.GroupByLocation(flows.Where(IsViolation)))
        {
            var flow = finding.First;
            report(Diagnostic.Create(
                RuleDescriptors.MEC001_ClassifiedDataLogged,
                flow.Location,
                flow.AdditionalLocations(),
                finding.WithFingerprint(DiagnosticPropertyNames.For(flow.Classes)),
                finding.Sources,
                flow.Sink.Name,
                flow.PathDisplay));
        }
    }

    /// <summary>
    /// Organizational data may be logged (DESIGN §3); a sanctioned (redacted) path lets its classes through. An object
    /// that formats itself with its own <c>ToString</c> is judged by what that method returns (a separate flow).
    /// </summary>
    private static bool IsViolation(ClassifiedFlow flow) =>
        flow.Sink.Kind == SinkKind.Log && flow.Classes.IsProtected() && flow.Source is not { IsWholeObject: true, FormatsThrough: not null };
}
