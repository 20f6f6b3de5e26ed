using System.Text.Encodings.Web;
using System.Text.Json;
using MecCompliance.Analyzers.Baseline;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Baseline;

/// <summary>
/// Writes <c>mec-baseline.json</c> in the format <see cref="BaselineDocument"/> reads: the findings that would fail a
/// build (errors and warnings), in source order, each with an empty justification to fill in during review.
/// </summary>
internal static class BaselineWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // "->" and quotes in messages stay readable in review; the file is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The findings a baseline records: every one with a fingerprint that would fail a build.</summary>
    public static IReadOnlyList<Finding> Recordable(DataMap map) =>
        map.Findings.Where(f => f.Fingerprint is not null && f.Severity is FindingSeverity.Error or FindingSeverity.Warning).ToList();

    /// <param name="previous">The file being replaced, whose justifications are kept for the findings that remain.</param>
    public static void Write(IReadOnlyList<Finding> findings, BaselineDocument? previous, Stream output)
    {
        var justifications = (previous?.Entries ?? [])
            .Where(e => !string.IsNullOrEmpty(e.Justification))
            .GroupBy(e => e.Fingerprint)
            .ToDictionary(g => g.Key, g => g.First().Justification!);

        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("version", BaselineDocument.CurrentVersion);
        json.WriteString("description",
            "MecCompliance baseline: findings accepted when MecCompliance was adopted. The build reports them as suppressed; every other finding fails it. " +
            "Fill in each justification, burn the entries down, and check for stale ones with 'mec baseline --check'.");
        json.WriteStartArray("entries");
        foreach (var finding in findings.DistinctBy(f => f.Fingerprint))
        {
            var fingerprint = finding.Fingerprint!;
            json.WriteStartObject();
            json.WriteString("rule", fingerprint.Rule);
            json.WriteString("data", fingerprint.Data);
            json.WriteString("sink", fingerprint.Sink);
            json.WriteString("member", fingerprint.Member);
            json.WriteNumber("occurrence", fingerprint.Occurrence);
            json.WriteString("justification", justifications.GetValueOrDefault(fingerprint, string.Empty));
            json.WriteString("location", finding.Location.ToString());
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
