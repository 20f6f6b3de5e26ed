namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC002: classified data, organizational data included, may be sent only to a declared vendor approved for its class
/// (<see cref="Policy.FlowJudgement"/>). The vendor of each send is resolved by the sink catalogue (client name, declared
/// host, <c>[Vendor]</c> mark); every flow is reported as its method is analysed, one through other methods at the
/// caller's argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VendorEgressAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC002_ClassifiedDataSentToVendor);
}
