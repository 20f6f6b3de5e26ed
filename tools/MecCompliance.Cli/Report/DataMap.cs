using MecCompliance.Analyzers.Baseline;

namespace MecCompliance.Cli.Report;

/// <summary>
/// Where classified data lives and where it goes, for one solution or project: the evidence a privacy officer asks
/// for, built from the code and the policy declarations.
/// </summary>
internal sealed record DataMap(
    string Target,
    IReadOnlyList<string> Projects,
    IReadOnlyList<ClassifiedMember> ClassifiedMembers,
    IReadOnlyList<DataFlow> Flows,
    IReadOnlyList<DeclaredParty> Parties,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// Per declared sink, how a data subject's requests are served (the policy's "Updating or Removing Information"):
    /// what it holds, its erasers and correctors, its backup retention and what is missing. Empty when no sink is declared.
    /// </summary>
    public IReadOnlyList<SinkDataSubjectRequests> DataSubjectRequests { get; init; } = [];

    /// <summary>Findings that fail a build: the report's exit code is 1 when there is any. A baselined finding does not.</summary>
    public IEnumerable<Finding> Violations => Findings.Where(f => f.Severity == FindingSeverity.Error && !f.Baselined);

    /// <summary>Findings the baseline accepts: reported apart, suppressed in SARIF, never failing the exit code.</summary>
    public IEnumerable<Finding> BaselinedFindings => Findings.Where(f => f.Baselined);

    /// <summary>Findings that are not baselined.</summary>
    public IEnumerable<Finding> OpenFindings => Findings.Where(f => !f.Baselined);

    /// <summary>The baseline that was applied, when the target has one.</summary>
    public BaselineSummary? Baseline { get; init; }

    public bool HasViolations => Violations.Any();

    /// <summary>The verdict in one sentence: how many errors, split into flows that break the policy and other findings.</summary>
    public string VerdictText
    {
        get
        {
            var errors = Violations.ToList();
            var baselined = BaselinedFindings.Count();
            var accepted = baselined == 0 ? string.Empty : $" {baselined} baselined finding(s) are accepted until they are burned down.";
            if (errors.Count == 0)
            {
                return "compliant: no MecCompliance error, the build passes the policy." + accepted;
            }

            var flowRules = new[] { "MEC001", "MEC002", "MEC003", "MEC006" };
            var flows = errors.Count(e => flowRules.Contains(e.RuleId));
            var declarations = errors.Count(e => e.RuleId == "MEC004");
            var other = errors.Count - flows - declarations;
            var parts = new List<string>();
            if (flows > 0)
            {
                parts.Add($"{flows} flow(s) of classified data break the policy");
            }

            if (declarations > 0)
            {
                parts.Add($"{declarations} policy declaration(s) are invalid");
            }

            if (other > 0)
            {
                parts.Add($"{other} other finding(s) are errors");
            }

            return $"{errors.Count} error(s): {string.Join(", ", parts)}. The build fails until they are fixed or approved." + accepted;
        }
    }

    /// <summary>Approvals that no flow uses: a vendor or sink nothing reaches, or a class it may receive but never does.</summary>
    public IEnumerable<UnusedApproval> UnusedApprovals =>
        from party in Parties
        from dataClass in party.Allowed
        where !party.Received.Contains(dataClass)
        select new UnusedApproval(party.Kind, party.Name, dataClass, party.Contract, party.Received.Count == 0);
}

/// <summary>A point in a source file, relative to the report's target folder; lines and columns start at 1.</summary>
internal sealed record SourcePoint(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}";
}

/// <summary>A member, parameter, return value or type that carries a classification in source.</summary>
internal sealed record ClassifiedMember(string Project, string Name, string Kind, IReadOnlyList<string> Classes, SourcePoint Location);

internal enum SinkKind
{
    Log,
    Vendor,
    Storage,

    /// <summary>An unclassified field or property: the value would lose its classification (MEC006).</summary>
    UnclassifiedMember,
}

internal enum Verdict
{
    /// <summary>A declaration approves the flow for every class it carries.</summary>
    Approved,

    /// <summary>The policy needs no approval for it (organizational data in a log or in storage).</summary>
    Allowed,

    /// <summary>A rule forbids it; <see cref="DataFlow.RuleId"/> says which.</summary>
    Violation,
}

/// <summary>Classified data reaching a log, a vendor, a storage sink or an unclassified member, with the policy's verdict.</summary>
internal sealed record DataFlow(
    string Project,
    string Data,
    IReadOnlyList<string> Classes,
    SinkKind Kind,
    string Sink,
    Verdict Verdict,
    string? RuleId,
    string? Declaration,
    string? Contract,
    string Detail,
    SourcePoint Location)
{
    /// <summary>The other projects (assemblies) of the solution whose methods the flow passes through, in path order.</summary>
    public IReadOnlyList<string> CrossesProjects { get; init; } = [];
}

internal enum PartyKind
{
    Vendor,
    Sink,
}

/// <summary>A vendor or sink declared with <c>[assembly: ApprovedVendor]</c> / <c>[assembly: ApprovedSink]</c>, and what it really receives.</summary>
internal sealed record DeclaredParty(
    PartyKind Kind,
    string Name,
    IReadOnlyList<string> Allowed,
    IReadOnlyList<string> Hosts,
    string? Contract,
    IReadOnlyList<string> Received,
    string DeclaredIn,
    SourcePoint? Location,
    IReadOnlyList<string> Problems)
{
    public string Declaration => Kind == PartyKind.Vendor ? $"ApprovedVendor(\"{Name}\")" : $"ApprovedSink(\"{Name}\")";
}

internal sealed record UnusedApproval(PartyKind Kind, string Name, string Class, string? Contract, bool PartyUnused);

internal enum FindingSeverity
{
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>One declared sink as a data subject's requests see it.</summary>
/// <param name="Declared">The classes the sink is approved for.</param>
/// <param name="Observed">The classes flows really store in it (approved or not).</param>
/// <param name="BackupRetentionDays">How long erased data may persist on backups; <see langword="null"/> when not declared.</param>
/// <param name="Missing">What keeps requests from being served, each a sentence naming the rule when one reports it.</param>
internal sealed record SinkDataSubjectRequests(
    string Sink,
    IReadOnlyList<string> Declared,
    IReadOnlyList<string> Observed,
    int? BackupRetentionDays,
    IReadOnlyList<DataSubjectMethod> Erasers,
    IReadOnlyList<DataSubjectMethod> Correctors,
    IReadOnlyList<string> Missing,
    string DeclaredIn,
    SourcePoint? Location)
{
    public bool HoldsPersonalData => Declared.Concat(Observed).Any(c => c is "PatronRecord" or "PersonalData");
}

/// <summary>A method marked <c>[ErasesPersonalData]</c> or <c>[CorrectsPersonalData]</c> for a sink.</summary>
/// <param name="Assembly">The project or referenced assembly that declares it.</param>
/// <param name="Location">Where it is marked, or <see langword="null"/> for a method of a referenced assembly.</param>
/// <param name="ReachesSink">False when MEC008 reports that it never reaches the sink's code.</param>
internal sealed record DataSubjectMethod(string Method, string Assembly, SourcePoint? Location, bool ReachesSink);

/// <summary>A MecCompliance diagnostic as the build would report it.</summary>
/// <param name="Fingerprint">What identifies it in a baseline (<see cref="FindingFingerprint"/>), as the build's suppressor computes it.</param>
/// <param name="Baselined">The baseline accepts it: the build reports it as suppressed.</param>
/// <param name="Justification">The baseline entry's justification, when it has one.</param>
internal sealed record Finding(
    string Project,
    string RuleId,
    FindingSeverity Severity,
    string Title,
    string Message,
    string HelpUri,
    SourcePoint Location,
    FindingFingerprint? Fingerprint = null,
    bool Baselined = false,
    string? Justification = null);

/// <summary>The baseline file applied to a report: where it is, how many entries it has, and those no finding matches any more.</summary>
internal sealed record BaselineSummary(string File, int Entries, IReadOnlyList<BaselineEntry> Stale);
