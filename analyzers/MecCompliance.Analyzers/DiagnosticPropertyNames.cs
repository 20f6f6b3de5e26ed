using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers;

/// <summary>
/// Keys of <see cref="Diagnostic.Properties"/> that rules set for their code fixes, so a fix never has to repeat the
/// rule's reasoning.
/// </summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>
    /// The classification attributes (without the <c>Attribute</c> suffix: <c>PatronRecord</c>, <c>PersonalData</c>,
    /// <c>OrganizationalData</c>) that the flagged data should carry, or carries; comma-separated, strictest first.
    /// </summary>
    public const string Classification = "MecClassification";

    /// <summary>
    /// MEC006: the documentation comment id (<see cref="DocumentationCommentId"/>) of the unclassified member that
    /// receives the value, so the fix can classify it wherever it is declared.
    /// </summary>
    public const string Member = "MecMember";

    /// <summary>MEC007: the name of the sink that needs an eraser, as declared.</summary>
    public const string Sink = "MecSink";

    /// <summary>The properties of a finding about data of <paramref name="classes"/> (stored into <paramref name="member"/>).</summary>
    public static ImmutableDictionary<string, string?> For(DataClass classes, ISymbol? member = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(Classification, classes.ToDisplayString());
        return member is null ? properties : properties.Add(Member, DocumentationCommentId.CreateDeclarationId(member));
    }
}
