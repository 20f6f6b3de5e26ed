using System.Collections.Concurrent;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// Which assemblies can hold <c>[Vendor]</c> / <c>[DataSink]</c> marks: the compilation itself, the attributes assembly,
/// and assemblies that reference it. Framework and third-party methods are ruled out without reading their attributes,
/// so the mark lookup costs nothing for the thousands of library calls a compilation makes.
/// </summary>
internal sealed class MarkedAssemblies(Compilation compilation)
{
    private const string AttributesAssemblyName = "MecCompliance.Attributes";

    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _known = new(SymbolEqualityComparer.Default);

    public bool MayMark(ISymbol symbol) =>
        symbol.ContainingAssembly is { } assembly && (_known.TryGetValue(assembly, out var known) ? known : _known.GetOrAdd(assembly, Read(assembly)));

    private bool Read(IAssemblySymbol assembly) =>
        SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly) || assembly.Name == AttributesAssemblyName ||
        assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == AttributesAssemblyName));
}
