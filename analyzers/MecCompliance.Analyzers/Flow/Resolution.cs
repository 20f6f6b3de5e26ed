namespace MecCompliance.Analyzers.Flow;

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
