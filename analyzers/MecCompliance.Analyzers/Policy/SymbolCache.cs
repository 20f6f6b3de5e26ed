using System.Collections.Concurrent;

namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// The per-compilation caches of the engine, sized from the start for the code they serve: growing a concurrent
/// dictionary rehashes it whole, which on a large compilation cost more than the lookups it saves.
/// </summary>
internal static class SymbolCache
{
    // Measured on the benchmark corpus: about eight method bodies and a dozen symbols asked about per file.
    private const int EntriesPerFile = 16;

    // Callbacks run on the thread pool; more stripes than that only cost memory.
    private const int ConcurrencyLevel = 4;

    public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(Compilation compilation, IEqualityComparer<TKey> comparer, int perFile = EntriesPerFile)
        where TKey : notnull =>
        new(ConcurrencyLevel, Math.Max(31, compilation.SyntaxTrees.Count() * perFile), comparer);
}
