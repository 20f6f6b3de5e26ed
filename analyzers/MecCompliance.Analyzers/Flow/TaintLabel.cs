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
    public SourceLabel(DataClass classes, ISymbol? origin, Location location, bool isWholeObject, IMethodSymbol? formatsThrough = null, MemberSlot? slot = null)
    {
        Classes = classes;
        Origin = origin;
        Location = location;
        IsWholeObject = isWholeObject;
        FormatsThrough = formatsThrough;
        Slot = slot;
    }

    /// <summary>
    /// Where inside the labelled value this data sits when the value only holds it by flow (a member of an anonymous
    /// object, a tuple element, a dictionary's keys, somewhere in what a call without a model returned);
    /// <see langword="null"/> when the value is the data itself (or classified by declaration, sub-members included).
    /// A sink sees the data either way; only a member read tells the difference.
    /// </summary>
    public MemberSlot? Slot { get; }

    /// <summary>This data placed in <paramref name="slot"/> of a value built from it.</summary>
    public SourceLabel In(MemberSlot slot)
    {
        // Depth is bounded (a loop may wrap a value in itself): beyond it the data counts as the value itself, which
        // keeps it visible to every member read rather than dropping it.
        var nested = Slot is null ? slot : slot.Around(Slot);
        return new SourceLabel(Classes, Origin, Location, IsWholeObject, FormatsThrough, nested);
    }

    /// <summary>This data as the value it was read from, wherever it sits now: what a finding names.</summary>
    public SourceLabel Unslotted => Slot is null ? this : new SourceLabel(Classes, Origin, Location, IsWholeObject, FormatsThrough);

    /// <summary>This data as the value of the slot it sits in: one level out.</summary>
    public SourceLabel Unwrapped => Slot is null ? this : new SourceLabel(Classes, Origin, Location, IsWholeObject, FormatsThrough, Slot.Inner);

    /// <summary>What a read of <paramref name="member"/>, a member of a data type, yields from a value holding this label.</summary>
    public SourceLabel? ReadDataMember(ISymbol member)
    {
        if (Slot is null)
        {
            // Classified by declaration: all of it; an object's whole-object label stands for its declared members.
            return IsWholeObject ? null : this;
        }

        return Slot.Matches(member) ? new SourceLabel(Classes, Origin, Location, IsWholeObject, FormatsThrough, Slot.Inner) : null;
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
        SymbolEqualityComparer.Default.Equals(Origin, other.Origin) && Equals(Slot, other.Slot);

    public override bool Equals(object? obj) => Equals(obj as SourceLabel);

    public override int GetHashCode() =>
        ((int)Classes * 397) ^ SymbolEqualityComparer.Default.GetHashCode(Origin) ^ (IsWholeObject ? 1 : 0) ^ (Slot?.GetHashCode() ?? 0);
}

/// <summary>
/// A place inside a value labelled by flow: a member (anonymous-object property, tuple element, property of a library
/// object), the keys of a dictionary or grouping, or somewhere unknown (the result of a call without a model).
/// </summary>
internal sealed class MemberSlot : IEquatable<MemberSlot>
{
    private const int MaxDepth = 2;

    /// <summary>Somewhere inside a value a call without a model returned: its whole is labelled, no member is.</summary>
    public static readonly MemberSlot Somewhere = new(SlotKind.Somewhere, null, null);

    /// <summary>The keys of a dictionary, lookup or grouping built with a key selector.</summary>
    public static readonly MemberSlot Keys = new(SlotKind.Keys, null, null);

    private readonly SlotKind _kind;

    private MemberSlot(SlotKind kind, ISymbol? member, MemberSlot? inner)
    {
        _kind = kind;
        Member = member;
        Inner = inner;
        Depth = 1 + (inner?.Depth ?? 0);
    }

    private enum SlotKind
    {
        Member,
        Keys,
        Somewhere,
    }

    public ISymbol? Member { get; }

    /// <summary>Where the data sits inside the member's value; <see langword="null"/>: it is that value.</summary>
    public MemberSlot? Inner { get; }

    public int Depth { get; }

    public bool IsKeys => _kind == SlotKind.Keys;

    public bool IsSomewhere => _kind == SlotKind.Somewhere;

    public static MemberSlot Of(ISymbol member) => new(SlotKind.Member, LibraryModels.SlotMember(member), null);

    /// <summary>This slot holding <paramref name="inner"/>; <see langword="null"/> beyond the depth kept.</summary>
    public MemberSlot? Around(MemberSlot inner)
    {
        if (_kind == SlotKind.Somewhere && inner._kind == SlotKind.Somewhere)
        {
            return inner;
        }

        return inner.Depth >= MaxDepth ? null : new MemberSlot(_kind, Member, inner);
    }

    /// <summary>Whether a read of <paramref name="member"/> reads this slot.</summary>
    public bool Matches(ISymbol member)
    {
        member = LibraryModels.SlotMember(member);
        if (_kind != SlotKind.Member || Member is null || member.Name != Member.Name)
        {
            return false;
        }

        // Anonymous types and tuples of the same shape are one type per compilation, but a tuple element read by its
        // name or as ItemN is one slot: the name suffices there.
        return member.ContainingType is { IsAnonymousType: true } or { IsTupleType: true } ||
               SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, Member.OriginalDefinition);
    }

    public bool Equals(MemberSlot? other) =>
        other is not null && _kind == other._kind && Equals(Inner, other.Inner) &&
        (Member is null ? other.Member is null : other.Member is not null && Matches(other.Member));

    public override bool Equals(object? obj) => Equals(obj as MemberSlot);

    public override int GetHashCode() => ((int)_kind * 31) ^ (Member?.Name.GetHashCode() ?? 0) ^ ((Inner?.GetHashCode() ?? 0) * 7);
}

/// <summary>
/// Member <see cref="Member"/> read from whatever <see cref="Inner"/> (a parameter, a call's result) turns out to be:
/// resolved with the rest, it yields what flowed into that member and what is classified by declaration, never the
/// labels of the member's siblings.
/// </summary>
internal sealed class ProjectedLabel : TaintLabel
{
    public ProjectedLabel(TaintLabel inner, ISymbol member)
    {
        Inner = inner;
        Member = member;
    }

    public TaintLabel Inner { get; }

    public ISymbol Member { get; }

    public override bool Equals(object? obj) =>
        obj is ProjectedLabel other && Inner.Equals(other.Inner) && SymbolEqualityComparer.Default.Equals(Member, other.Member);

    public override int GetHashCode() => Inner.GetHashCode() ^ (SymbolEqualityComparer.Default.GetHashCode(Member) * 13);
}

/// <summary>
/// A symbolic label (a parameter's member, a call's result) placed in <see cref="Slot"/> of a value built from it: the
/// text a deserializer parses, an argument of a call without a model. Resolved with the rest, its data sits in that slot:
/// the value as a whole carries it, a member read of another slot does not.
/// </summary>
internal sealed class SlottedLabel : TaintLabel
{
    public SlottedLabel(TaintLabel inner, MemberSlot slot)
    {
        Inner = inner;
        Slot = slot;
    }

    public TaintLabel Inner { get; }

    public MemberSlot Slot { get; }

    /// <summary>Whether what is inside stands for a call's result.</summary>
    public bool HoldsCallResult => Inner is CallResultLabel or ProjectedLabel { Inner: CallResultLabel } or SlottedLabel { HoldsCallResult: true };

    public override bool Equals(object? obj) => obj is SlottedLabel other && Inner.Equals(other.Inner) && Slot.Equals(other.Slot);

    public override int GetHashCode() => Inner.GetHashCode() ^ (Slot.GetHashCode() * 31);
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

/// <summary>
/// Marks on delegate values made from a lambda kept in a variable: <see cref="Input"/> stands for the lambda's own
/// arguments while its body is analysed; <see cref="PassesInput"/>/<see cref="IgnoresInput"/> say whether its result may
/// carry them. They name no data: resolution and findings ignore them.
/// </summary>
internal sealed class DelegateLabel : TaintLabel
{
    public static readonly DelegateLabel Input = new(passesArguments: true);

    public static readonly DelegateLabel PassesInput = new(passesArguments: true);

    public static readonly DelegateLabel IgnoresInput = new(passesArguments: false);

    private DelegateLabel(bool passesArguments)
    {
        PassesArguments = passesArguments;
    }

    public bool PassesArguments { get; }
}
