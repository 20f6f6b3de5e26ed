namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// One concrete place classified data may enter: its kind, the name a developer recognises (<c>ILogger.LogInformation</c>),
/// and for vendor and storage sinks the declared vendor or sink it belongs to (<see langword="null"/> when undeclared).
/// </summary>
internal sealed class Sink : IEquatable<Sink>
{
    public Sink(SinkKind kind, string name, string? target = null, ISymbol? member = null)
    {
        Kind = kind;
        Name = name;
        Target = target;
        Member = member;
    }

    public SinkKind Kind { get; }

    /// <summary>What the developer called or assigned, e.g. <c>ILogger.LogInformation</c> or <c>Note.Text</c>.</summary>
    public string Name { get; }

    /// <summary>The vendor or storage sink name from the policy marks, or <see langword="null"/> when none is declared.</summary>
    public string? Target { get; }

    /// <summary>For <see cref="SinkKind.UnclassifiedMember"/>: the field or property that would hold the value.</summary>
    public ISymbol? Member { get; }

    public bool Equals(Sink? other) =>
        other is not null && Kind == other.Kind && Name == other.Name && Target == other.Target &&
        SymbolEqualityComparer.Default.Equals(Member, other.Member);

    public override bool Equals(object? obj) => Equals(obj as Sink);

    public override int GetHashCode() => (Kind, Name, Target).GetHashCode();

    public override string ToString() => Target is null ? Name : Name + " (" + Target + ")";
}
