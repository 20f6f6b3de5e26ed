using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The labels held by each tracked storage location at one program point: locals, parameters and flow captures (the
/// CFG's temporaries for <c>?:</c>, <c>??</c>, <c>?.</c>, interpolation and initializers). Absent means no label.
/// </summary>
internal sealed class FlowState
{
    // Allocated on the first label: most program points of most methods hold none. States are cloned at every branch,
    // and most clones are only read: a clone shares its original's table until either of them writes (copy on write).
    private Dictionary<object, LabelSet>? _values;
    private bool _shared;

    public FlowState()
    {
    }

    private FlowState(Dictionary<object, LabelSet>? values)
    {
        _values = values;
        _shared = values is not null;
    }

    public FlowState Clone()
    {
        if (_values is null || _values.Count == 0)
        {
            return new FlowState();
        }

        _shared = true;
        return new FlowState(_values);
    }

    /// <summary>The table, made this state's own before it is written.</summary>
    private Dictionary<object, LabelSet> Writable()
    {
        if (_values is null)
        {
            _values = new Dictionary<object, LabelSet>(KeyComparer.Instance);
        }
        else if (_shared)
        {
            _values = new Dictionary<object, LabelSet>(_values, KeyComparer.Instance);
        }

        _shared = false;
        return _values;
    }

    public IEnumerable<KeyValuePair<object, LabelSet>> Entries => _values ?? Enumerable.Empty<KeyValuePair<object, LabelSet>>();

    public LabelSet Get(object key) => _values is not null && _values.TryGetValue(key, out var labels) ? labels : LabelSet.Empty;

    /// <summary>Assignment: the previous labels are killed.</summary>
    public void Set(object key, LabelSet labels)
    {
        if (labels.IsEmpty)
        {
            if (_values is not null && _values.ContainsKey(key))
            {
                Writable().Remove(key);
            }
        }
        else if (!ReferenceEquals(Get(key), labels))
        {
            Writable()[key] = labels;
        }
    }

    /// <summary>A mutation that adds to what the location holds (a collection add, a builder append).</summary>
    public void Add(object key, LabelSet labels)
    {
        if (!labels.IsEmpty)
        {
            var current = Get(key);
            var union = current.Union(labels);
            if (!ReferenceEquals(current, union))
            {
                Writable()[key] = union;
            }
        }
    }

    /// <summary>This state becomes a copy of <paramref name="other"/> (the paths that reached it were all cut off).</summary>
    public void ReplaceWith(FlowState other)
    {
        if (other._values is null || other._values.Count == 0)
        {
            _values = null;
            _shared = false;
            return;
        }

        other._shared = true;
        _values = other._values;
        _shared = true;
    }

    /// <summary>Joins <paramref name="other"/> into this state; returns whether anything was added.</summary>
    public bool JoinWith(FlowState other)
    {
        if (other._values is null || other._values.Count == 0 || ReferenceEquals(other._values, _values))
        {
            return false;
        }

        if (_values is null || _values.Count == 0)
        {
            ReplaceWith(other);
            return true;
        }

        var changed = false;
        foreach (var pair in other._values)
        {
            if (_values.TryGetValue(pair.Key, out var existing))
            {
                if (!existing.Covers(pair.Value))
                {
                    Writable()[pair.Key] = existing.Union(pair.Value);
                    changed = true;
                }
            }
            else
            {
                Writable()[pair.Key] = pair.Value;
                changed = true;
            }
        }

        return changed;
    }

    /// <remarks>
    /// Locations are the locals and parameters of one body, all taken from the same bound tree: Roslyn hands out one
    /// symbol object per local or parameter there, so identity is equality, and hashing by identity spares hashing the
    /// symbol's containers on every write. Capture ids (the graph's temporaries) are values.
    /// </remarks>
    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is ISymbol ? ReferenceEquals(x, y) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol ? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj) : obj.GetHashCode();
    }
}

/// <summary>Keys for <see cref="FlowState"/> that are not symbols.</summary>
internal static class FlowKeys
{
    public static object Of(CaptureId id) => id;
}
