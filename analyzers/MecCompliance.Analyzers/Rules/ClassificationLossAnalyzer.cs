namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC006: a classified value stored into an unclassified field or property (assignment, object initializer, collection
/// add or indexer set on a member) loses its classification, and with it every other check. Storing an object whose
/// type carries its classified members loses nothing and is not reported (<see cref="Policy.FlowJudgement"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassificationLossAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC006_ClassificationLost);
}
