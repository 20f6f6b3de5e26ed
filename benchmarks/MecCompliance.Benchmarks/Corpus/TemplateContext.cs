namespace MecCompliance.Benchmarks.Corpus;

/// <summary>
/// The seeded state one corpus is generated from: the random source, the module being written, and the tally of the
/// violations deliberately planted in otherwise correct code (what a complete engine is expected to report).
/// </summary>
internal sealed class TemplateContext(int seed, double violationRate)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _planted = new(StringComparer.Ordinal);

    /// <summary>The namespace of the module (one branch library's code) being written.</summary>
    public string Namespace { get; set; } = "";

    public IReadOnlyDictionary<string, int> Planted => _planted;

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A deterministic selection of <paramref name="count"/> distinct items, in a shuffled order.</summary>
    public IReadOnlyList<T> Choose<T>(IReadOnlyList<T> items, int count)
    {
        var order = items.ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order.Take(Math.Min(count, order.Length)).ToArray();
    }

    /// <summary>Whether this site gets the leaking variant; every planted leak is counted under the id it should raise.</summary>
    public bool Plant(string diagnosticId)
    {
        if (_random.NextDouble() >= violationRate)
        {
            return false;
        }

        _planted[diagnosticId] = _planted.GetValueOrDefault(diagnosticId) + 1;
        return true;
    }
}
