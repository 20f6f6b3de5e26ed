namespace MecCompliance.Analyzers;

internal static class RuleDescriptors
{
    public static readonly DiagnosticDescriptor MEC001_ClassifiedDataLogged = Create(
        RuleIdentifiers.ClassifiedDataLogged,
        "Classified data reaches a log sink unredacted",
        "{0} reaches {1}{2} unredacted; redact it or log an unclassified value instead",
        DiagnosticSeverity.Error,
        "Personal data and patron records must never reach logs, the console, debug or trace output, telemetry or exception messages in clear text (RSMo 182.817).");

    public static readonly DiagnosticDescriptor MEC002_ClassifiedDataSentToVendor = Create(
        RuleIdentifiers.ClassifiedDataSentToVendor,
        "Classified data is sent to an undeclared or unapproved vendor",
        "{0} is sent to {1}{2}; {3}",
        DiagnosticSeverity.Error,
        "Third-party partners may receive only the classes of data their contract covers, declared with [assembly: ApprovedVendor(...)].");

    public static readonly DiagnosticDescriptor MEC003_ClassifiedDataStoredOutsideSink = Create(
        RuleIdentifiers.ClassifiedDataStoredOutsideSink,
        "Classified data is stored outside an approved sink",
        "{0} is stored in {1}{2}; {3}",
        DiagnosticSeverity.Error,
        "Personal data and patron records may be persisted only in sinks declared with [assembly: ApprovedSink(...)] and approved for their class.");

    public static readonly DiagnosticDescriptor MEC004_InvalidPolicyDeclaration = Create(
        RuleIdentifiers.InvalidPolicyDeclaration,
        "The privacy policy declaration is invalid",
        "{0}",
        DiagnosticSeverity.Error,
        "Vendor and sink declarations are the consortium's register of approvals; a malformed declaration would silently approve or forbid the wrong flows.");

    public static readonly DiagnosticDescriptor MEC005_UnclassifiedPersonalData = Create(
        RuleIdentifiers.UnclassifiedPersonalData,
        "Member looks like personal data but has no classification",
        "{0} '{1}' looks like personal data ('{2}') but has no classification; mark it [PersonalData] or [PatronRecord]",
        DiagnosticSeverity.Info,
        "Only classified data is protected by the other rules; a member whose name says personal data is probably missing its classification.");

    public static readonly DiagnosticDescriptor MEC006_ClassificationLost = Create(
        RuleIdentifiers.ClassificationLost,
        "Classified value is copied into an unclassified member",
        "{0} is stored into unclassified {1} '{2}'{4}, where it would lose its classification; classify '{2}' as [{3}]",
        DiagnosticSeverity.Error,
        "A classified value stored in an unclassified field or property escapes every check; the member that holds it must carry the classification.");

    public static readonly DiagnosticDescriptor MEC007_SinkWithoutEraser = Create(
        RuleIdentifiers.SinkWithoutEraser,
        "Approved sink holding personal data has no eraser",
        "Sink '{0}'{1} may hold {2}, but no method in this compilation or its references is marked [ErasesPersonalData(\"{0}\")]; add a method that deletes or anonymises one data subject's data in '{0}' and mark it, so a request to delete that data can be carried out",
        DiagnosticSeverity.Warning,
        "The policy promises that users may delete the personal information they submitted (\"Updating or Removing Information\"); a sink that holds personal data or patron records needs code that erases one data subject's data from it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor MEC008_EraserMissesSink = Create(
        RuleIdentifiers.EraserMissesSink,
        "Eraser or corrector never reaches its sink",
        "'{0}' is marked [{1}(\"{2}\")] but never calls into sink '{2}' (code marked [DataSink(\"{2}\")]: its DbContext, repository or store), directly or through the methods it calls; {3}",
        DiagnosticSeverity.Warning,
        "A method marked as erasing or correcting a data subject's data must reach the sink's code; one that only logs or returns would report a request as honoured while the data stays where it was.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor MEC009_MalformedBaseline = Create(
        RuleIdentifiers.MalformedBaseline,
        "The baseline file is malformed",
        "Baseline '{0}' cannot be used: {1} (line {2}, column {3}); no finding is suppressed until it is fixed or rewritten with 'mec baseline'",
        DiagnosticSeverity.Error,
        "mec-baseline.json records the findings a team accepted when it adopted MecCompliance; a file the build cannot read suppresses nothing, so every baselined finding fails the build again until the file is fixed.",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, messageFormat, RuleIdentifiers.Category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id), customTags);
}
