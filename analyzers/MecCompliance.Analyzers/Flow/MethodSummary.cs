namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// What a method does with data, in terms its callers can use: the classified sources its return value may carry
/// (with the methods they came through), the parameters its return value may carry, and the parameters that reach a
/// sink (with the sink and the methods on the way). Grows monotonically while the solver runs.
/// </summary>
internal sealed class MethodSummary
{
    // Created when first written: most methods return nothing classified and send no parameter anywhere.
    private Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>>? _returnSources;
    private HashSet<int>? _returnParameters;
    private HashSet<ParameterMember>? _returnMembers;
    private List<ParameterSink>? _parameterSinks;
    private HashSet<(ParameterMember, SinkEvent)>? _parameterSinkKeys;

    public IReadOnlyDictionary<SourceLabel, ImmutableArray<IMethodSymbol>> ReturnSources => _returnSources ?? Resolution.NoSources;

    public IReadOnlyCollection<int> ReturnParameters => _returnParameters ?? Resolution.NoParameters;

    /// <summary>Members of parameters the return value may carry (<c>return s.Id;</c>): what flowed into that member of the argument.</summary>
    public IReadOnlyCollection<ParameterMember> ReturnMembers => _returnMembers ?? Resolution.NoMembers;

    public IReadOnlyList<ParameterSink> ParameterSinks => (IReadOnlyList<ParameterSink>?)_parameterSinks ?? Array.Empty<ParameterSink>();

    public bool MergeReturns(Resolution resolution)
    {
        var changed = false;
        foreach (var pair in resolution.Sources)
        {
            if (_returnSources is null || !_returnSources.ContainsKey(pair.Key))
            {
                (_returnSources ??= new()).Add(pair.Key, pair.Value);
                changed = true;
            }
        }

        foreach (var parameter in resolution.Parameters)
        {
            changed |= (_returnParameters ??= []).Add(parameter);
        }

        // A summary keeps no slots: a parameter held in one is returned as itself (every flow kept).
        foreach (var member in resolution.Members.Concat(resolution.Slotted.Select(s => s.Member)))
        {
            if (member.Member is null)
            {
                changed |= (_returnParameters ??= []).Add(member.Ordinal);
            }
            else
            {
                changed |= (_returnMembers ??= []).Add(member);
            }
        }

        return changed;
    }

    public bool AddParameterSink(ParameterMember parameter, SinkEvent sink, ImmutableArray<IMethodSymbol> path)
    {
        if (!(_parameterSinkKeys ??= []).Add((parameter, sink)))
        {
            return false;
        }

        (_parameterSinks ??= []).Add(new ParameterSink(parameter, sink, path));
        return true;
    }
}

/// <summary>
/// A parameter, or one member read from it (<see cref="Member"/>): what a summary says reaches a sink or the return. A
/// caller passing an object reaches the sink with what flowed into that member, never with the object's other members.
/// </summary>
internal readonly struct ParameterMember(int ordinal, ISymbol? member) : IEquatable<ParameterMember>
{
    public int Ordinal { get; } = ordinal;

    /// <summary>The member read (its original definition); <see langword="null"/> for the parameter itself.</summary>
    public ISymbol? Member { get; } = member;

    public bool Equals(ParameterMember other) => Ordinal == other.Ordinal && SymbolEqualityComparer.Default.Equals(Member, other.Member);

    public override bool Equals(object? obj) => obj is ParameterMember other && Equals(other);

    public override int GetHashCode() => Ordinal ^ (SymbolEqualityComparer.Default.GetHashCode(Member) * 17);
}

/// <summary>Parameter <see cref="Ordinal"/> (or <see cref="Member"/> of it) reaches <see cref="Sink"/>, through <see cref="Path"/> (empty: in the method itself).</summary>
internal readonly struct ParameterSink(ParameterMember parameter, SinkEvent sink, ImmutableArray<IMethodSymbol> path)
{
    public int Ordinal { get; } = parameter.Ordinal;

    /// <summary>The member of the parameter that reaches the sink; <see langword="null"/>: the parameter itself.</summary>
    public ISymbol? Member { get; } = parameter.Member;

    public SinkEvent Sink { get; } = sink;

    public ImmutableArray<IMethodSymbol> Path { get; } = path;
}

/// <summary>A label set resolved in the context of one method: concrete sources (with their path) and that method's parameters.</summary>
internal sealed class Resolution
{
    // Shared, never written: what an empty resolution or summary answers.
    internal static readonly Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>> NoSources = new();
    internal static readonly HashSet<int> NoParameters = [];
    internal static readonly HashSet<ParameterMember> NoMembers = [];
    internal static readonly HashSet<(ParameterMember, MemberSlot)> NoSlotted = [];

    private Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>>? _sources;
    private HashSet<int>? _parameters;
    private HashSet<ParameterMember>? _members;
    private HashSet<(ParameterMember, MemberSlot)>? _slotted;

    public Dictionary<SourceLabel, ImmutableArray<IMethodSymbol>> Sources => _sources ?? NoSources;

    public HashSet<int> Parameters => _parameters ?? NoParameters;

    /// <summary>Members read from parameters (see <see cref="ParameterMember"/>).</summary>
    public HashSet<ParameterMember> Members => _members ?? NoMembers;

    /// <summary>Every parameter and parameter member, as a summary records them (one held in a slot as itself).</summary>
    public IEnumerable<ParameterMember> AllParameters =>
        Parameters.Select(p => new ParameterMember(p, null)).Concat(Members).Concat(Slotted.Select(s => s.Member));

    /// <summary>
    /// Parameters and parameter members held in a slot of the value (the text a deserializer parsed): the value as a
    /// whole carries them, a member read finds them only in its own slot.
    /// </summary>
    public HashSet<(ParameterMember Member, MemberSlot Slot)> Slotted => _slotted ?? NoSlotted;

    /// <summary>Adds everything of <paramref name="other"/>, placed in <paramref name="slot"/> of the value built from it.</summary>
    public void AddIn(Resolution other, MemberSlot slot)
    {
        foreach (var pair in other.Sources)
        {
            AddSource(pair.Key.IsWholeObject ? pair.Key : pair.Key.In(slot), pair.Value);
        }

        foreach (var parameter in other.AllParameters)
        {
            (_slotted ??= []).Add((parameter, slot));
        }
    }

    public void AddMember(ParameterMember member) => (_members ??= []).Add(member);

    /// <summary>
    /// Adds what reading <paramref name="member"/> of a value resolved as <paramref name="whole"/> yields: data classified by
    /// declaration and what flowed into that member; never a whole object's label or data in other members.
    /// </summary>
    public void AddMemberOf(Resolution whole, ISymbol member)
    {
        foreach (var pair in whole.Sources)
        {
            if (pair.Key.ReadDataMember(member) is { } read)
            {
                AddSource(read, pair.Value);
            }
        }

        foreach (var parameter in whole.Parameters)
        {
            AddMember(new ParameterMember(parameter, member));
        }

        // A member of a member: the first member read stands for the path (it yields at least as much).
        foreach (var parameterMember in whole.Members)
        {
            AddMember(parameterMember);
        }

        foreach (var (parameterMember, slot) in whole.Slotted)
        {
            if (slot.Matches(member))
            {
                if (slot.Inner is { } inner)
                {
                    (_slotted ??= []).Add((parameterMember, inner));
                }
                else
                {
                    AddMember(parameterMember);
                }
            }
        }
    }

    /// <summary>Adds everything of <paramref name="other"/>, its sources placed somewhere inside the result of a call without a model.</summary>
    public void AddSomewhere(Resolution other)
    {
        foreach (var pair in other.Sources)
        {
            AddSource(pair.Key.IsWholeObject ? pair.Key : pair.Key.In(MemberSlot.Somewhere), pair.Value);
        }

        foreach (var parameter in other.Parameters)
        {
            AddParameter(parameter);
        }

        foreach (var member in other.Members)
        {
            AddMember(member);
        }

        foreach (var slotted in other.Slotted)
        {
            (_slotted ??= []).Add(slotted);
        }
    }

    public void AddSource(SourceLabel source, ImmutableArray<IMethodSymbol> path)
    {
        _sources ??= new();
        if (!_sources.ContainsKey(source))
        {
            _sources.Add(source, path);
        }
    }

    public void AddParameter(int ordinal) => (_parameters ??= []).Add(ordinal);
}

/// <summary>The interprocedural result for a compilation: flows that cross method boundaries, and every method's summary.</summary>
internal sealed class FlowSolution
{
    public FlowSolution(ImmutableArray<ClassifiedFlow> flows, IReadOnlyDictionary<ISymbol, MethodSummary> summaries)
    {
        Flows = flows;
        Summaries = summaries;
    }

    /// <summary>
    /// Flows reported at compilation end: those found through summaries, and those inside methods that were analysed only
    /// at compilation end; never a flow already reported live.
    /// </summary>
    public ImmutableArray<ClassifiedFlow> Flows { get; }

    public IReadOnlyDictionary<ISymbol, MethodSummary> Summaries { get; }
}
