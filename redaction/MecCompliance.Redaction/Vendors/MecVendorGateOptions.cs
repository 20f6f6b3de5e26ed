using System.Collections.Generic;
using System.Reflection;

namespace MecCompliance.Redaction;

/// <summary>Where the <see cref="VendorGate"/> reads the <see cref="ApprovedVendorAttribute"/> declarations from.</summary>
public sealed class MecVendorGateOptions
{
    /// <summary>Whether the entry assembly's declarations count. Default <see langword="true"/>.</summary>
    public bool IncludeEntryAssembly { get; set; } = true;

    /// <summary>Further assemblies whose declarations count, for example a consortium-wide policy assembly.</summary>
    public IList<Assembly> PolicyAssemblies { get; } = new List<Assembly>();

    /// <summary>
    /// Names of further assemblies whose declarations count (bindable from configuration as
    /// <c>MecCompliance:VendorGate:PolicyAssemblyNames</c>). An assembly that cannot be loaded fails the gate's creation.
    /// </summary>
    public IList<string> PolicyAssemblyNames { get; } = new List<string>();
}
