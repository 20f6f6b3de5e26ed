using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// The rules that judge flows found by the shared engine (MEC001, MEC002, MEC003, MEC006). Flows inside one method are
/// judged as the method is analysed, so the editor shows them live; flows through other methods at compilation end, at
/// the caller's argument. What breaks the policy, and how to say so, is <see cref="FlowJudgement"/>'s: each rule reports
/// the violations of its own id.
/// </summary>
public abstract class FlowRuleAnalyzer : DiagnosticAnalyzer
{
    private protected FlowRuleAnalyzer()
    {
    }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // The session and the policy are looked up in the callbacks, not here: at compilation start, reading the
            // references or the assembly's attributes would make the rules pay for the compiler's own binding.
            var compilation = start.Compilation;
            var baseline = BaselineFilter.For(start.Options, start.CancellationToken);
            start.RegisterOperationBlockAction(block =>
            {
                if (FlowSession.For(compilation) is not { } session)
                {
                    return;
                }

                // Most methods have no flow. `block.ReportDiagnostic` as a delegate boxes the whole context struct, so
                // it is only created when there is something to judge.
                var flows = session.Register(block.OwningSymbol, block.OperationBlocks, block.CancellationToken).LocalFlows;
                if (!flows.IsEmpty)
                {
                    Report(PolicyModel.Create(compilation, session.Symbols, block.CancellationToken), flows, d => block.ReportDiagnostic(baseline.Apply(d, block.CancellationToken)));
                }
            });
            start.RegisterCompilationEndAction(end =>
            {
                if (FlowSession.For(compilation) is not { } session)
                {
                    return;
                }

                var flows = session.Solve(end.CancellationToken).Flows;
                if (!flows.IsEmpty)
                {
                    Report(PolicyModel.Create(compilation, session.Symbols, end.CancellationToken), flows, d => end.ReportDiagnostic(baseline.Apply(d, end.CancellationToken)));
                }
            });
        });
    }

    /// <summary>Reports the flows among <paramref name="flows"/> that <see cref="FlowJudgement"/> calls violations of this rule.</summary>
    private void Report(PolicyModel policy, IEnumerable<ClassifiedFlow> flows, Action<Diagnostic> report)
    {
        foreach (var finding in FlowJudgement.Findings(policy, flows, SupportedDiagnostics[0].Id))
        {
            report(finding.Diagnostic);
        }
    }
}
