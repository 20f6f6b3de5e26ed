namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC001: personal data and patron records must not reach a log sink unredacted; organizational data may be logged, and
/// a sanctioned (redacted) path lets its classes through (<see cref="Policy.FlowJudgement"/>). Every flow is reported as
/// the method it is reported in is analysed (live in the editor); one through other methods at the caller's argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassifiedDataLoggedAnalyzer : FlowRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC001_ClassifiedDataLogged);
}
