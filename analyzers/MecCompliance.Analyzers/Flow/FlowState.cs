using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The labels held by each tracked storage location at one program point: locals, parameters and flow captures (the
/// CFG's temporaries for <c>?:</c>, <c>??</c>, <c>?.</c>, interpolation and initializers). Absent means no label.
/// </summary>
internal sealed class FlowState
{
    // Allocated on the first label: most program points of most methods hold none, and states are cloned per block.
    private Dictionary<object, LabelSet>? _values;

    public FlowState()
    {
    }

    private FlowState(Dictionary<object, LabelSet>? values)
    {
        _values = values is null || values.Count == 0 ? null : new Dictionary<object, LabelSet>(values, KeyComparer.Instance);
    }

    public FlowState Clone() => new(_values);

    public IEnumerable<KeyValuePair<object, LabelSet>> Entries => _values ?? Enumerable.Empty<KeyValuePair<object, LabelSet>>();

    public LabelSet Get(object key) => _values is not null && _values.TryGetValue(key, out var labels) ? labels : LabelSet.Empty;

    /// <summary>Assignment: the previous labels are killed.</summary>
    public void Set(object key, LabelSet labels)
    {
        if (labels.IsEmpty)
        {
            _values?.Remove(key);
        }
        else
        {
            (_values ??= new Dictionary<object, LabelSet>(KeyComparer.Instance))[key] = labels;
        }
    }

    /// <summary>A mutation that adds to what the location holds (a collection add, a builder append).</summary>
    public void Add(object key, LabelSet labels)
    {
        if (!labels.IsEmpty)
        {
            (_values ??= new Dictionary<object, LabelSet>(KeyComparer.Instance))[key] = Get(key).Union(labels);
        }
    }

    /// <summary>This state becomes a copy of <paramref name="other"/> (the paths that reached it were all cut off).</summary>
    public void ReplaceWith(FlowState other) =>
        _values = other._values is null || other._values.Count == 0 ? null : new Dictionary<object, LabelSet>(other._values, KeyComparer.Instance);

    /// <summary>Joins <paramref name="other"/> into this state; returns whether anything was added.</summary>
    public bool JoinWith(FlowState other)
    {
        if (other._values is null)
        {
            return false;
        }

        var changed = false;
        foreach (var pair in other._values)
        {
            _values ??= new Dictionary<object, LabelSet>(KeyComparer.Instance);
            if (_values.TryGetValue(pair.Key, out var existing))
            {
                if (!existing.Covers(pair.Value))
                {
                    _values[pair.Key] = existing.Union(pair.Value);
                    changed = true;
                }
            }
            else
            {
                _values[pair.Key] = pair.Value;
                changed = true;
            }
        }

        return changed;
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol left ? y is ISymbol right && SymbolEqualityComparer.Default.Equals(left, right) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}

/// <summary>Keys for <see cref="FlowState"/> that are not symbols.</summary>
internal static class FlowKeys
{
    public static object Of(CaptureId id) => id;
}
