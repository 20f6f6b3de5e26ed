using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The vendor and sink declarations visible from a compilation: its own <c>[assembly: ...]</c> attributes and those of
/// referenced assemblies (a consortium may ship its register as a policy assembly).
/// </summary>
internal sealed class PolicyRegister
{
    private PolicyRegister(IReadOnlyList<Declaration> declarations)
    {
        Declarations = declarations;
    }

    public IReadOnlyList<Declaration> Declarations { get; }

    public static PolicyRegister Read(Compilation compilation, SourcePaths paths)
    {
        var declarations = new List<Declaration>();
        Collect(compilation.Assembly, declarations, paths);
        foreach (var referenced in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            Collect(referenced, declarations, paths);
        }

        return new PolicyRegister(declarations);
    }

    public Declaration? Find(PartyKind kind, string name) =>
        Declarations.FirstOrDefault(d => d.Kind == kind && string.Equals(d.Name, name, StringComparison.Ordinal));

    private static void Collect(IAssemblySymbol assembly, List<Declaration> declarations, SourcePaths paths)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            var kind = attribute.AttributeClass.HasFullName(MetadataNames.ApprovedVendorAttribute) ? PartyKind.Vendor
                : attribute.AttributeClass.HasFullName(MetadataNames.ApprovedSinkAttribute) ? PartyKind.Sink
                : (PartyKind?)null;
            if (kind is null || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string name)
            {
                continue;
            }

            var allowed = DataClass.None;
            foreach (var argument in attribute.ConstructorArguments.Skip(1))
            {
                foreach (var type in argument.Kind == TypedConstantKind.Array ? argument.Values : [argument])
                {
                    allowed |= ComplianceSymbols.ClassOfAttribute(type.Value as INamedTypeSymbol);
                }
            }

            string[] hosts = [];
            string? contract = null;
            foreach (var (key, value) in attribute.NamedArguments)
            {
                if (key == "Hosts" && value.Kind == TypedConstantKind.Array)
                {
                    hosts = value.Values.Select(v => v.Value as string).OfType<string>().ToArray();
                }
                else if (key == "Contract")
                {
                    contract = value.Value as string;
                }
            }

            var location = attribute.ApplicationSyntaxReference is { } reference
                ? paths.PointOf(reference.SyntaxTree.GetLocation(reference.Span))
                : null;
            declarations.Add(new Declaration(kind.Value, name, allowed, hosts, contract, assembly.Name, location));
        }
    }
}

/// <summary>One <c>ApprovedVendor</c> or <c>ApprovedSink</c> declaration.</summary>
internal sealed record Declaration(PartyKind Kind, string Name, DataClass Allowed, IReadOnlyList<string> Hosts, string? Contract, string DeclaredIn, SourcePoint? Location)
{
    public string Text => Kind == PartyKind.Vendor ? $"ApprovedVendor(\"{Name}\")" : $"ApprovedSink(\"{Name}\")";

    public bool Approves(DataClass carried) => (carried & ~Allowed) == DataClass.None;
}
