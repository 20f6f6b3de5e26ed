namespace MecCompliance.Analyzers.Flow;

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
