using System.Text.Json;
using System.Text.RegularExpressions;
using MecCompliance.Cli.Exports;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;
using YamlDotNet.Serialization;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// The CycloneDX and fideslang exports of a sample's data map: each parses, has the structure its specification
/// requires, and carries every vendor, sink and class of the data map. Run on both samples.
/// </summary>
public abstract partial class StandardExportTests(SampleReport report)
{
    private DataMap Map => report.Map;

    // Vendors and sinks as the data map knows them: declared, or reached by a flow without a declaration.
    private IEnumerable<string> Vendors => Map.Parties.Where(p => p.Kind == PartyKind.Vendor).Select(p => p.Name)
        .Concat(Map.Flows.Where(f => f.Kind == SinkKind.Vendor).Select(f => f.Sink)).Distinct(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<string> Sinks => Map.Parties.Where(p => p.Kind == PartyKind.Sink).Select(p => p.Name)
        .Concat(Map.Flows.Where(f => f.Kind == SinkKind.Storage).Select(f => f.Sink)).Distinct(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<string> Classes => Map.ClassifiedMembers.SelectMany(m => m.Classes).Concat(Map.Flows.SelectMany(f => f.Classes)).Distinct();

    // --- CycloneDX 1.6 (bom-1.6.schema.json) ---

    [Fact]
    public void CycloneDx_has_the_bom_fields_the_1_6_schema_requires()
    {
        using var bom = CycloneDx();
        var root = bom.RootElement;

        Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.Matches(SerialNumberPattern(), root.GetProperty("serialNumber").GetString());
        Assert.True(root.GetProperty("version").GetInt32() >= 1);
        var component = root.GetProperty("metadata").GetProperty("component");
        Assert.Equal(("application", Path.GetFileNameWithoutExtension(Map.Target)), (component.GetProperty("type").GetString(), component.GetProperty("name").GetString()));
        Assert.Equal("mec", root.GetProperty("metadata").GetProperty("tools").GetProperty("components")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void CycloneDx_services_and_data_entries_keep_to_the_schema()
    {
        using var bom = CycloneDx();
        var services = Services(bom).ToList();

        Assert.NotEmpty(services);
        Assert.Equal(services.Count, services.Select(s => s.GetProperty("bom-ref").GetString()).Distinct().Count());
        foreach (var service in services)
        {
            // The schema's service and serviceData objects allow no other properties (additionalProperties: false).
            Assert.All(service.EnumerateObject(), p => Assert.Contains(p.Name, ServiceProperties));
            Assert.False(string.IsNullOrEmpty(service.GetProperty("name").GetString()));
            foreach (var data in service.GetProperty("data").EnumerateArray())
            {
                Assert.All(data.EnumerateObject(), p => Assert.Contains(p.Name, ServiceDataProperties));
                Assert.Contains(data.GetProperty("flow").GetString(), DataFlowDirections);
                Assert.False(string.IsNullOrEmpty(data.GetProperty("classification").GetString()));
            }

            Assert.All(service.GetProperty("properties").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString())));
        }
    }

    [Fact]
    public void CycloneDx_has_a_service_for_every_vendor_with_its_hosts_as_endpoints_and_its_contract()
    {
        using var bom = CycloneDx();

        foreach (var vendor in Vendors)
        {
            var service = Assert.Single(Services(bom), s => s.GetProperty("name").GetString() == vendor);
            Assert.Equal("vendor", Property(service, "mec:kind"));
            Assert.True(service.GetProperty("x-trust-boundary").GetBoolean());
            if (Map.Parties.SingleOrDefault(p => p.Kind == PartyKind.Vendor && p.Name == vendor) is { } party)
            {
                Assert.Equal(party.Hosts.Select(h => "//" + h), service.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal(party.Contract, Property(service, "mec:contract"));
                Assert.Equal(party.Allowed, Properties(service, "mec:approvedFor"));
            }
            else
            {
                Assert.False(service.TryGetProperty("endpoints", out _));
                Assert.Null(Property(service, "mec:declaration"));
            }
        }
    }

    [Fact]
    public void CycloneDx_has_a_service_for_every_sink()
    {
        using var bom = CycloneDx();

        foreach (var sink in Sinks)
        {
            var service = Assert.Single(Services(bom), s => s.GetProperty("name").GetString() == sink);
            Assert.Equal("sink", Property(service, "mec:kind"));
            var declared = Map.Parties.Any(p => p.Kind == PartyKind.Sink && p.Name == sink);
            Assert.Equal(declared ? $"ApprovedSink(\"{sink}\")" : null, Property(service, "mec:declaration"));
        }
    }

    [Fact]
    public void CycloneDx_lists_every_flow_as_inbound_data_of_its_target_for_each_class()
    {
        using var bom = CycloneDx();

        foreach (var flow in Map.Flows.Where(f => f.Kind != SinkKind.UnclassifiedMember))
        {
            var service = Assert.Single(Services(bom), s => s.GetProperty("name").GetString() == flow.Sink);
            var data = service.GetProperty("data").EnumerateArray().Where(d => d.GetProperty("name").GetString() == flow.Data).ToList();
            Assert.All(data, d => Assert.Equal("inbound", d.GetProperty("flow").GetString()));
            Assert.Equal(flow.Classes.Order(), data.Select(d => d.GetProperty("classification").GetString()).Distinct().Order());
        }
    }

    [Fact]
    public void CycloneDx_carries_every_class_of_the_data_map()
    {
        using var bom = CycloneDx();
        var classifications = Services(bom).SelectMany(s => s.GetProperty("data").EnumerateArray()).Select(d => d.GetProperty("classification").GetString()).ToHashSet();
        var members = Properties(bom.RootElement.GetProperty("metadata").GetProperty("component"), "mec:classifiedMember").ToList();

        foreach (var dataClass in Classes)
        {
            Assert.True(classifications.Contains(dataClass) || members.Any(m => m!.EndsWith(dataClass, StringComparison.Ordinal)), $"{dataClass} is missing");
        }

        Assert.Equal(Map.ClassifiedMembers.Select(m => $"{m.Name} ({m.Kind}): {string.Join(", ", m.Classes)}"), members);
    }

    [Fact]
    public void CycloneDx_is_reproducible_and_its_serial_number_follows_the_content()
    {
        var first = Render(ReportFormat.CycloneDx);
        var again = Render(ReportFormat.CycloneDx);
        var changed = Render(ReportFormat.CycloneDx, Map with { Flows = Map.Flows.Skip(1).ToList() });

        Assert.Equal(first, again);
        using var a = JsonDocument.Parse(first);
        using var b = JsonDocument.Parse(changed);
        Assert.NotEqual(a.RootElement.GetProperty("serialNumber").GetString(), b.RootElement.GetProperty("serialNumber").GetString());
    }

    // --- fideslang (System, PrivacyDeclaration, DataFlow, Dataset models) ---

    [Fact]
    public void Fides_parses_as_system_and_dataset_resources_with_the_fields_fideslang_requires()
    {
        var fides = Fides();
        var systems = List(fides["system"]);
        var datasets = List(fides["dataset"]);

        var keys = systems.Concat(datasets).Select(r => (string)r["fides_key"]).ToList();
        Assert.All(keys, k => Assert.Matches(FidesKeyPattern(), k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var system in systems)
        {
            Assert.False(string.IsNullOrEmpty((string)system["system_type"]));
            var egress = system.TryGetValue("egress", out var flows) ? List(flows) : [];
            Assert.All(egress, e => Assert.Contains((string)e["type"], new[] { "system", "dataset" }));
            Assert.All(egress, e => Assert.Contains((string)e["fides_key"], keys));
            foreach (var declaration in List(system["privacy_declarations"]))
            {
                Assert.NotEmpty(Strings(declaration["data_categories"]));
                Assert.Matches(FidesKeyPattern(), (string)declaration["data_use"]);
                // fideslang's System validator: a declaration's egress names only the system's own egress entries.
                var declared = declaration.TryGetValue("egress", out var names) ? Strings(names) : [];
                Assert.All(declared, name => Assert.Contains(name, egress.Select(e => (string)e["fides_key"])));
            }
        }

        Assert.All(datasets, d => Assert.All(List(d["collections"]), c => Assert.NotNull(c["fields"])));
    }

    [Fact]
    public void Fides_has_a_system_for_every_vendor_and_the_service_egresses_to_each_one_that_receives_data()
    {
        var fides = Fides();
        var systems = List(fides["system"]);
        var application = systems[0];
        var egress = application.TryGetValue("egress", out var flows) ? List(flows) : [];

        foreach (var vendor in Vendors)
        {
            var system = Assert.Single(systems, s => (string)s["name"] == vendor);
            Assert.Equal("Third Party", (string)system["system_type"]);
            var receives = Map.Flows.Any(f => f.Kind == SinkKind.Vendor && f.Sink == vendor);
            Assert.Equal(receives, egress.Any(e => (string)e["fides_key"] == (string)system["fides_key"] && (string)e["type"] == "system"));
            if (Map.Parties.SingleOrDefault(p => p.Kind == PartyKind.Vendor && p.Name == vendor) is { Contract: { } contract })
            {
                Assert.Equal(contract, (string)Dictionary(system["meta"])["mec_contract"]);
            }
        }
    }

    [Fact]
    public void Fides_has_a_dataset_for_every_sink_with_the_classified_fields_it_stores()
    {
        var datasets = List(Fides()["dataset"]);

        foreach (var sink in Sinks)
        {
            var dataset = Assert.Single(datasets, d => (string)d["name"] == sink);
            var fields = List(dataset["collections"]).SelectMany(c => List(c["fields"]).Select(f => $"{c["name"]}.{f["name"]}")).ToList();
            var stored = Map.Flows.Where(f => f.Kind == SinkKind.Storage && f.Sink == sink).SelectMany(f => DataItem.In(f.Data)).ToList();
            foreach (var member in stored.SelectMany(item => item.MembersIn(Map)))
            {
                Assert.Contains(member.Name, fields);
            }

            foreach (var item in stored.Where(i => i is { Type: not null, Member: not null }))
            {
                Assert.Contains($"{item.Type}.{item.Member}", fields);
            }
        }
    }

    [Fact]
    public void Fides_maps_every_class_of_the_data_map_to_default_taxonomy_categories()
    {
        var fides = Fides();
        var application = List(fides["system"])[0];
        var classes = Dictionary(Dictionary(application["meta"])["mec_classes"]);

        foreach (var dataClass in Classes)
        {
            Assert.NotEmpty(Strings(classes[dataClass]));
        }

        var used = List(application["privacy_declarations"]).SelectMany(d => Strings(d["data_categories"]))
            .Concat(classes.Values.SelectMany(Strings))
            .Concat(List(fides["dataset"]).SelectMany(d => List(d["collections"])).SelectMany(c => List(c["fields"])).SelectMany(f => Strings(f["data_categories"])));
        Assert.All(used, category => Assert.Contains(category, FidesDefaultUserCategories));
    }

    [Fact]
    public void Both_exports_carry_each_sinks_erasers_correctors_backup_retention_and_what_is_missing()
    {
        Assert.NotEmpty(Map.DataSubjectRequests);
        using var bom = CycloneDx();
        var datasets = List(Fides()["dataset"]);

        foreach (var requests in Map.DataSubjectRequests)
        {
            var service = Assert.Single(Services(bom), s => s.GetProperty("name").GetString() == requests.Sink);
            Assert.Equal(requests.Erasers.Select(e => e.Method), Properties(service, "mec:eraser").Select(p => p![..p!.IndexOf(" (", StringComparison.Ordinal)]));
            Assert.Equal(requests.Correctors.Select(e => e.Method), Properties(service, "mec:corrector").Select(p => p![..p!.IndexOf(" (", StringComparison.Ordinal)]));
            Assert.Equal(requests.BackupRetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture), Property(service, "mec:backupRetentionDays"));
            Assert.Equal(requests.Missing, Properties(service, "mec:dataSubjectRequestsMissing"));

            var dataset = Assert.Single(datasets, d => (string)d["name"] == requests.Sink);
            var meta = Dictionary(Dictionary(dataset["meta"])["mec_data_subject_requests"]);
            Assert.Equal(requests.Erasers.Count, ((List<object>)meta["erasers"]).Count);
            Assert.Equal(requests.Missing, Strings(meta["missing"]));
        }
    }

    // The keys of service and serviceData in bom-1.6.schema.json, and its dataFlowDirection enumeration.
    private static readonly string[] ServiceProperties =
        ["bom-ref", "provider", "group", "name", "version", "description", "endpoints", "authenticated", "x-trust-boundary", "trustZone", "data", "licenses", "externalReferences", "services", "releaseNotes", "properties", "tags", "signature"];

    private static readonly string[] ServiceDataProperties = ["flow", "classification", "name", "description", "governance", "source", "destination"];

    private static readonly string[] DataFlowDirections = ["inbound", "outbound", "bi-directional", "unknown"];

    // The user-data categories of fideslang's default taxonomy (data_categories), as far as this mapping may use them.
    private static readonly string[] FidesDefaultUserCategories =
    [
        "user", "user.unique_id", "user.name", "user.name.first", "user.name.last", "user.contact", "user.contact.email", "user.contact.phone_number",
        "user.contact.address", "user.contact.address.street", "user.contact.address.city", "user.contact.address.postal_code", "user.contact.organization",
        "user.demographic.date_of_birth", "user.government_id.national_identification_number", "user.behavior", "user.behavior.media_consumption",
        "user.behavior.search_history",
    ];

    [GeneratedRegex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex SerialNumberPattern();

    [GeneratedRegex("^[a-zA-Z0-9_.<>-]+$")]
    private static partial Regex FidesKeyPattern();

    private JsonDocument CycloneDx() => JsonDocument.Parse(Render(ReportFormat.CycloneDx));

    private Dictionary<object, object> Fides() => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(Render(ReportFormat.Fides));

    private string Render(ReportFormat format, DataMap? map = null)
    {
        var output = new StringWriter();
        ReportWriters.Write(map ?? Map, format, output);
        return output.ToString();
    }

    private static IEnumerable<JsonElement> Services(JsonDocument bom) => bom.RootElement.GetProperty("services").EnumerateArray();

    private static string? Property(JsonElement element, string name) => Properties(element, name).SingleOrDefault();

    private static IEnumerable<string?> Properties(JsonElement element, string name) =>
        element.GetProperty("properties").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString());

    private static List<Dictionary<object, object>> List(object node) => ((List<object>)node).Cast<Dictionary<object, object>>().ToList();

    private static Dictionary<object, object> Dictionary(object node) => (Dictionary<object, object>)node;

    private static List<string> Strings(object node) => ((List<object>)node).Cast<string>().ToList();
}

[Collection(ViolationsSampleCollection.Name)]
public sealed class ViolationsSampleExportTests(ViolationsSampleReport report) : StandardExportTests(report);

[Collection(CleanSampleCollection.Name)]
public sealed class CleanSampleExportTests(CleanSampleReport report) : StandardExportTests(report);
