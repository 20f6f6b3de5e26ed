namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// Whether the policy approves classified data for a vendor or storage sink, and when it does not, the sentence saying
/// which declaration would make the flow legal (MEC002 and MEC003 messages).
/// </summary>
internal static class ApprovalJudgement
{
    /// <summary>
    /// The remedy for <paramref name="classes"/> reaching <paramref name="target"/> (a vendor or sink name, or
    /// <see langword="null"/> when undeclared), or <see langword="null"/> when the policy approves the flow.
    /// </summary>
    public static string? Remedy(PolicyModel policy, bool isVendor, string? target, DataClass classes)
    {
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
