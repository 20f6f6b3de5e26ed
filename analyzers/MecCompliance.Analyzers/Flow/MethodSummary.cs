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
    private HashSet<(ParameterMember, MemberSlot)>? _returnSlotted;
    private List<ParameterSink>? _parameterSinks;
    private HashSet<(ParameterMember, SinkEvent)>? _parameterSinkKeys;

    public IReadOnlyDictionary<SourceLabel, ImmutableArray<IMethodSymbol>> ReturnSources => _returnSources ?? Resolution.NoSources;

    public IReadOnlyCollection<int> ReturnParameters => _returnParameters ?? Resolution.NoParameters;

    /// <summary>Members of parameters the return value may carry (<c>return s.Id;</c>): what flowed into that member of the argument.</summary>
    public IReadOnlyCollection<ParameterMember> ReturnMembers => _returnMembers ?? Resolution.NoMembers;

    /// <summary>
    /// Parameters (or their members) the return value holds in a slot (a member of an object built from them, somewhere in
    /// what a call without a model returned): the value as a whole carries them, a member read only from its own slot.
    /// </summary>
    public IReadOnlyCollection<(ParameterMember Member, MemberSlot Slot)> ReturnSlotted => _returnSlotted ?? Resolution.NoSlotted;

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

        foreach (var slotted in resolution.Slotted)
        {
            changed |= (_returnSlotted ??= []).Add(slotted);
        }

        foreach (var member in resolution.Members)
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
