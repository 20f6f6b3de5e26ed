using System.Text.Json;
using System.Text.Json.Nodes;
using MecCompliance.Cli.Analysis;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>
/// SARIF 2.1.0, the format code-scanning services import: one result per finding, and the approved flows as results of
/// kind "pass" so the evidence of what is allowed travels with the errors.
/// </summary>
internal static class SarifReportWriter
{
    public static void Write(DataMap map, TextWriter output)
    {
        var baseUri = new Uri(Path.GetDirectoryName(Path.GetFullPath(map.Target))! + Path.DirectorySeparatorChar).AbsoluteUri;
        var rules = MecAnalyzers.Descriptors
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new JsonObject
            {
                ["id"] = d.Id,
                ["name"] = d.Title.ToString().Replace(" ", "", StringComparison.Ordinal),
                ["shortDescription"] = new JsonObject { ["text"] = d.Title.ToString() },
                ["fullDescription"] = new JsonObject { ["text"] = d.Description.ToString() },
                ["helpUri"] = d.HelpLinkUri,
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(d.DefaultSeverity.ToString()) },
            })
            .ToList();

        var results = new JsonArray();
        foreach (var finding in map.Findings)
        {
            var result = new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["level"] = Level(finding.Severity.ToString()),
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray(Location(finding.Location)),
            };
            BaselineInSarif.Annotate(result, finding);
            results.Add(result);
        }

        foreach (var flow in map.Flows.Where(f => f.Verdict != Verdict.Violation))
        {
            results.Add(new JsonObject
            {
                ["ruleId"] = RuleFor(flow.Kind),
                ["kind"] = "pass",
                ["level"] = "none",
                ["message"] = new JsonObject
                {
                    ["text"] = $"{flow.Data} ({string.Join(", ", flow.Classes)}) reaches {flow.Sink}: {(flow.Verdict == Verdict.Approved ? $"approved by {flow.Declaration}" + (flow.Contract is null ? "" : $", contract {flow.Contract}") : "allowed by the policy")}.",
                },
                ["locations"] = new JsonArray(Location(flow.Location)),
            });
        }

        // The evidence for the data-subject rules: each eraser or corrector that reaches its sink's code.
        foreach (var sink in map.DataSubjectRequests)
        {
            foreach (var (method, duty) in sink.Erasers.Select(m => (m, "erases")).Concat(sink.Correctors.Select(m => (m, "corrects"))))
            {
                if (method.Location is null || !method.ReachesSink)
                {
                    continue;
                }

                var retention = sink.BackupRetentionDays is { } days ? $"; erased data may persist on backups for up to {days} days" : "";
                results.Add(new JsonObject
                {
                    ["ruleId"] = "MEC008",
                    ["kind"] = "pass",
                    ["level"] = "none",
                    ["message"] = new JsonObject { ["text"] = $"{method.Method} {duty} a data subject's data in sink '{sink.Sink}' and reaches its code{retention}." },
                    ["locations"] = new JsonArray(Location(method.Location)),
                });
            }
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "MecCompliance",
                        ["semanticVersion"] = typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3),
                        ["informationUri"] = "https://github.com/missouri-evergreen/MecCompliance",
                        ["rules"] = new JsonArray(rules.ToArray<JsonNode?>()),
                    },
                },
                ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["uri"] = baseUri } },
                ["results"] = results,
            }),
        };
        output.WriteLine(sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string RuleFor(SinkKind kind) => kind switch
    {
        SinkKind.Log => "MEC001",
        SinkKind.Vendor => "MEC002",
        SinkKind.Storage => "MEC003",
        _ => "MEC006",
    };

    private static JsonObject Location(SourcePoint point) => new()
    {
        ["physicalLocation"] = new JsonObject
        {
            ["artifactLocation"] = new JsonObject { ["uri"] = Uri.EscapeDataString(point.Path).Replace("%2F", "/", StringComparison.Ordinal), ["uriBaseId"] = "SRCROOT" },
            ["region"] = new JsonObject { ["startLine"] = point.Line, ["startColumn"] = point.Column },
        },
    };

    private static string Level(string severity) => severity switch
    {
        "Error" => "error",
        "Warning" => "warning",
        "Info" => "note",
        _ => "none",
    };
}
