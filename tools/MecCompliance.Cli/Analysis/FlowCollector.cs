using MecCompliance.Analyzers;
using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The flows of classified data of one compilation, from the analyzers' flow engine, judged as the rules judge them:
/// a flow the build reports is a violation with the finding's rule and message; the others are approved by a
/// declaration, allowed by the policy, or (a rule switched off) a violation the build does not report.
/// </summary>
internal sealed class FlowCollector(Compilation compilation, ComplianceSymbols symbols, PolicyRegister register, SourcePaths paths, ISet<SyntaxTree> generated)
{
    private static readonly HashSet<string> EntityWrites = new(StringComparer.Ordinal)
    {
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Attach", "AttachRange",
    };

    private string Project => compilation.AssemblyName ?? "";

    /// <summary>
    /// Every flow of the compilation: the flow engine's (the same analysis the rules run), calls into declared vendors
    /// and sinks for the sink families the engine does not know yet, and any finding no flow explains.
    /// </summary>
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
                flows.Add(flow);
            }
        }

        // Vendor and storage sinks arrive in the engine with issue 4; until then the calls into declared parties stand in.
        var seen = flows.Select(f => (f.Kind, f.Location)).ToHashSet();
        flows.AddRange(ApprovedPartyCalls(cancellationToken).Where(f => !seen.Contains((f.Kind, f.Location))));
        flows.AddRange(FromDiagnostics(judged.Where(d => !explained.Contains(d)), cancellationToken));
        return flows;
    }

    private DataFlow? Judge(IReadOnlyList<ClassifiedFlow> group, SinkKind kind, Diagnostic? finding)
    {
        var first = group[0];
        var leaving = group.Aggregate(DataClass.None, (all, f) => all | f.Classes);
        var carried = group.Aggregate(DataClass.None, (all, f) => all | f.Source.Classes);
        var data = string.Join(", ", group.Select(f => f.Source.Display).Distinct(StringComparer.Ordinal));
        var sinkName = kind is SinkKind.Vendor or SinkKind.Storage ? first.Sink.Target ?? first.Sink.Name : first.Sink.Name;
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
            var sink = kind == SinkKind.Vendor || kind == SinkKind.Storage ? PartyNamedIn(message) ?? SinkOf(operation) : SinkOf(operation);

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

    /// <summary>Calls that hand classified data to a declared vendor or sink the policy approves for all of it.</summary>
    private IEnumerable<DataFlow> ApprovedPartyCalls(CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees.Where(t => !generated.Contains(t)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation ||
                    PartyOf(invocation) is not { } party ||
                    IsInside(model, call, party, cancellationToken))
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    var value = ClassifiedValueReader.Read(argument.Value, symbols);
                    if (!value.IsClassified)
                    {
                        continue;
                    }

                    var declaration = register.Find(party.Kind, party.Name);
                    if (declaration is not null && declaration.Approves(value.Classes))
                    {
                        yield return new DataFlow(Project, value.Names, ClassNames.Of(value.Classes), party.Kind == PartyKind.Vendor ? SinkKind.Vendor : SinkKind.Storage,
                            declaration.Name, Verdict.Approved, RuleId: null, declaration.Text, declaration.Contract,
                            $"{value.Names} is handed to {SinkOf(invocation)}, which belongs to {party.Name}",
                            paths.PointOf(argument.Value.Syntax.GetLocation()));
                    }
                    else if (party.Kind == PartyKind.Sink && value.Classes == DataClass.OrganizationalData)
                    {
                        yield return new DataFlow(Project, value.Names, ClassNames.Of(value.Classes), SinkKind.Storage, party.Name, Verdict.Allowed,
                            RuleId: null, Declaration: null, Contract: null, "policy: organizational data may be stored anywhere", paths.PointOf(argument.Value.Syntax.GetLocation()));
                    }
                }
            }
        }
    }

    private Party? PartyOf(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (register.Model.VendorNameOf(method) is { } vendor)
        {
            return new Party(PartyKind.Vendor, vendor);
        }

        if (register.Model.SinkNameOf(method) is { } sink)
        {
            return new Party(PartyKind.Sink, sink);
        }

        // EF Core: a write through a DbSet or a DbContext belongs to the context's [DataSink].
        if (EntityWrites.Contains(method.Name) && invocation.Instance is { } instance)
        {
            var context = instance is IPropertyReferenceOperation { Property.ContainingType: { } owner } && IsDbSet(instance.Type) ? owner : instance.Type;
            if (context is not null && register.Model.SinkNameOf(context) is { } contextSink)
            {
                return new Party(PartyKind.Sink, contextSink);
            }
        }

        return null;
    }

    private static bool IsDbSet(ITypeSymbol? type) => type is INamedTypeSymbol named && named.OriginalDefinition.HasFullName("Microsoft.EntityFrameworkCore.DbSet`1");

    // A vendor client's own sends are the same flow as the call into the client; counting them twice would mislead.
    private bool IsInside(SemanticModel model, SyntaxNode call, Party party, CancellationToken cancellationToken)
    {
        for (var type = model.GetEnclosingSymbol(call.SpanStart, cancellationToken)?.ContainingType; type is not null; type = type.ContainingType)
        {
            var mark = party.Kind == PartyKind.Vendor ? register.Model.VendorNameOf(type) : register.Model.SinkNameOf(type);
            if (string.Equals(mark, party.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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

    // Until the flows API gives the party directly: MEC002/MEC003 messages read "{data} is sent to {vendor}{path}; ...".
    private static string? PartyNamedIn(string message)
    {
        foreach (var marker in new[] { " is sent to ", " is stored in " })
        {
            var start = message.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            start += marker.Length;
            var end = message.IndexOfAny([';', ' '], start);
            var name = (end < 0 ? message[start..] : message[start..end]).Trim('\'', '"');
            return name.Length == 0 ? null : name;
        }

        return null;
    }

    private sealed record Party(PartyKind Kind, string Name);
}
