namespace MecCompliance.Analyzers.Policy;

/// <summary>Full metadata names of the contract's attributes; symbols are matched by name, never by identity.</summary>
internal static class MetadataNames
{
    public const string PersonalDataAttribute = "MecCompliance.PersonalDataAttribute";
    public const string PatronRecordAttribute = "MecCompliance.PatronRecordAttribute";
    public const string OrganizationalDataAttribute = "MecCompliance.OrganizationalDataAttribute";
    public const string VendorAttribute = "MecCompliance.VendorAttribute";
    public const string DataSinkAttribute = "MecCompliance.DataSinkAttribute";
    public const string RedactsAttribute = "MecCompliance.RedactsAttribute";
    public const string ApprovedVendorAttribute = "MecCompliance.ApprovedVendorAttribute";
    public const string ApprovedSinkAttribute = "MecCompliance.ApprovedSinkAttribute";
    public const string ErasesPersonalDataAttribute = "MecCompliance.ErasesPersonalDataAttribute";
    public const string CorrectsPersonalDataAttribute = "MecCompliance.CorrectsPersonalDataAttribute";
    public const string DataClassificationAttribute = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
}
