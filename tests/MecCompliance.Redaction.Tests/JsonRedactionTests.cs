using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CsCheck;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace MecCompliance.Redaction.Tests;

public sealed class Patron
{
    [PatronRecord]
    public string CardNumber { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";

    public int VisitCount { get; set; }

    [PersonalData]
    public Address? Home { get; set; }

    [PatronRecord]
    public List<string> RecentSearches { get; set; } = [];
}

public sealed class Address
{
    public string Street { get; set; } = "";
}

[PatronRecord]
public sealed class Loan
{
    public string Title { get; set; } = "";

    public DateTime Due { get; set; }
}

public sealed class Household
{
    public string Name { get; set; } = "";

    public Patron? Head { get; set; }

    public List<Loan> Loans { get; set; } = [];
}

public sealed record HoldRequest([property: JsonPropertyName("card")][PatronRecord] string CardNumber, string Branch);

[OrganizationalData]
public sealed class Branch
{
    public string Name { get; set; } = "";

    public int Shelves { get; set; }

    [PersonalData]
    public string Manager { get; set; } = "";
}

public sealed class PatronNotes
{
    [PersonalData]
    public DateTime? BirthDate { get; set; }

    [PatronRecord]
    public Dictionary<string, string> Notes { get; set; } = [];

    public object? Attachment { get; set; }
}

[JsonSerializable(typeof(Patron))]
internal sealed partial class PatronJsonContext : JsonSerializerContext;

public sealed class JsonRedactionTests
{
    private static readonly JsonSerializerOptions Marking = new JsonSerializerOptions().WithMecRedaction(new MarkingRedactorProvider());

    private static JsonNode Write<T>(T value, JsonSerializerOptions options) =>
        JsonNode.Parse(JsonSerializer.Serialize(value, options))!;

    private static Patron Ada() => new()
    {
        CardNumber = "21234000998877",
        Email = "ada@example.org",
        VisitCount = 12,
        Home = new Address { Street = "1 Library Lane" },
        RecentSearches = ["divorce law", "chemotherapy"],
    };

    [Fact]
    public void Member_level_classifications_are_redacted_by_their_class_and_unclassified_members_kept()
    {
        var json = Write(Ada(), Marking);

        Assert.Equal("<PatronRecord>", (string?)json["CardNumber"]);
        Assert.Equal("<PersonalData>", (string?)json["Email"]);
        Assert.Equal(12, (int?)json["VisitCount"]);
    }

    [Fact]
    public void Without_redaction_the_same_object_shows_every_value()
    {
        var json = JsonSerializer.Serialize(Ada());

        Assert.Contains("21234000998877", json, StringComparison.Ordinal);
        Assert.Contains("1 Library Lane", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_classified_collection_is_redacted_element_by_element()
    {
        var json = Write(Ada(), Marking);

        Assert.Equal(["<PatronRecord>", "<PatronRecord>"], json["RecentSearches"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void A_classified_object_member_becomes_one_redacted_value()
    {
        var json = Write(Ada(), Marking);

        Assert.Equal("<PersonalData>", (string?)json["Home"]);
    }

    [Fact]
    public void Every_member_of_a_classified_type_is_redacted_also_when_nested_in_collections()
    {
        var household = new Household
        {
            Name = "Lovelace",
            Head = Ada(),
            Loans = [new Loan { Title = "Sketch of the Analytical Engine", Due = new DateTime(2026, 12, 1) }],
        };

        var json = Write(household, Marking);

        Assert.Equal("Lovelace", (string?)json["Name"]);
        Assert.Equal("<PatronRecord>", (string?)json["Head"]!["CardNumber"]);
        Assert.Equal("<PatronRecord>", (string?)json["Loans"]![0]!["Title"]);
        Assert.Equal("<PatronRecord>", (string?)json["Loans"]![0]!["Due"]);
    }

    [Fact]
    public void A_positional_record_parameter_classification_is_honoured()
    {
        var json = Write(new HoldRequest("21234000998877", "Macon"), Marking);

        Assert.Equal("<PatronRecord>", (string?)json["card"]);
        Assert.Equal("Macon", (string?)json["Branch"]);
    }

    [Fact]
    public void Organizational_data_passes_through_with_its_json_type_but_a_second_classification_makes_a_combination()
    {
        var json = Write(new Branch { Name = "Kirksville", Shelves = 40, Manager = "Mary" }, Marking);

        Assert.Equal("Kirksville", (string?)json["Name"]);
        Assert.Equal(40, (int?)json["Shelves"]);
        Assert.Equal("<other>", (string?)json["Manager"]);
    }

    [Fact]
    public void Null_members_stay_null_and_ignore_conditions_still_apply()
    {
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }
            .WithMecRedaction(new MarkingRedactorProvider());

        var json = Write(new Patron { CardNumber = "1", Home = null }, options);

        Assert.False(json.AsObject().ContainsKey("Home"));
        Assert.Equal("<PatronRecord>", (string?)json["CardNumber"]);
    }

    [Fact]
    public void Nullable_scalars_and_dictionaries_are_redacted_and_a_classified_object_behind_object_too()
    {
        var notes = new PatronNotes
        {
            BirthDate = new DateTime(1815, 12, 10),
            Notes = new() { ["reading"] = "poetry" },
            Attachment = new Loan { Title = "Notes on the Engine" },
        };

        var json = Write(notes, Marking);

        Assert.Equal("<PersonalData>", (string?)json["BirthDate"]);
        Assert.Equal("<PatronRecord>", (string?)json["Notes"]);
        Assert.Equal("<PatronRecord>", (string?)json["Attachment"]!["Title"]);
        Assert.Null(Write(new PatronNotes(), Marking)["BirthDate"]);
    }

    [Fact]
    public void The_original_options_are_left_unchanged()
    {
        var original = new JsonSerializerOptions();
        _ = original.WithMecRedaction(new MarkingRedactorProvider());

        Assert.Contains("ada@example.org", JsonSerializer.Serialize(Ada(), original), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_generated_context_is_redacted_too()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = PatronJsonContext.Default }
            .WithMecRedaction(new MarkingRedactorProvider());

        var json = Write(Ada(), options);

        Assert.Equal("<PatronRecord>", (string?)json["CardNumber"]);
        Assert.Equal(12, (int?)json["VisitCount"]);
    }

    [Fact]
    public void With_the_registered_redactors_patron_records_are_erased_and_personal_data_tokenized()
    {
        var services = new ServiceCollection();
        services.AddMecCompliance(o => { o.HmacKey = TestServices.Key; o.HmacKeyId = 2; });
        using var provider = services.BuildServiceProvider();
        var options = new JsonSerializerOptions().WithMecRedaction(provider.GetRequiredService<IRedactorProvider>());

        var json = Write(Ada(), options);

        Assert.Equal(string.Empty, (string?)json["CardNumber"]);
        Assert.Equal(UpstreamHmac.Redactor(TestServices.Key, 2).Redact("ada@example.org"), (string?)json["Email"]);
    }

    [Fact]
    public void Serialized_output_never_contains_a_classified_input()
    {
        var services = new ServiceCollection();
        services.AddMecCompliance(o => o.HmacKey = TestServices.Key);
        using var provider = services.BuildServiceProvider();
        var options = new JsonSerializerOptions().WithMecRedaction(provider.GetRequiredService<IRedactorProvider>());
        var text = Gen.String[Gen.Char.AlphaNumeric, 4, 40];

        Gen.Select(text, text, text).Sample((card, email, search) =>
        {
            var json = JsonSerializer.Serialize(new Patron { CardNumber = card, Email = email, RecentSearches = [search] }, options);
            return !json.Contains(card, StringComparison.Ordinal) && !json.Contains(email, StringComparison.Ordinal) &&
                   !json.Contains(search, StringComparison.Ordinal);
        }, iter: 500);
    }
}
