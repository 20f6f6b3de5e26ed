using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// An immutable, small set of labels. The number of distinct classified origins is capped: beyond the cap further
/// origins are merged into one label that keeps every class, so an overflow widens a message but never drops a flow.
/// </summary>
internal sealed class LabelSet
{
    public const int MaxSources = 8;

    public static readonly LabelSet Empty = new(ImmutableArray<TaintLabel>.Empty);

    private readonly ImmutableArray<TaintLabel> _labels;

    private LabelSet(ImmutableArray<TaintLabel> labels)
    {
        _labels = labels;
    }

    public bool IsEmpty => _labels.Length == 0;

    public int Count => _labels.Length;

    /// <summary>The labels (an immutable array: enumerated without allocating).</summary>
    public ImmutableArray<TaintLabel> Labels => _labels;

    public static LabelSet Of(TaintLabel label) => new(ImmutableArray.Create(label));

    /// <summary>A set of <paramref name="labels"/> (duplicates dropped, origins beyond the cap merged).</summary>
    public static LabelSet From(IReadOnlyList<TaintLabel> labels)
    {
        if (labels.Count == 0)
        {
            return Empty;
        }

        var list = new List<TaintLabel>(labels.Count);
        foreach (var label in labels)
        {
            AddTo(list, label);
        }

        return new LabelSet(list.ToImmutableArray());
    }

    public bool Contains(TaintLabel label)
    {
        foreach (var existing in _labels)
        {
            if (existing.Equals(label))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every label of <paramref name="other"/> is already here.</summary>
    public bool Covers(LabelSet other)
    {
        if (ReferenceEquals(this, other) || other.IsEmpty)
        {
            return true;
        }

        foreach (var label in other._labels)
        {
            if (!Contains(label))
            {
                return false;
            }
        }

        return true;
    }

    public LabelSet Union(LabelSet other)
    {
        if (other.IsEmpty || ReferenceEquals(this, other))
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        if (Covers(other))
        {
            return this;
        }

        if (_labels.Length + other._labels.Length <= MaxSources)
        {
            // Below the cap nothing merges: one array, no intermediate list.
            var builder = ImmutableArray.CreateBuilder<TaintLabel>(_labels.Length + other._labels.Length);
            builder.AddRange(_labels);
            foreach (var label in other._labels)
            {
                if (!Contains(label))
                {
                    builder.Add(label);
                }
            }

            return new LabelSet(builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable());
        }

        var list = new List<TaintLabel>(_labels);
        foreach (var label in other._labels)
        {
            AddTo(list, label);
        }

        return new LabelSet(list.ToImmutableArray());
    }

    public LabelSet Add(TaintLabel label)
    {
        if (Contains(label))
        {
            return this;
        }

        var list = new List<TaintLabel>(_labels);
        AddTo(list, label);
        return new LabelSet(list.ToImmutableArray());
    }

    public LabelSet Where(Func<TaintLabel, bool> predicate)
    {
        var kept = _labels.Where(predicate).ToImmutableArray();
        return kept.Length == _labels.Length ? this : kept.Length == 0 ? Empty : new LabelSet(kept);
    }

    private static void AddTo(List<TaintLabel> list, TaintLabel label)
    {
        if (list.Contains(label))
        {
            return;
        }

        if (label is SourceLabel source)
        {
            var sources = 0;
            SourceLabel? merged = null;
            foreach (var existing in list)
            {
                if (existing is SourceLabel s)
                {
                    sources++;
                    if (s.Origin is null)
                    {
                        merged = s;
                    }
                }
            }

            if (sources >= MaxSources)
            {
                var classes = source.Classes | (merged?.Classes ?? DataClass.None);
                if (merged is not null)
                {
                    if (merged.Classes == classes)
                    {
                        return;
                    }

                    list.Remove(merged);
                }

                list.Add(new SourceLabel(classes, null, source.Location, source.IsWholeObject && (merged?.IsWholeObject ?? true)));
                return;
            }
        }

        list.Add(label);
    }
}
