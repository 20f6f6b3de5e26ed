using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MecCompliance.Cli.Exports;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>
/// The data map as a CycloneDX 1.6 BOM (JSON), the format supply-chain and privacy inventories import: the analysed
/// code is the BOM's application component, and every vendor, storage sink and log that classified data reaches (or
/// that the policy declares) is a <c>service</c> whose <c>data</c> entries say what flows into it and of which class.
/// </summary>
internal static class CycloneDxReportWriter
{
    public const string SpecVersion = "1.6";

    // RFC 4122 name-based UUIDs need a namespace of their own: this one is MecCompliance's, fixed forever.
    private static readonly Guid SerialNamespace = new("5d0a3b9e-6f1c-4e8a-9b57-0c2f4d7e1a63");

    // A BOM is read by tools and people, never embedded in a page: quotes and angle brackets stay as they are.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(DataMap map, TextWriter output)
    {
        var bom = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = SpecVersion,
            ["version"] = 1,
            ["metadata"] = Metadata(map),
            ["services"] = new JsonArray(DataDestination.Of(map).Select(d => (JsonNode?)Service(d, map)).ToArray()),
        };

        // The serial number is derived from the content (a version 5 UUID), not drawn at random: the same data map
        // always gives the same BOM, byte for byte, and any change to it gives a new serial number.
        var content = bom.ToJsonString();
        bom.Insert(3, "serialNumber", $"urn:uuid:{NameBasedUuid(SerialNamespace, content)}");
        output.WriteLine(bom.ToJsonString(Indented));
    }

    private static JsonObject Metadata(DataMap map)
    {
        var application = new JsonObject
        {
            ["type"] = "application",
            ["bom-ref"] = "application",
            ["name"] = Path.GetFileNameWithoutExtension(map.Target),
            ["description"] = $"Classified data of {string.Join(", ", map.Projects)}, mapped from the code by MecCompliance.",
            ["properties"] = Properties(
                map.ClassifiedMembers.Select(m => ("mec:classifiedMember", $"{m.Name} ({m.Kind}): {string.Join(", ", m.Classes)}"))
                    .Concat(map.Projects.Select(p => ("mec:project", p)))),
        };
        return new JsonObject
        {
            ["tools"] = new JsonObject
            {
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = "application",
                    ["name"] = "mec",
                    ["version"] = typeof(CycloneDxReportWriter).Assembly.GetName().Version?.ToString(3),
                    ["description"] = "MecCompliance data map (mec report)",
                }),
            },
            ["component"] = application,
            ["properties"] = Properties([("mec:target", map.Target), ("mec:verdict", map.VerdictText)]),
        };
    }

    private static JsonObject Service(DataDestination destination, DataMap map)
    {
        var service = new JsonObject
        {
            ["bom-ref"] = destination.Id,
            ["name"] = destination.Name,
            ["description"] = Description(destination),
        };
        var party = destination.Declaration;
        if (party is { Hosts.Count: > 0 })
        {
            // A declaration names hosts, not schemes: a network-path reference ("//host") claims no more than that.
            service["endpoints"] = new JsonArray(party.Hosts.Select(h => (JsonNode?)JsonValue.Create("//" + h)).ToArray());
        }

        if (destination.Kind == SinkKind.Vendor)
        {
            service["x-trust-boundary"] = true;
        }
        else if (destination.Kind == SinkKind.Storage && party is not null)
        {
            // An approved sink lies inside the consortium's secure environment (DESIGN §3).
            service["x-trust-boundary"] = false;
        }

        service["data"] = new JsonArray(destination.Flows
            .SelectMany(f => f.Classes.Select(c => (Flow: f, Class: c)))
            .DistinctBy(x => (x.Flow.Data, x.Class, x.Flow.Verdict, x.Flow.RuleId))
            .OrderBy(x => x.Flow.Data, StringComparer.Ordinal).ThenBy(x => x.Class, StringComparer.Ordinal)
            .Select(x => (JsonNode?)new JsonObject
            {
                // Direction is relative to the service: the application sends, the vendor, sink or log receives.
                ["flow"] = "inbound",
                ["classification"] = x.Class,
                ["name"] = x.Flow.Data,
                ["description"] = Judgement(x.Flow),
            })
            .ToArray());

        var properties = new List<(string, string)> { ("mec:kind", destination.KindName) };
        if (party is not null)
        {
            properties.Add(("mec:declaration", party.Declaration));
            properties.AddRange(party.Allowed.Select(c => ("mec:approvedFor", c)));
            if (party.Contract is { } contract)
            {
                properties.Add(("mec:contract", contract));
            }

            properties.AddRange(party.Problems.Select(p => ("mec:invalidDeclaration", p)));
        }

        if (destination.Kind == SinkKind.Storage &&
            map.DataSubjectRequests.FirstOrDefault(r => string.Equals(r.Sink, destination.Name, StringComparison.OrdinalIgnoreCase)) is { } requests)
        {
            properties.AddRange(DataSubjectRequestProperties(requests));
        }

        properties.Add(("mec:verdict", destination.Verdict switch
        {
            null => "unused",
            Verdict.Violation => "violation",
            Verdict.Allowed => "allowed",
            _ => "approved",
        }));
        service["properties"] = Properties(properties);
        return service;
    }

    private static string Description(DataDestination destination)
    {
        var party = destination.Declaration;
        if (party is null)
        {
            return destination.Kind switch
            {
                SinkKind.Vendor => "A vendor no ApprovedVendor declaration names.",
                SinkKind.Storage => "Storage no ApprovedSink declaration names.",
                _ => "A log sink.",
            };
        }

        var what = party.Kind == PartyKind.Vendor ? "Vendor" : "Storage sink";
        var contract = party.Contract is null ? "" : $" under contract {party.Contract}";
        return $"{what} approved for {(party.Allowed.Count == 0 ? "nothing" : string.Join(", ", party.Allowed))}{contract} by {party.Declaration} in {party.DeclaredIn}.";
    }

    private static string Judgement(DataFlow flow) => flow.Verdict switch
    {
        Verdict.Approved => $"approved by {flow.Declaration}" + (flow.Contract is null ? "" : $", contract {flow.Contract}"),
        Verdict.Allowed => $"allowed: {flow.Detail}",
        _ => $"violation {flow.RuleId}: {flow.Detail}",
    };

    // The policy's "Updating or Removing Information" duty for one sink: who erases and corrects, how long backups keep it.
    private static IEnumerable<(string, string)> DataSubjectRequestProperties(SinkDataSubjectRequests requests)
    {
        foreach (var eraser in requests.Erasers)
        {
            yield return ("mec:eraser", MethodText(eraser));
        }

        foreach (var corrector in requests.Correctors)
        {
            yield return ("mec:corrector", MethodText(corrector));
        }

        if (requests.BackupRetentionDays is { } days)
        {
            yield return ("mec:backupRetentionDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var missing in requests.Missing)
        {
            yield return ("mec:dataSubjectRequestsMissing", missing);
        }
    }

    private static string MethodText(DataSubjectMethod method) =>
        method.Method + (method.Location is { } at ? $" ({at})" : $" ({method.Assembly})") + (method.ReachesSink ? "" : " — never reaches the sink (MEC008)");

    private static JsonArray Properties(IEnumerable<(string Name, string Value)> properties) =>
        new(properties.Select(p => (JsonNode?)new JsonObject { ["name"] = p.Name, ["value"] = p.Value }).ToArray());

    /// <summary>An RFC 4122 §4.3 version 5 (SHA-1, name-based) UUID of <paramref name="name"/> in <paramref name="space"/>.</summary>
    internal static Guid NameBasedUuid(Guid space, string name)
    {
        var spaceBytes = space.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. spaceBytes, .. nameBytes]);
        var uuid = hash.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
