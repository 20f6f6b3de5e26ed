using MecCompliance.Analyzers.Baseline;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Baseline;

/// <summary>Applies a baseline to a data map as the build's suppressor applies it to diagnostics: same fingerprints, same matching.</summary>
internal static class BaselineMarking
{
    public static DataMap Apply(DataMap map, string file, BaselineDocument baseline)
    {
        var entries = baseline.Entries.GroupBy(e => e.Fingerprint).ToDictionary(g => g.Key, g => g.First());
        var findings = map.Findings
            .Select(f => f.Fingerprint is { } fingerprint && entries.TryGetValue(fingerprint, out var entry)
                ? f with { Baselined = true, Justification = string.IsNullOrWhiteSpace(entry.Justification) ? null : entry.Justification }
                : f)
            .ToList();
        var current = map.Findings.Select(f => f.Fingerprint).OfType<FindingFingerprint>().ToHashSet();
        var stale = baseline.Entries.Where(e => !current.Contains(e.Fingerprint)).ToList();
        return map with { Findings = findings, Baseline = new BaselineSummary(file, baseline.Entries.Length, stale) };
    }
}
