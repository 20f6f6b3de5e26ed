using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// The one judgement of classified flows (DESIGN §3): given the policy, whether a flow is a violation of MEC001, MEC002,
/// MEC003 or MEC006 (and the remedy), approved by a declaration, allowed by the policy, or not a finding; and the
/// diagnostics a rule reports for its violations. The flow rules and the <c>mec report</c> CLI both judge through here.
/// </summary>
internal static class FlowJudgement
{
    /// <summary>The four rules that judge flows, in id order.</summary>
    public static ImmutableArray<string> FlowRules { get; } = ImmutableArray.Create(
        RuleIdentifiers.ClassifiedDataLogged,
        RuleIdentifiers.ClassifiedDataSentToVendor,
        RuleIdentifiers.ClassifiedDataStoredOutsideSink,
        RuleIdentifiers.ClassificationLost);

    /// <summary>The rule that judges flows into a sink of <paramref name="kind"/>.</summary>
    public static string RuleFor(SinkKind kind) => kind switch
    {
        SinkKind.Log => RuleIdentifiers.ClassifiedDataLogged,
        SinkKind.Vendor => RuleIdentifiers.ClassifiedDataSentToVendor,
        SinkKind.Storage => RuleIdentifiers.ClassifiedDataStoredOutsideSink,
        _ => RuleIdentifiers.ClassificationLost,
    };

    /// <summary>What the policy says of <paramref name="flow"/>.</summary>
    public static FlowVerdict Judge(PolicyModel policy, ClassifiedFlow flow)
    {
        var classes = flow.Classes;
        switch (flow.SinkKind)
        {
            case SinkKind.Log:
                if (flow.FormatsThrough is not null)
                {
                    // Text made from an object that formats itself carries what its ToString returns: a flow of its own.
                    return FlowVerdict.NotAFinding;
                }

                if (classes.IsProtected())
                {
                    return FlowVerdict.Violation(RuleIdentifiers.ClassifiedDataLogged);
                }

                return classes != DataClass.None ? FlowVerdict.Allowed("policy: organizational data may be logged")
                    : flow.SanctionedClasses != DataClass.None ? FlowVerdict.Allowed($"redacted: classified parameter of {flow.SinkName}{flow.PathDisplay}")
                    : FlowVerdict.NotAFinding;

            case SinkKind.Vendor:
                // Organizational data too needs a vendor approved for it.
                if (classes == DataClass.None)
                {
                    return FlowVerdict.NotAFinding;
                }

                return Remedy(policy, isVendor: true, flow.Target, classes, out var vendor) is { } vendorRemedy
                    ? FlowVerdict.Violation(RuleIdentifiers.ClassifiedDataSentToVendor, vendorRemedy)
                    : FlowVerdict.Approved(vendor!);

            case SinkKind.Storage:
                if (!classes.IsProtected())
                {
                    return classes != DataClass.None ? FlowVerdict.Allowed("policy: organizational data may be stored anywhere") : FlowVerdict.NotAFinding;
                }

                return Remedy(policy, isVendor: false, flow.Target, classes & DataClassExtensions.Protected, out var sink) is { } sinkRemedy
                    ? FlowVerdict.Violation(RuleIdentifiers.ClassifiedDataStoredOutsideSink, sinkRemedy)
                    : FlowVerdict.Approved(sink!);

            default:
                // An object whose type carries its classified members keeps its classification wherever it is stored.
                return flow.IsWholeObject ? FlowVerdict.NotAFinding : FlowVerdict.Violation(RuleIdentifiers.ClassificationLost);
        }
    }

    /// <summary>
    /// The diagnostics of rule <paramref name="ruleId"/> among <paramref name="flows"/>: the flows <see cref="Judge"/> calls
    /// its violations, one finding per location and sink. The flows given are one batch the build reports together
    /// (one method's, or the compilation end's), so the baseline's occurrence index is the build's.
    /// </summary>
    public static IEnumerable<JudgedFinding> Findings(PolicyModel policy, IEnumerable<ClassifiedFlow> flows, string ruleId)
    {
        var violations = flows.Where(f => RuleFor(f.SinkKind) == ruleId && Judge(policy, f) is { Kind: FlowVerdictKind.Violation });
        foreach (var finding in ClassifiedFlow.GroupByLocation(violations))
        {
            yield return new JudgedFinding(ruleId, finding, Diagnose(policy, ruleId, finding));
        }
    }

    private static Diagnostic Diagnose(PolicyModel policy, string ruleId, FlowFinding finding)
    {
        var flow = finding.First;
        var classes = finding.Flows.Aggregate(DataClass.None, (all, f) => all | f.Classes);
        switch (ruleId)
        {
            case RuleIdentifiers.ClassifiedDataLogged:
                return Diagnostic.Create(
                    RuleDescriptors.MEC001_ClassifiedDataLogged,
                    flow.Location,
                    flow.AdditionalLocations(),
                    finding.WithFingerprint(DiagnosticPropertyNames.For(flow.Classes)),
                    finding.Sources,
                    flow.SinkName,
                    flow.PathDisplay);

            case RuleIdentifiers.ClassifiedDataSentToVendor:
                return Diagnostic.Create(
                    RuleDescriptors.MEC002_ClassifiedDataSentToVendor,
                    flow.Location,
                    flow.AdditionalLocations(),
                    finding.WithFingerprint(),
                    finding.Sources,
                    flow.Target is { } vendor ? $"vendor '{vendor}' by {flow.SinkName}" : "an undeclared vendor by " + flow.SinkName,
                    flow.PathDisplay,
                    Remedy(policy, isVendor: true, flow.Target, classes, out _));

            case RuleIdentifiers.ClassifiedDataStoredOutsideSink:
                return Diagnostic.Create(
                    RuleDescriptors.MEC003_ClassifiedDataStoredOutsideSink,
                    flow.Location,
                    flow.AdditionalLocations(),
                    finding.WithFingerprint(),
                    finding.Sources,
                    flow.Target is { } sink ? $"sink '{sink}' by {flow.SinkName}" : "unapproved storage by " + flow.SinkName,
                    flow.PathDisplay,
                    Remedy(policy, isVendor: false, flow.Target, classes & DataClassExtensions.Protected, out _));

            default:
                var member = flow.UnclassifiedMember!;
                return Diagnostic.Create(
                    RuleDescriptors.MEC006_ClassificationLost,
                    flow.Location,
                    flow.AdditionalLocations(),
                    finding.WithFingerprint(DiagnosticPropertyNames.For(flow.Classes, member)),
                    finding.Sources,
                    member is IFieldSymbol ? "field" : "property",
                    flow.SinkName,
                    flow.Classes.ToAttributeName(),
                    flow.PathDisplay);
        }
    }

    /// <summary>
    /// The remedy for <paramref name="classes"/> reaching <paramref name="target"/> (a vendor or sink name, or
    /// <see langword="null"/> when undeclared), or <see langword="null"/> when the policy approves the flow, by
    /// <paramref name="declaration"/>.
    /// </summary>
    private static string? Remedy(PolicyModel policy, bool isVendor, string? target, DataClass classes, out PolicyDeclaration? declaration)
    {
        declaration = null;
        var attribute = isVendor ? "ApprovedVendor" : "ApprovedSink";
        if (target is null)
        {
            return isVendor
                ? $"no declared vendor owns this destination; send through a client named after a vendor declared with [assembly: ApprovedVendor(\"<name>\", {TypeOfs(classes)}, Hosts = new[] {{ \"<host>\" }}{ContractHint(classes)})], to a declared host, or through a [Vendor] client, or send an unclassified value instead"
                : $"only sinks declared with [assembly: ApprovedSink(\"<name>\", {TypeOfs(classes)})] may hold it; store it through a [DataSink(\"<name>\")] repository or DbContext, or store an unclassified value (an id) instead";
        }

        var found = isVendor
            ? policy.TryGetVendor(target, out var vendor) ? vendor : null
            : policy.TryGetSink(target, out var sink) ? (PolicyDeclaration)sink : null;
        if (found is null)
        {
            return $"{(isVendor ? "vendor" : "sink")} '{target}' is not declared; declare it with [assembly: {attribute}(\"{target}\", {TypeOfs(classes)}{(isVendor ? ContractHint(classes) : "")})]";
        }

        var missing = classes & ~found.Allowed;
        if (missing == DataClass.None)
        {
            declaration = found;
            return null;
        }

        var contract = isVendor && (missing & DataClass.PatronRecord) != 0 && found is VendorDeclaration { Contract: null or "" } ? ContractHint(missing) : "";
        return $"{(isVendor ? "vendor" : "sink")} '{found.Name}' is not approved for {missing.ToDisplayString()}; add {TypeOfs(missing)} to [assembly: {attribute}(\"{found.Name}\", ...)]{contract} in {found.Origin()}";
    }

    private static string ContractHint(DataClass classes) =>
        (classes & DataClass.PatronRecord) != 0 ? ", Contract = \"<contract reference>\"" : "";

    private static string TypeOfs(DataClass classes)
    {
        var parts = new List<string>(3);
        if ((classes & DataClass.PatronRecord) != 0)
        {
            parts.Add("typeof(PatronRecordAttribute)");
        }

        if ((classes & DataClass.PersonalData) != 0)
        {
            parts.Add("typeof(PersonalDataAttribute)");
        }

        if ((classes & DataClass.OrganizationalData) != 0)
        {
            parts.Add("typeof(OrganizationalDataAttribute)");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>One finding of a flow rule: the rule, the flows it stands for, and the diagnostic the build reports.</summary>
internal sealed class JudgedFinding(string ruleId, FlowFinding finding, Diagnostic diagnostic)
{
    public string RuleId { get; } = ruleId;

    public FlowFinding Finding { get; } = finding;

    public Diagnostic Diagnostic { get; } = diagnostic;
}
