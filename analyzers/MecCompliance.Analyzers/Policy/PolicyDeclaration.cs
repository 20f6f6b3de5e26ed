namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// One <c>[assembly: ApprovedVendor(...)]</c> or <c>[assembly: ApprovedSink(...)]</c> declaration, read from the
/// compilation or from a referenced policy assembly.
/// </summary>
internal abstract class PolicyDeclaration
{
    private protected PolicyDeclaration(string name, DataClass allowed, AttributeData attribute, IAssemblySymbol assembly, Location location)
    {
        Name = name;
        Allowed = allowed;
        Attribute = attribute;
        Assembly = assembly;
        Location = location;
    }

    /// <summary>The declared name as written (may be empty or blank when the declaration is malformed).</summary>
    public string Name { get; }

    /// <summary>The classes of data the declaration approves (from its valid <c>typeof(...)</c> arguments).</summary>
    public DataClass Allowed { get; }

    /// <summary>The attribute the declaration was read from.</summary>
    public AttributeData Attribute { get; }

    /// <summary>The assembly that carries the declaration: the compilation's own, or a referenced policy assembly.</summary>
    public IAssemblySymbol Assembly { get; }

    /// <summary>The attribute in source, or <see cref="Location.None"/> for a declaration read from metadata.</summary>
    public Location Location { get; }

    /// <summary>Whether the declaration is written in the compilation being analyzed (and can be fixed there).</summary>
    public bool IsInSource => Location.IsInSource;

    /// <summary>"vendor" or "sink", for messages.</summary>
    public abstract string Kind { get; }

    /// <summary>What is wrong with the declaration, each a complete sentence saying how to fix it; empty when valid.</summary>
    public ImmutableArray<string> Problems { get; private set; } = ImmutableArray<string>.Empty;

    /// <summary>Whether the declaration has no problem (MEC004 reports the others).</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>Whether every class in <paramref name="value"/> is approved (an unclassified value always is).</summary>
    public bool Allows(DataClass value) => (value & ~Allowed) == DataClass.None;

    internal void AddProblem(string problem) => Problems = Problems.Add(problem);

    /// <summary>Where the declaration comes from, for messages: the assembly for metadata, the line for source.</summary>
    public string Origin()
    {
        if (!IsInSource)
        {
            return "referenced assembly '" + Assembly.Name + "'";
        }

        var span = Location.GetLineSpan();
        return System.IO.Path.GetFileName(span.Path) + " line " + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>An approved third-party vendor: the classes it may receive, the hosts it owns, the contract that binds it.</summary>
internal sealed class VendorDeclaration : PolicyDeclaration
{
    internal VendorDeclaration(
        string name,
        DataClass allowed,
        ImmutableArray<string> hosts,
        string? contract,
        AttributeData attribute,
        IAssemblySymbol assembly,
        Location location)
        : base(name, allowed, attribute, assembly, location)
    {
        Hosts = hosts;
        Contract = contract;
    }

    /// <inheritdoc/>
    public override string Kind => "vendor";

    /// <summary>The host names as declared (<c>api.vendor.example</c> or <c>*.vendor.example</c>); invalid ones included.</summary>
    public ImmutableArray<string> Hosts { get; }

    /// <summary>The contract reference, or <see langword="null"/> when none is named.</summary>
    public string? Contract { get; }
}

/// <summary>An approved storage sink and the classes of data it may hold.</summary>
internal sealed class SinkDeclaration : PolicyDeclaration
{
    internal SinkDeclaration(string name, DataClass allowed, int backupRetentionDays, AttributeData attribute, IAssemblySymbol assembly, Location location)
        : base(name, allowed, attribute, assembly, location)
    {
        BackupRetentionDays = backupRetentionDays;
    }

    /// <inheritdoc/>
    public override string Kind => "sink";

    /// <summary>
    /// How many days erased data may persist on the sink's backup media, as declared; 0 when not declared, negative
    /// when the declaration is invalid (MEC004).
    /// </summary>
    public int BackupRetentionDays { get; }

    /// <summary>Whether the sink may hold data a data subject can ask to have erased (PersonalData, PatronRecord, or a foreign classification).</summary>
    public bool HoldsPersonalData => Allowed.IsProtected();
}
