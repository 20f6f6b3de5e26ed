using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The vendor and sink declarations visible from a compilation, as the analyzers' own <see cref="PolicyModel"/> reads
/// them (the compilation's and referenced policy assemblies'), in the report's terms.
/// </summary>
internal sealed class PolicyRegister
{
    private PolicyRegister(PolicyModel model, IReadOnlyList<Declaration> declarations)
    {
        Model = model;
        Declarations = declarations;
    }

    public PolicyModel Model { get; }

    public IReadOnlyList<Declaration> Declarations { get; }

    public static PolicyRegister Read(Compilation compilation, ComplianceSymbols symbols, SourcePaths paths, CancellationToken cancellationToken)
    {
        var model = PolicyModel.Create(compilation, symbols, cancellationToken);
        var declarations = model.Vendors
            .Select(v => Declaration.From(PartyKind.Vendor, v, v.Hosts, v.Contract, paths))
            .Concat(model.Sinks.Select(s => Declaration.From(PartyKind.Sink, s, [], null, paths) with { BackupRetentionDays = s.BackupRetentionDays }))
            .ToList();
        return new PolicyRegister(model, declarations);
    }

    /// <summary>The declaration of the vendor or sink <paramref name="name"/>, compared as the analyzers compare it (ignoring case).</summary>
    public Declaration? Find(PartyKind kind, string name) =>
        Declarations.FirstOrDefault(d => d.Kind == kind && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One <c>ApprovedVendor</c> or <c>ApprovedSink</c> declaration.</summary>
internal sealed record Declaration(PartyKind Kind, string Name, DataClass Allowed, IReadOnlyList<string> Hosts, string? Contract, string DeclaredIn, SourcePoint? Location, IReadOnlyList<string> Problems)
{
    /// <summary>For a sink: how long erased data may persist on its backups, as declared (0 = not declared).</summary>
    public int BackupRetentionDays { get; init; }

    public string Text => Kind == PartyKind.Vendor ? $"ApprovedVendor(\"{Name}\")" : $"ApprovedSink(\"{Name}\")";

    public bool Approves(DataClass carried) => (carried & ~Allowed) == DataClass.None;

    public static Declaration From(PartyKind kind, PolicyDeclaration declaration, IEnumerable<string> hosts, string? contract, SourcePaths paths) =>
        new(kind, declaration.Name, declaration.Allowed, hosts.ToList(), contract, declaration.Assembly.Name,
            declaration.IsInSource ? paths.PointOf(declaration.Location) : null, declaration.Problems.ToList());
}
