namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC003: personal data and patron records may be stored only in a declared sink approved for their class
/// (<see cref="Policy.FlowJudgement"/>). Each write belongs to the <c>[DataSink]</c> resolved by the sink catalogue (a
/// marked context, repository or method) or to unapproved storage; organizational data may be stored anywhere (DESIGN §3).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StorageEgressAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC003_ClassifiedDataStoredOutsideSink);
}
