using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace MecCompliance.Redaction.Policy;

/// <summary>The assemblies whose assembly-level declarations make up the policy in force, as the analyzers read them.</summary>
internal static class PolicyAssemblies
{
    public static IReadOnlyList<Assembly> Resolve(bool includeEntryAssembly, IEnumerable<Assembly> assemblies, IEnumerable<string> names)
    {
        var resolved = new List<Assembly>();
        if (includeEntryAssembly && Assembly.GetEntryAssembly() is { } entry)
        {
            resolved.Add(entry);
        }

        resolved.AddRange(assemblies);
        resolved.AddRange(names.Select(static name => Assembly.Load(new AssemblyName(name))));
        return resolved.Distinct().ToArray();
    }
}
