using MecCompliance.Analyzers;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The flows of classified data of one compilation, from the analyzers' flow engine, judged as the rules judge them:
/// a flow the build reports is a violation with the finding's rule and message; the others are approved by a
/// declaration, allowed by the policy, or (a rule switched off) a violation the build does not report.
/// </summary>
internal sealed class FlowCollector(Compilation compilation, ComplianceSymbols symbols, PolicyRegister register, SourcePaths paths, ISet<SyntaxTree> generated)
{
    private string Project => compilation.AssemblyName ?? "";

    /// <summary>Every flow of the compilation: the flow engine's (the same analysis the rules run), and any finding no flow explains.</summary>
    public IReadOnlyList<DataFlow> Collect(IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var judged = diagnostics.Where(d => RuleKind(d.Id) is not null && !d.IsSuppressed && d.Location.IsInSource).ToList();
        var explained = new HashSet<Diagnostic>();
        var flows = new List<DataFlow>();

        var engineFlows = ClassifiedFlowQuery.FindAll(compilation, tree => compilation.GetSemanticModel(tree), cancellationToken);
        // The analyzers skip generated code (ConfigureGeneratedCodeAnalysis), so the report does too.
        foreach (var group in engineFlows.Where(f => f.Location.SourceTree is { } tree && !generated.Contains(tree)).GroupBy(f => (f.Location, f.Sink)))
        {
            var first = group.First();
            var kind = KindOf(first.Sink.Kind);
            var finding = judged.FirstOrDefault(d => RuleKind(d.Id) == kind && d.Location.SourceTree == first.Location.SourceTree && d.Location.SourceSpan.IntersectsWith(first.Location.SourceSpan));
            if (finding is not null)
            {
                explained.Add(finding);
            }

            if (Judge(group.ToList(), kind, finding) is { } flow)
            {
                flows.Add(flow with { CrossesProjects = CrossedProjects(first) });
            }
        }

        flows.AddRange(FromDiagnostics(judged.Where(d => !explained.Contains(d)), cancellationToken));
        return flows;
    }

    /// <summary>The referenced assemblies (projects of the solution, packages built with MecCompliance) the flow passes through.</summary>
    private IReadOnlyList<string> CrossedProjects(ClassifiedFlow flow) =>
        flow.Path.Select(m => m.ContainingAssembly).Where(a => a is not null && !SymbolEqualityComparer.Default.Equals(a, compilation.Assembly))
            .Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();

    private DataFlow? Judge(IReadOnlyList<ClassifiedFlow> group, SinkKind kind, Diagnostic? finding)
    {
        var first = group[0];
        var leaving = group.Aggregate(DataClass.None, (all, f) => all | f.Classes);
        var carried = group.Aggregate(DataClass.None, (all, f) => all | f.Source.Classes);
        var data = string.Join(", ", group.Select(f => f.Source.Display).Distinct(StringComparer.Ordinal));
        var sinkName = kind switch
        {
            SinkKind.Vendor => first.Sink.Target ?? ((first.SinkEvent.SinkOperation is { } send ? HostIn(send) : null) ?? first.Sink.Name) + " (undeclared)",
            SinkKind.Storage => first.Sink.Target ?? first.Sink.Name + " (unapproved)",
            _ => first.Sink.Name,
        };
        var location = paths.PointOf(first.Location);
        var path = first.PathDisplay;

        if (finding is not null)
        {
            return new DataFlow(Project, data, ClassNames.Of(leaving == DataClass.None ? carried : leaving), kind, sinkName, Verdict.Violation, finding.Id,
                Declaration: null, Contract: null, finding.GetMessage(), location);
        }

        switch (kind)
        {
            case SinkKind.Log when leaving == DataClass.None:
                return new DataFlow(Project, data, ClassNames.Of(carried), kind, sinkName, Verdict.Allowed, null, null, null,
                    $"redacted: classified parameter of {first.Sink.Name}{path}", location);
            case SinkKind.Log when !leaving.IsProtected():
                return new DataFlow(Project, data, ClassNames.Of(leaving), kind, sinkName, Verdict.Allowed, null, null, null,
                    "policy: organizational data may be logged", location);
            case SinkKind.Storage when !leaving.IsProtected() && leaving != DataClass.None:
                return new DataFlow(Project, data, ClassNames.Of(leaving), kind, sinkName, Verdict.Allowed, null, null, null,
                    "policy: organizational data may be stored anywhere", location);
            case SinkKind.Vendor or SinkKind.Storage:
                var declaration = first.Sink.Target is { } target ? register.Find(kind == SinkKind.Vendor ? PartyKind.Vendor : PartyKind.Sink, target) : null;
                if (declaration is not null && declaration.Approves(leaving))
                {
                    return new DataFlow(Project, data, ClassNames.Of(leaving), kind, declaration.Name, Verdict.Approved, null, declaration.Text, declaration.Contract,
                        $"{data} reaches {first.Sink.Name}{path}, which belongs to {declaration.Name}", location);
                }

                break;
            case SinkKind.UnclassifiedMember:
                // The rule exempts what keeps its classification (an object whose type carries it): not a flow worth listing.
                return null;
        }

        // The policy forbids it but the build does not report it: the rule is switched off (.editorconfig) or not built yet.
        return new DataFlow(Project, data, ClassNames.Of(leaving), kind, sinkName, Verdict.Violation, RuleFor(kind), null, null,
            $"{data} reaches {first.Sink}{path}; the build does not report it (rule {RuleFor(kind)} is disabled or unavailable)", location);
    }

    private IEnumerable<DataFlow> FromDiagnostics(IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            var kind = RuleKind(diagnostic.Id)!.Value;
            var tree = diagnostic.Location.SourceTree!;
            var model = compilation.GetSemanticModel(tree);
            var node = tree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var operation = model.GetOperation(node, cancellationToken);
            var value = ClassifiedValueReader.Read(operation, symbols);
            var message = diagnostic.GetMessage();
            var data = value.IsClassified ? value.Names : node.ToString();
            var sink = SinkOf(operation);

            yield return new DataFlow(Project, data, ClassNames.Of(value.Classes), kind, sink, Verdict.Violation, diagnostic.Id,
                Declaration: null, Contract: null, message, paths.PointOf(diagnostic.Location));
        }
    }

    private static SinkKind? RuleKind(string id) => id switch
    {
        RuleIdentifiers.ClassifiedDataLogged => SinkKind.Log,
        RuleIdentifiers.ClassifiedDataSentToVendor => SinkKind.Vendor,
        RuleIdentifiers.ClassifiedDataStoredOutsideSink => SinkKind.Storage,
        RuleIdentifiers.ClassificationLost => SinkKind.UnclassifiedMember,
        _ => null,
    };

    private static string RuleFor(SinkKind kind) => kind switch
    {
        SinkKind.Log => RuleIdentifiers.ClassifiedDataLogged,
        SinkKind.Vendor => RuleIdentifiers.ClassifiedDataSentToVendor,
        SinkKind.Storage => RuleIdentifiers.ClassifiedDataStoredOutsideSink,
        _ => RuleIdentifiers.ClassificationLost,
    };

    private static SinkKind KindOf(Analyzers.Sinks.SinkKind kind) => kind switch
    {
        Analyzers.Sinks.SinkKind.Log => SinkKind.Log,
        Analyzers.Sinks.SinkKind.Vendor => SinkKind.Vendor,
        Analyzers.Sinks.SinkKind.Storage => SinkKind.Storage,
        _ => SinkKind.UnclassifiedMember,
    };

    // The host of a literal absolute URI in the send, so an undeclared vendor is named by where the data goes.
    private static string? HostIn(IOperation send)
    {
        foreach (var operation in send.DescendantsAndSelf())
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text } &&
                Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" && uri.Host.Length > 0)
            {
                return uri.Host;
            }
        }

        return null;
    }

    private static string SinkOf(IOperation? operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInvocationOperation invocation:
                    return $"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}";
                case IObjectCreationOperation creation when creation.Type is not null:
                    return $"new {creation.Type.Name}";
                case IAssignmentOperation { Target: IMemberReferenceOperation target }:
                    return $"{target.Member.ContainingType.Name}.{target.Member.Name}";
                case IMemberInitializerOperation or IObjectOrCollectionInitializerOperation:
                    continue;
            }
        }

        return "(unknown sink)";
    }
}
