namespace MecCompliance.Analyzers;

/// <summary>
/// Keys of <see cref="Diagnostic.Properties"/> that rules set for their code fixes, so a fix never has to repeat the
/// rule's reasoning.
/// </summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>
    /// The classification attribute (without the <c>Attribute</c> suffix: <c>PatronRecord</c>, <c>PersonalData</c> or
    /// <c>OrganizationalData</c>) that the flagged data should carry, or carries.
    /// </summary>
    public const string Classification = "MecClassification";
}
