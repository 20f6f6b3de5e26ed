using System.Collections.Concurrent;
using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// Every sink known for one compilation, resolved once at compilation start. Each sink family contributes recognizers
/// through a factory; a factory returns nothing when its library is absent. Lookups are memoised per method symbol and
/// are thread-safe.
/// </summary>
internal sealed class SinkCatalog
{
    /// <summary>
    /// The sink families. A new family (vendors, storage) is one factory here and its own file: the flow engine never
    /// changes for a new sink.
    /// </summary>
    private static readonly Func<Compilation, ComplianceSymbols, IEnumerable<SinkRecognizer>>[] Families =
    [
        LogSinks.Create,
        VendorSinks.Create,
        StorageSinks.Create,
    ];

    private readonly ImmutableArray<SinkRecognizer> _recognizers;
    private readonly ConcurrentDictionary<IMethodSymbol, SinkMethod?> _known;

    private SinkCatalog(Compilation compilation, ImmutableArray<SinkRecognizer> recognizers)
    {
        _recognizers = recognizers;
        _known = SymbolCache.Create<IMethodSymbol, SinkMethod?>(compilation, SymbolEqualityComparer.Default, perFile: 8);
    }

    public static SinkCatalog Create(Compilation compilation, ComplianceSymbols symbols)
    {
        var builder = ImmutableArray.CreateBuilder<SinkRecognizer>();
        foreach (var family in Families)
        {
            builder.AddRange(family(compilation, symbols));
        }

        return new SinkCatalog(compilation, builder.ToImmutable());
    }

    /// <summary>The sink <paramref name="method"/> is, or <see langword="null"/> when it is none.</summary>
    public SinkMethod? Find(IMethodSymbol? method)
    {
        if (method is null || _recognizers.IsEmpty)
        {
            return null;
        }

        if (_known.TryGetValue(method, out var known))
        {
            return known;
        }

        SinkMethod? found = null;
        foreach (var recognizer in _recognizers)
        {
            found = recognizer.Recognize(method);
            if (found is not null)
            {
                break;
            }
        }

        return _known.GetOrAdd(method, found);
    }
}
