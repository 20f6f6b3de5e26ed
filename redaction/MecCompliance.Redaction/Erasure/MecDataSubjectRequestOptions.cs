using System.Collections.Generic;
using System.Reflection;

namespace MecCompliance.Redaction;

/// <summary>
/// Where <see cref="IDataSubjectRequests"/> and its start-up check read the <see cref="ApprovedSinkAttribute"/>
/// declarations from (which sinks need an eraser, and how long each keeps backups).
/// </summary>
public sealed class MecDataSubjectRequestOptions
{
    /// <summary>Whether the entry assembly's declarations count. Default <see langword="true"/>.</summary>
    public bool IncludeEntryAssembly { get; set; } = true;

    /// <summary>Further assemblies whose declarations count, for example a consortium-wide policy assembly.</summary>
    public IList<Assembly> PolicyAssemblies { get; } = new List<Assembly>();

    /// <summary>
    /// Names of further assemblies whose declarations count. An assembly that cannot be loaded fails start-up.
    /// </summary>
    public IList<string> PolicyAssemblyNames { get; } = new List<string>();
}
