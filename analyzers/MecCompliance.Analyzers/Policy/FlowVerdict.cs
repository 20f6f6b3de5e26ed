namespace MecCompliance.Analyzers.Policy;

/// <summary>What the policy says of one classified flow (<see cref="FlowJudgement.Judge"/>).</summary>
internal enum FlowVerdictKind
{
    /// <summary>Nothing to judge here: no class leaves, or the value keeps its classification (a whole object stored in a member), or it is judged elsewhere (an object formatting itself through its own <c>ToString</c>).</summary>
    NotAFinding,

    /// <summary>The policy needs no approval: organizational data in a log or in storage, or data a sink redacts.</summary>
    Allowed,

    /// <summary>A declared vendor or sink is approved for every class that leaves.</summary>
    Approved,

    /// <summary>A rule forbids it; <see cref="FlowVerdict.RuleId"/> says which.</summary>
    Violation,
}

/// <summary>
/// The verdict on one flow: a violation of a rule (with the remedy, for vendors and sinks), approved by a declaration
/// (with its contract), allowed (and why), or not a finding.
/// </summary>
internal sealed class FlowVerdict
{
    private FlowVerdict(FlowVerdictKind kind, string? ruleId, string? remedy, PolicyDeclaration? declaration, string? reason)
    {
        Kind = kind;
        RuleId = ruleId;
        Remedy = remedy;
        Declaration = declaration;
        Reason = reason;
    }

    public static FlowVerdict NotAFinding { get; } = new(FlowVerdictKind.NotAFinding, null, null, null, null);

    public FlowVerdictKind Kind { get; }

    /// <summary>For a violation: the rule that reports it (MEC001, MEC002, MEC003, MEC006).</summary>
    public string? RuleId { get; }

    /// <summary>For a vendor or storage violation: the declaration that would make the flow legal.</summary>
    public string? Remedy { get; }

    /// <summary>For an approved flow: the <c>ApprovedVendor</c> or <c>ApprovedSink</c> declaration that approves it.</summary>
    public PolicyDeclaration? Declaration { get; }

    /// <summary>The contract a vendor approval names (182.817), when it does.</summary>
    public string? Contract => (Declaration as VendorDeclaration)?.Contract;

    /// <summary>For an allowed flow: why the policy needs no approval (<c>policy: organizational data may be logged</c>).</summary>
    public string? Reason { get; }

    public static FlowVerdict Violation(string ruleId, string? remedy = null) => new(FlowVerdictKind.Violation, ruleId, remedy, null, null);

    public static FlowVerdict Approved(PolicyDeclaration declaration) => new(FlowVerdictKind.Approved, null, null, declaration, null);

    public static FlowVerdict Allowed(string reason) => new(FlowVerdictKind.Allowed, null, null, null, reason);
}
