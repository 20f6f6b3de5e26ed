using Microsoft.Extensions.Compliance.Classification;

namespace MecCompliance;

/// <summary>
/// The data taxonomy of the Missouri Evergreen Consortium privacy policy, expressed as
/// <see cref="DataClassification"/> values so that <c>Microsoft.Extensions.Compliance</c> redactors can be registered per class.
/// </summary>
public static class MecTaxonomy
{
    /// <summary>The taxonomy name shared by every MEC classification: <c>"MEC"</c>.</summary>
    public const string Name = "MEC";

    /// <summary>Information that identifies a person: name, e-mail, phone, postal address, birth date.</summary>
    public static DataClassification PersonalData => new(Name, nameof(PersonalData));

    /// <summary>
    /// A library record under RSMo 182.815: anything that identifies a patron, or what a patron requested, used or
    /// borrowed (card number, circulation, holds, searches). The strictest class.
    /// </summary>
    public static DataClassification PatronRecord => new(Name, nameof(PatronRecord));

    /// <summary>A member organization's information: organization names, addresses and information it submitted to MEC.</summary>
    public static DataClassification OrganizationalData => new(Name, nameof(OrganizationalData));
}
