using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// The rules that judge flows found by the shared engine (MEC001, MEC002, MEC003, MEC006). Every flow is judged in the
/// block action of the method it is reported in, so the editor shows it as the document is analysed alone: flows inside
/// the method, and flows through other methods (at the method's own argument or sink), found with the summaries of the
/// methods it calls, computed on demand and kept for the compilation. Nothing waits for compilation end. What breaks the
/// policy, and how to say so, is <see cref="FlowJudgement"/>'s: each rule reports the violations of its own id.
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
                // it is only created when there is something to judge. Flows within the method and through its calls are
                // judged apart, as two sets of findings (a method with no source of its own has only the second).
                var entry = session.Register(block.OwningSymbol, block.OperationBlocks, block.CancellationToken);
                var local = entry.HasSource ? entry.LocalFlows : ImmutableArray<ClassifiedFlow>.Empty;
                var throughCalls = session.FlowsThroughCalls(entry, block.CancellationToken);
                if (!local.IsEmpty || !throughCalls.IsEmpty)
                {
                    var policy = PolicyModel.Create(compilation, session.Symbols, block.CancellationToken);
                    Action<Diagnostic> report = d => block.ReportDiagnostic(baseline.Apply(d, block.CancellationToken));
                    if (!local.IsEmpty)
                    {
                        Report(policy, local, report);
                    }

                    if (!throughCalls.IsEmpty)
                    {
                        Report(policy, throughCalls, report);
                    }
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
