using System.Text;
using MecCompliance.Cli.Exports;
using MecCompliance.Cli.Report;
using YamlDotNet.Serialization;

namespace MecCompliance.Cli.Writers;

/// <summary>
/// The data map as fideslang resources (YAML), for privacy teams that keep their records in Fides: the analysed code is a
/// <c>system</c> whose <c>privacy_declarations</c> say which data categories go to which vendor, sink or log, with
/// <c>egress</c> to a <c>system</c> per vendor and a <c>dataset</c> per storage sink holding the classified fields it
/// stores. MEC classes become fideslang data categories through <see cref="FidesDataCategories"/>.
/// </summary>
internal static class FidesReportWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static void Write(DataMap map, TextWriter output)
    {
        var destinations = DataDestination.Of(map);
        var application = Path.GetFileNameWithoutExtension(map.Target);
        var systems = new List<object> { ApplicationSystem(map, application, destinations) };
        systems.AddRange(destinations.Where(d => d.Kind == SinkKind.Vendor).Select(VendorSystem));
        var document = new OrderedDictionary<string, object?>
        {
            ["system"] = systems,
            ["dataset"] = destinations.Where(d => d.Kind == SinkKind.Storage).Select(d => Dataset(d, map)).ToList(),
        };

        output.WriteLine($"# fideslang resources for {map.Target}, written by mec report (MecCompliance).");
        output.WriteLine("# MEC classes map to data categories as README \"Standard exports\" says; review data_use before importing.");
        output.Write(Yaml.Serialize(document));
    }

    private static OrderedDictionary<string, object?> ApplicationSystem(DataMap map, string application, IReadOnlyList<DataDestination> destinations)
    {
        var reached = destinations.Where(d => d.Flows.Count > 0).ToList();
        var system = new OrderedDictionary<string, object?>
        {
            ["fides_key"] = Key(application),
            ["name"] = application,
            ["description"] = $"{string.Join(", ", map.Projects)}: where classified data flows, mapped from the code by MecCompliance. {map.VerdictText}",
            ["system_type"] = "Service",
            ["meta"] = new OrderedDictionary<string, object?>
            {
                ["mec_target"] = map.Target,
                ["mec_verdict"] = map.VerdictText,
                // The mapping this file used, per MEC class: what a reviewer needs to read the categories back.
                ["mec_classes"] = ClassCategories(map),
            },
            // Every vendor is a system and every sink a dataset of this file, so each egress resolves; a log is the system's own.
            ["egress"] = reached.Where(d => d.Kind != SinkKind.Log).Select(d => new OrderedDictionary<string, object?>
            {
                ["fides_key"] = KeyOf(d),
                ["type"] = d.Kind == SinkKind.Storage ? "dataset" : "system",
                ["data_categories"] = Categories(d, map),
            }).ToList(),
            ["privacy_declarations"] = reached.Select(d => Declaration(d, map)).OrderBy(d => (string)d["name"]!, StringComparer.Ordinal).ToList(),
            ["processes_personal_data"] = map.ClassifiedMembers.SelectMany(m => m.Classes).Any(c => c != "OrganizationalData"),
        };
        return system;
    }

    private static OrderedDictionary<string, object?> Declaration(DataDestination destination, DataMap map)
    {
        var categories = Categories(destination, map);
        var declaration = new OrderedDictionary<string, object?>
        {
            ["name"] = $"{Verb(destination)} {destination.Name} ({Judgement(destination)})",
            ["data_categories"] = categories,
            ["data_use"] = destination.Kind switch
            {
                SinkKind.Vendor => "third_party_sharing",
                SinkKind.Storage => "essential.service",
                _ => "essential.service.operations",
            },
            ["data_subjects"] = FidesDataCategories.SubjectsOf(destination.Classes),
        };
        if (destination.Kind == SinkKind.Storage)
        {
            declaration["dataset_references"] = new[] { KeyOf(destination) };
        }

        if (destination.Kind != SinkKind.Log)
        {
            declaration["egress"] = new[] { KeyOf(destination) };
        }

        if (destination.Kind == SinkKind.Vendor)
        {
            declaration["data_shared_with_third_parties"] = true;
            declaration["third_parties"] = destination.Name;
            declaration["shared_categories"] = categories;
        }

        return declaration;
    }

    private static OrderedDictionary<string, object?> VendorSystem(DataDestination vendor)
    {
        var party = vendor.Declaration;
        var meta = new OrderedDictionary<string, object?> { ["mec_verdict"] = Judgement(vendor) };
        if (party is not null)
        {
            meta["mec_declaration"] = party.Declaration;
            meta["mec_approved_for"] = party.Allowed.ToList();
            meta["mec_hosts"] = party.Hosts.ToList();
            if (party.Contract is { } contract)
            {
                meta["mec_contract"] = contract;
            }

            if (party.Problems.Count > 0)
            {
                meta["mec_invalid_declaration"] = party.Problems.ToList();
            }
        }

        meta["mec_receives"] = vendor.Classes.ToList();
        return new OrderedDictionary<string, object?>
        {
            ["fides_key"] = KeyOf(vendor),
            ["name"] = vendor.Name,
            ["description"] = party is null
                ? "A vendor that no ApprovedVendor declaration names; the build reports what reaches it (MEC002)."
                : $"Vendor approved for {List(party.Allowed)}" + (party.Contract is null ? "" : $" under contract {party.Contract}") + $" by {party.Declaration}; hosts: {List(party.Hosts)}.",
            ["system_type"] = "Third Party",
            ["meta"] = meta,
            ["privacy_declarations"] = new List<object>(),
        };
    }

    private static OrderedDictionary<string, object?> Dataset(DataDestination sink, DataMap map)
    {
        var party = sink.Declaration;
        var collections = new SortedDictionary<string, StoredCollection>(StringComparer.Ordinal);
        foreach (var flow in sink.Flows)
        {
            foreach (var item in DataItem.In(flow.Data))
            {
                var name = item.Type ?? item.Text;
                if (!collections.TryGetValue(name, out var collection))
                {
                    collections[name] = collection = new StoredCollection();
                }

                var members = item.MembersIn(map).ToList();
                foreach (var member in members)
                {
                    collection.AddField(member.Name[(member.Name.LastIndexOf('.') + 1)..], member.Classes);
                }

                if (item is { Type: not null, Member: { } field })
                {
                    collection.AddField(field, flow.Classes);
                }
                else if (members.Count == 0)
                {
                    // A whole value with no classified member to name (a classified type, a parameter): the collection carries it.
                    collection.Categories.UnionWith(flow.Classes.Select(c => FidesDataCategories.For(c, item.Member ?? item.Type ?? item.Text)));
                }
            }
        }

        return new OrderedDictionary<string, object?>
        {
            ["fides_key"] = KeyOf(sink),
            ["name"] = sink.Name,
            ["description"] = party is null
                ? "Storage that no ApprovedSink declaration names; the build reports what reaches it (MEC003)."
                : $"Storage sink approved for {List(party.Allowed)} by {party.Declaration} in {party.DeclaredIn}.",
            ["meta"] = new OrderedDictionary<string, object?>
            {
                ["mec_verdict"] = Judgement(sink),
                ["mec_approved_for"] = party?.Allowed.ToList() ?? [],
                ["mec_receives"] = sink.Classes.ToList(),
                ["mec_data_subject_requests"] = DataSubjectRequests(sink, map),
            },
            ["collections"] = collections.Select(c => c.Value.ToYaml(c.Key)).ToList(),
        };
    }

    // The policy's "Updating or Removing Information" duty for the sink, in the dataset's free-form meta.
    private static OrderedDictionary<string, object?>? DataSubjectRequests(DataDestination sink, DataMap map)
    {
        if (map.DataSubjectRequests.FirstOrDefault(r => string.Equals(r.Sink, sink.Name, StringComparison.OrdinalIgnoreCase)) is not { } requests)
        {
            return null;
        }

        static string Text(DataSubjectMethod m) => m.Method + (m.Location is { } at ? $" ({at})" : $" ({m.Assembly})") + (m.ReachesSink ? "" : " (never reaches the sink: MEC008)");
        return new OrderedDictionary<string, object?>
        {
            ["erasers"] = requests.Erasers.Select(Text).ToList(),
            ["correctors"] = requests.Correctors.Select(Text).ToList(),
            ["backup_retention_days"] = requests.BackupRetentionDays,
            ["missing"] = requests.Missing.ToList(),
        };
    }

    /// <summary>A dataset collection as the flows fill it: a stored type, its classified fields, and the categories of values stored whole.</summary>
    private sealed class StoredCollection
    {
        private readonly SortedDictionary<string, (IReadOnlyList<string> Classes, SortedSet<string> Categories)> _fields = new(StringComparer.Ordinal);

        public SortedSet<string> Categories { get; } = new(StringComparer.Ordinal);

        public void AddField(string name, IReadOnlyList<string> classes)
        {
            var (known, categories) = _fields.TryGetValue(name, out var field) ? field : ([], new SortedSet<string>(StringComparer.Ordinal));
            categories.UnionWith(classes.Select(c => FidesDataCategories.For(c, name)));
            _fields[name] = (DataClasses.Ordered(known.Concat(classes)), categories);
        }

        public OrderedDictionary<string, object?> ToYaml(string name)
        {
            var collection = new OrderedDictionary<string, object?> { ["name"] = name };
            if (Categories.Count > 0)
            {
                collection["data_categories"] = Categories.ToList();
            }

            collection["fields"] = _fields.Select(f => new OrderedDictionary<string, object?>
            {
                ["name"] = f.Key,
                ["description"] = $"{string.Join(", ", f.Value.Classes)}: {name}.{f.Key}",
                ["data_categories"] = f.Value.Categories.ToList(),
            }).ToList();
            return collection;
        }
    }

    private static List<string> Categories(DataDestination destination, DataMap map) =>
        destination.Flows.SelectMany(f => FidesDataCategories.Of(f, map)).Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToList();

    private static OrderedDictionary<string, object?> ClassCategories(DataMap map)
    {
        var pairs = map.Flows.SelectMany(f => FidesDataCategories.Of(f, map))
            .Concat(map.ClassifiedMembers.SelectMany(m => m.Classes.Select(c => (Class: c, Category: FidesDataCategories.For(c, m.Name[(m.Name.LastIndexOf('.') + 1)..])))))
            .ToList();
        var classes = new OrderedDictionary<string, object?>();
        foreach (var dataClass in DataClasses.Ordered(pairs.Select(p => p.Class)))
        {
            classes[dataClass] = pairs.Where(p => p.Class == dataClass).Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        }

        return classes;
    }

    private static string Verb(DataDestination destination) => destination.Kind switch
    {
        SinkKind.Vendor => "Send to vendor",
        SinkKind.Storage => "Store in",
        _ => "Write to log",
    };

    private static string Judgement(DataDestination destination)
    {
        var party = destination.Declaration;
        return destination.Verdict switch
        {
            null => "declared, unused",
            Verdict.Violation => "violation " + string.Join(", ", destination.Flows.Where(f => f.Verdict == Verdict.Violation).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)),
            Verdict.Allowed => "allowed by the policy",
            _ => $"approved by {party?.Declaration}" + (party?.Contract is { } contract ? $", contract {contract}" : ""),
        };
    }

    private static string KeyOf(DataDestination destination) => Key($"{destination.KindName}_{destination.Name}");

    /// <summary>A fides key (letters, digits, '.', '_', '-', '&lt;', '&gt;') for a name: other characters become '_', runs of them one.</summary>
    internal static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '<' or '>';
            if (valid)
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '_')
            {
                key.Append('_');
            }
        }

        return key.ToString().TrimEnd('_') is { Length: > 0 } text ? text : "_";
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "nothing" : string.Join(", ", items);
}
