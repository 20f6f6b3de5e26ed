namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC001: personal data and patron records must not reach a log sink unredacted; organizational data may be logged, and
/// a sanctioned (redacted) path lets its classes through (<see cref="Policy.FlowJudgement"/>). Flows inside one method are
/// reported as the method is analysed (live in the editor); flows through other methods at compilation end, at the caller's argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassifiedDataLoggedAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC001_ClassifiedDataLogged);
}
