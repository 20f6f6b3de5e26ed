namespace MecCompliance.Analyzers.Flow;

/// <summary>One value passed to a parameter, with its labels.</summary>
internal readonly struct ArgumentValue(IParameterSymbol? parameter, IOperation value, ArgumentKind kind, LabelSet labels, bool isLambda)
{
    /// <summary>Whether the value is a lambda or method group: its labels are what it returns.</summary>
    public bool IsLambda { get; } = isLambda;

    public IParameterSymbol? Parameter { get; } = parameter;

    public IOperation Value { get; } = value;

    public ArgumentKind Kind { get; } = kind;

    public LabelSet Labels { get; } = labels;
}

/// <summary>The arguments recorded for one call, enumerated without allocating.</summary>
internal readonly struct ArgumentList(ArgumentValue[] items, int count)
{
    public int Count => count;

    public Enumerator GetEnumerator() => new(items, count);

    public struct Enumerator(ArgumentValue[] items, int count)
    {
        private int _index = -1;

        public readonly ArgumentValue Current => items[_index];

        public bool MoveNext() => ++_index < count;
    }
}

/// <summary>Argument labels of one call, by argument and (for params arrays) by element.</summary>
internal sealed class CallArguments(int capacity)
{
    /// <summary>No arguments (never added to).</summary>
    public static readonly CallArguments None = new(0);

    // Elements of a params array, by element: a handful at most, searched in order.
    private List<KeyValuePair<IOperation, LabelSet>>? _elements;

    // One array per call, sized by the call's argument count (a list would add a second object).
    private ArgumentValue[] _items = capacity == 0 ? [] : new ArgumentValue[capacity];
    private int _count;

    public ArgumentList Items => new(_items, _count);

    public LabelSet Union { get; private set; } = LabelSet.Empty;

    public IOperation? FirstValue => _count == 0 ? null : _items[0].Value;

    public bool HasLambda { get; private set; }

    public void Add(IArgumentOperation argument, LabelSet labels, bool isLambda = false) =>
        AddValue(argument.Parameter, argument.Value, labels, argument.ArgumentKind, isLambda);

    public void AddValue(IParameterSymbol? parameter, IOperation value, LabelSet labels, ArgumentKind kind = ArgumentKind.Explicit, bool isLambda = false)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _count * 2));
        }

        HasLambda |= isLambda;
        _items[_count++] = new ArgumentValue(parameter, value, kind, labels, isLambda);
        Union = Union.Union(labels);
    }

    public void AddElement(IOperation element, LabelSet labels) => (_elements ??= []).Add(new KeyValuePair<IOperation, LabelSet>(element, labels));

    public LabelSet? ElementLabels(IOperation element)
    {
        if (_elements is not null)
        {
            foreach (var pair in _elements)
            {
                if (pair.Key == element)
                {
                    return pair.Value;
                }
            }
        }

        return null;
    }

    public LabelSet ForOrdinal(int ordinal)
    {
        var labels = LabelSet.Empty;
        foreach (var item in Items)
        {
            if (item.Parameter?.Ordinal == ordinal)
            {
                labels = labels.Union(item.Labels);
            }
        }

        return labels;
    }
}
