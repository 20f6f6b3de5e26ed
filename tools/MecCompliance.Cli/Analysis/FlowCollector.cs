using MecCompliance.Analyzers;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The flows of classified data of one compilation. Violations come from the analyzers' own diagnostics (the build's
/// verdict, never a second opinion); approved flows are calls that hand classified data to a declared vendor or sink.
/// </summary>
internal sealed class FlowCollector(Compilation compilation, ComplianceSymbols symbols, PolicyRegister register, SourcePaths paths)
{
    private static readonly HashSet<string> EntityWrites = new(StringComparer.Ordinal)
    {
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Attach", "AttachRange",
    };

    private string Project => compilation.AssemblyName ?? "";

    public IEnumerable<DataFlow> FromDiagnostics(IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            var kind = diagnostic.Id switch
            {
                RuleIdentifiers.ClassifiedDataLogged => SinkKind.Log,
                RuleIdentifiers.ClassifiedDataSentToVendor => SinkKind.Vendor,
                RuleIdentifiers.ClassifiedDataStoredOutsideSink => SinkKind.Storage,
                RuleIdentifiers.ClassificationLost => SinkKind.UnclassifiedMember,
                _ => (SinkKind?)null,
            };
            if (kind is null || diagnostic.IsSuppressed || !diagnostic.Location.IsInSource)
            {
                continue;
            }

            var tree = diagnostic.Location.SourceTree!;
            var model = compilation.GetSemanticModel(tree);
            var node = tree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var operation = model.GetOperation(node, cancellationToken);
            var value = ClassifiedValueReader.Read(operation, symbols);
            var message = diagnostic.GetMessage();
            var data = value.IsClassified ? value.Names : node.ToString();
            var sink = kind == SinkKind.Vendor || kind == SinkKind.Storage ? PartyNamedIn(message) ?? SinkOf(operation) : SinkOf(operation);

            yield return new DataFlow(Project, data, ClassNames.Of(value.Classes), kind.Value, sink, Verdict.Violation, diagnostic.Id,
                Declaration: null, Contract: null, message, paths.PointOf(diagnostic.Location));
        }
    }

    /// <summary>Calls that hand classified data to a declared vendor or sink the policy approves for all of it.</summary>
    public IEnumerable<DataFlow> ApprovedPartyCalls(CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
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
                            RuleId: null, Declaration: null, Contract: null, "Organizational data may be stored anywhere", paths.PointOf(argument.Value.Syntax.GetLocation()));
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
