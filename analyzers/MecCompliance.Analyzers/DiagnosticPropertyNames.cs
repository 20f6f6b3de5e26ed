using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers;

/// <summary>
/// Keys of <see cref="Diagnostic.Properties"/> that rules set for their code fixes and for the baseline, so neither a
/// fix nor the baseline has to repeat the rule's reasoning.
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
    /// <summary>Baseline fingerprint (<see cref="Baseline.FindingFingerprint"/>): the classified data and its classes.</summary>
    public const string FingerprintData = "MecFingerprintData";

    /// <summary>Baseline fingerprint: the sink kind, the sink and its vendor or storage sink, and the path through callees.</summary>
    public const string FingerprintSink = "MecFingerprintSink";

    /// <summary>Baseline fingerprint: the containing type and member (<see cref="Baseline.ContainingMember"/>).</summary>
    public const string FingerprintMember = "MecFingerprintMember";

    /// <summary>Baseline fingerprint: which of several findings with the same parts in one member this is, from 0.</summary>
    public const string FingerprintOccurrence = "MecFingerprintOccurrence";

    /// <summary>Set to <c>true</c> on a finding the baseline records, which the rule reports as suppressed.</summary>
    public const string Baselined = "MecBaselined";

    /// <summary>The properties of a finding about data of <paramref name="classes"/> (stored into <paramref name="member"/>).</summary>
    public static ImmutableDictionary<string, string?> For(DataClass classes, ISymbol? member = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(Classification, classes.ToDisplayString());
        return member is null ? properties : properties.Add(Member, DocumentationCommentId.CreateDeclarationId(member));
    }
}
