using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>What a value may carry: classified data from a known origin, or a symbolic stand-in resolved later.</summary>
internal abstract class TaintLabel
{
}

/// <summary>
/// Classified data read from <see cref="Origin"/>: a member, parameter or method return declared with a classification,
/// or (when <see cref="IsWholeObject"/>) an object whose type holds classified members. Labels are equal by origin and
/// class; <see cref="Location"/> is the first read seen, kept for messages.
/// </summary>
internal sealed class SourceLabel : TaintLabel, IEquatable<SourceLabel>
{
    public SourceLabel(DataClass classes, ISymbol? origin, Location location, bool isWholeObject, IMethodSymbol? formatsThrough = null)
    {
        Classes = classes;
        Origin = origin;
        Location = location;
        IsWholeObject = isWholeObject;
        FormatsThrough = formatsThrough;
    }

    /// <summary>
    /// For a whole object whose type declares its own <c>ToString</c>: that method. Text made from the object (a log
    /// line) carries what the method returns, which the engine follows separately; a serializer still sees every member.
    /// </summary>
    public IMethodSymbol? FormatsThrough { get; }

    public DataClass Classes { get; }

    /// <summary>The classified member, parameter, method or type; <see langword="null"/> for several merged origins.</summary>
    public ISymbol? Origin { get; }

    public Location Location { get; }

    public bool IsWholeObject { get; }

    /// <summary>How a developer names the data: <c>Patron.Email</c>, <c>parameter 'email'</c>, <c>Patron object</c>.</summary>
    public string Display => FlowDisplay.Source(Origin, IsWholeObject);

    public bool Equals(SourceLabel? other) =>
        other is not null && Classes == other.Classes && IsWholeObject == other.IsWholeObject &&
        SymbolEqualityComparer.Default.Equals(Origin, other.Origin);

    public override bool Equals(object? obj) => Equals(obj as SourceLabel);

    public override int GetHashCode() => ((int)Classes * 397) ^ SymbolEqualityComparer.Default.GetHashCode(Origin) ^ (IsWholeObject ? 1 : 0);
}

/// <summary>Whatever the caller passes as parameter <see cref="Ordinal"/>: the symbolic input of a method summary.</summary>
internal sealed class ParameterLabel : TaintLabel
{
    private static readonly ParameterLabel[] Cache = Enumerable.Range(0, 16).Select(i => new ParameterLabel(i)).ToArray();

    private ParameterLabel(int ordinal)
    {
        Ordinal = ordinal;
    }

    public int Ordinal { get; }

    public static ParameterLabel For(int ordinal) => ordinal < Cache.Length ? Cache[ordinal] : new ParameterLabel(ordinal);

    public override bool Equals(object? obj) => obj is ParameterLabel other && other.Ordinal == Ordinal;

    public override int GetHashCode() => Ordinal;
}

/// <summary>
/// The value returned by a call into a method of this compilation, resolved at compilation end from the callee's
/// summary and the labels of the arguments at <see cref="Site"/>. Identity is the call site.
/// </summary>
internal sealed class CallResultLabel : TaintLabel
{
    public CallResultLabel(CallSite site)
    {
        Site = site;
    }

    public CallSite Site { get; }
}
