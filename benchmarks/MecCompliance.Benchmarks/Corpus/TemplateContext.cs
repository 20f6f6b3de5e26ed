namespace MecCompliance.Benchmarks.Corpus;

/// <summary>
/// The seeded state one corpus is generated from: the random source and the module being written.
/// </summary>
internal sealed class TemplateContext(int seed, double violationRate)
{
    private readonly Random _random = new(seed);

    /// <summary>The namespace of the module (one branch library's code) being written.</summary>
    public string Namespace { get; set; } = "";

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

    /// <summary>
    /// Whether this site gets the leaking variant. The variant's text starts with a <c>/* planted: ID */</c> marker on the
    /// line where <paramref name="diagnosticId"/> should be reported, so findings can be matched line by line.
    /// </summary>
    public bool Plant(string diagnosticId) => _random.NextDouble() < violationRate;
}
