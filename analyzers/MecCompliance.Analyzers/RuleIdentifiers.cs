namespace MecCompliance.Analyzers;

internal static class RuleIdentifiers
{
    public const string ClassifiedDataLogged = "MEC001";
    public const string ClassifiedDataSentToVendor = "MEC002";
    public const string ClassifiedDataStoredOutsideSink = "MEC003";
    public const string InvalidPolicyDeclaration = "MEC004";
    public const string UnclassifiedPersonalData = "MEC005";
    public const string ClassificationLost = "MEC006";
    public const string SinkWithoutEraser = "MEC007";
    public const string EraserMissesSink = "MEC008";
    public const string MalformedBaseline = "MEC009";

    /// <summary>The id of the suppression a baseline entry reports (a DiagnosticSuppressor's, not a rule's).</summary>
    public const string BaselinedFinding = "MECS001";

    public const string Category = "Privacy";

    private const string DocsBase = "https://github.com/missouri-evergreen/MecCompliance/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsBase + id + ".md";
}
