using MecCompliance.Analyzers;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The report's flows of one compilation: the flows the rules' analysis recorded (<see cref="FlowRecorder"/>), judged by
/// the rules' own judgement (<see cref="FlowJudgement"/>). A violation carries its finding's rule and message, and says
/// when the build does not report it (its rule switched off); the others are approved by a declaration or allowed by the policy.
/// </summary>
internal sealed class FlowCollector(Compilation compilation, PolicyRegister register, SourcePaths paths, ISet<SyntaxTree> generated)
{
    private string Project => compilation.AssemblyName ?? "";

    public IReadOnlyList<DataFlow> Collect(FlowRecorder recorded)
    {
        if (recorded.Policy is not { } policy)
        {
            return [];
        }

        var flows = new List<DataFlow>();
        foreach (var batch in recorded.Batches)
        {
            // The analyzers skip generated code (ConfigureGeneratedCodeAnalysis), so the report does too.
            var kept = batch.Where(f => f.Location.SourceTree is { } tree && !generated.Contains(tree)).ToList();
            var violated = new List<ClassifiedFlow>();
            foreach (var rule in FlowJudgement.FlowRules)
            {
                foreach (var finding in FlowJudgement.Findings(policy, kept, rule))
                {
                    violated.Add(finding.Finding.First);
                    flows.Add(Violation(finding) with { CrossesProjects = CrossedProjects(finding.Finding.First) });
                }
            }

            // One row per location and sink: a value that also carries a violation is listed once, as the violation.
            foreach (var group in kept.GroupBy(f => (f.Location, f.SinkKind, f.SinkName, f.Target)))
            {
                if (!violated.Any(v => v.SameSinkAndLocation(group.First())) && NotViolating(policy, group.ToList()) is { } flow)
                {
                    flows.Add(flow with { CrossesProjects = CrossedProjects(group.First()) });
                }
            }
        }

        return flows;
    }

    /// <summary>The referenced assemblies (projects of the solution, packages built with MecCompliance) the flow passes through.</summary>
    private IReadOnlyList<string> CrossedProjects(ClassifiedFlow flow) =>
        flow.Path.Select(m => m.ContainingAssembly).Where(a => a is not null && !SymbolEqualityComparer.Default.Equals(a, compilation.Assembly))
            .Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();

    private DataFlow Violation(JudgedFinding judged)
    {
        var group = judged.Finding.Flows;
        var first = group[0];
        var leaving = group.Aggregate(DataClass.None, (all, f) => all | f.Classes);
        var carried = group.Aggregate(DataClass.None, (all, f) => all | f.CarriedClasses);
        var data = DataOf(group);

        // Whether the build shows it: the compiler's own filter (severities from options and .editorconfig, #pragma,
        // [SuppressMessage]) applied to the very diagnostic the rule reports.
        var effective = CompilationWithAnalyzers.GetEffectiveDiagnostics([judged.Diagnostic], compilation).SingleOrDefault();
        var detail = effective is { IsSuppressed: false }
            ? judged.Diagnostic.GetMessage()
            : $"{data} reaches {first.SinkDisplay}{first.PathDisplay}; the build does not report it (rule {judged.RuleId} is disabled or unavailable)";
        return new DataFlow(Project, data, ClassNames.Of(leaving == DataClass.None ? carried : leaving), KindOf(first.SinkKind), SinkNameOf(first),
            Verdict.Violation, judged.RuleId, Declaration: null, Contract: null, detail, paths.PointOf(first.Location));
    }

    private DataFlow? NotViolating(PolicyModel policy, IReadOnlyList<ClassifiedFlow> group)
    {
        var judged = group.Select(f => (Flow: f, Verdict: FlowJudgement.Judge(policy, f))).Where(j => j.Verdict.Kind != FlowVerdictKind.NotAFinding).ToList();
        if (judged.Count == 0)
        {
            return null;
        }

        var first = judged[0].Flow;
        var data = DataOf(judged.Select(j => j.Flow));
        var leaving = judged.Aggregate(DataClass.None, (all, j) => all | j.Flow.Classes);
        var carried = judged.Aggregate(DataClass.None, (all, j) => all | j.Flow.CarriedClasses);
        var classes = ClassNames.Of(leaving == DataClass.None ? carried : leaving);
        var kind = KindOf(first.SinkKind);
        var location = paths.PointOf(first.Location);
        if (judged.FirstOrDefault(j => j.Verdict.Kind == FlowVerdictKind.Approved).Verdict is { Declaration: { } approval } &&
            register.Find(kind == SinkKind.Vendor ? PartyKind.Vendor : PartyKind.Sink, approval.Name) is { } declaration)
        {
            return new DataFlow(Project, data, classes, kind, declaration.Name, Verdict.Approved, null, declaration.Text, declaration.Contract,
                $"{data} reaches {first.SinkName}{first.PathDisplay}, which belongs to {declaration.Name}", location);
        }

        var reason = judged.Select(j => j.Verdict.Reason).FirstOrDefault(r => r is not null) ?? "policy: allowed";
        return new DataFlow(Project, data, classes, kind, SinkNameOf(first), Verdict.Allowed, null, null, null, reason, location);
    }

    private static string DataOf(IEnumerable<ClassifiedFlow> flows) => string.Join(", ", flows.Select(f => f.Data).Distinct(StringComparer.Ordinal));

    // An undeclared vendor is named by where the data goes (a literal host in the send) when the code says it.
    private static string SinkNameOf(ClassifiedFlow flow) => flow.SinkKind switch
    {
        Analyzers.Sinks.SinkKind.Vendor => flow.Target ?? (flow.Host ?? flow.SinkName) + " (undeclared)",
        Analyzers.Sinks.SinkKind.Storage => flow.Target ?? flow.SinkName + " (unapproved)",
        _ => flow.SinkName,
    };

    private static SinkKind KindOf(Analyzers.Sinks.SinkKind kind) => kind switch
    {
        Analyzers.Sinks.SinkKind.Log => SinkKind.Log,
        Analyzers.Sinks.SinkKind.Vendor => SinkKind.Vendor,
        Analyzers.Sinks.SinkKind.Storage => SinkKind.Storage,
        _ => SinkKind.UnclassifiedMember,
    };
}
