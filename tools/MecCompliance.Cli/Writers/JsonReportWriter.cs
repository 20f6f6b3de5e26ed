using System.Text.Json;
using System.Text.Json.Serialization;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>The data map as JSON, for dashboards and audits that keep the evidence over time.</summary>
internal static class JsonReportWriter
{
    /// <summary>Also how <c>mec diff</c> reads a report back: one set of names for both directions.</summary>
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(DataMap map, TextWriter output)
    {
        var document = new
        {
            tool = "mec",
            version = typeof(JsonReportWriter).Assembly.GetName().Version?.ToString(),
            target = map.Target,
            summary = new
            {
                projects = map.Projects.Count,
                classifiedMembers = map.ClassifiedMembers.Count,
                flows = map.Flows.Count,
                approved = map.Flows.Count(f => f.Verdict == Verdict.Approved),
                allowed = map.Flows.Count(f => f.Verdict == Verdict.Allowed),
                violatingFlows = map.Flows.Count(f => f.Verdict == Verdict.Violation),
                violations = map.Violations.Count(),
                baselined = map.BaselinedFindings.Count(),
                exitCode = map.HasViolations ? 1 : 0,
            },
            projects = map.Projects,
            classifiedMembers = map.ClassifiedMembers,
            flows = map.Flows,
            parties = map.Parties.Select(p => new
            {
                p.Kind,
                p.Name,
                p.Declaration,
                p.Allowed,
                p.Received,
                p.Hosts,
                p.Contract,
                p.DeclaredIn,
                p.Location,
                p.Problems,
            }),
            unusedApprovals = map.UnusedApprovals,
            dataSubjectRequests = map.DataSubjectRequests,
            findings = map.Findings,
            baseline = map.Baseline is { } baseline
                ? new
                {
                    file = baseline.File,
                    entries = baseline.Entries,
                    stale = baseline.Stale.Select(e => new { e.Fingerprint, e.Location }),
                }
                : null,
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
