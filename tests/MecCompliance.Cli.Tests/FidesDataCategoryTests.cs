using MecCompliance.Cli.Exports;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Tests;

/// <summary>How MEC classes become fideslang data categories, and the command line that asks for the exports.</summary>
public sealed class FidesDataCategoryTests
{
    [Theory]
    [InlineData("PersonalData", "Email", "user.contact.email")]
    [InlineData("PersonalData", "EmailAddress", "user.contact.email")]
    [InlineData("PersonalData", "Phone", "user.contact.phone_number")]
    [InlineData("PersonalData", "FirstName", "user.name.first")]
    [InlineData("PersonalData", "Surname", "user.name.last")]
    [InlineData("PersonalData", "Name", "user.name")]
    [InlineData("PersonalData", "BirthDate", "user.demographic.date_of_birth")]
    [InlineData("PersonalData", "HomeAddress", "user.contact.address")]
    [InlineData("PatronRecord", "CardNumber", "user.unique_id")]
    [InlineData("PatronRecord", "cardNumber", "user.unique_id")]
    [InlineData("PatronRecord", "SearchTerms", "user.behavior.search_history")]
    [InlineData("PatronRecord", "Email", "user.contact.email")]
    public void Member_name_says_what_the_data_is(string dataClass, string name, string category)
    {
        Assert.Equal(category, FidesDataCategories.For(dataClass, name));
    }

    [Theory]
    [InlineData("PatronRecord", "Loan", "user.behavior.media_consumption")]
    [InlineData("PatronRecord", "EbookCheckoutRequest", "user.behavior.media_consumption")]
    [InlineData("PersonalData", "Notes", "user")]
    [InlineData("GdprPersonalData", "Notes", "user")]
    public void Without_a_telling_name_the_class_decides(string dataClass, string name, string category)
    {
        Assert.Equal(category, FidesDataCategories.For(dataClass, name));
    }

    [Theory]
    [InlineData("Address")]
    [InlineData("Phone")]
    [InlineData("Name")]
    public void Organizational_data_is_the_organization_even_where_its_name_sounds_personal(string name)
    {
        Assert.Equal("user.contact.organization", FidesDataCategories.For("OrganizationalData", name));
    }

    [Fact]
    public void Whole_object_carries_the_categories_of_its_classified_members()
    {
        var members = new[]
        {
            new ClassifiedMember("P", "Patron.CardNumber", "property", ["PatronRecord"], new SourcePoint("Patron.cs", 3, 5)),
            new ClassifiedMember("P", "Patron.Email", "property", ["PersonalData"], new SourcePoint("Patron.cs", 4, 5)),
            new ClassifiedMember("P", "Patron.Address.Street", "property", ["PersonalData"], new SourcePoint("Patron.cs", 5, 5)),
        };
        var flow = new DataFlow("P", "Patron object", ["PatronRecord", "PersonalData"], SinkKind.Storage, "PatronDb", Verdict.Approved, null, null, null, "", new SourcePoint("Desk.cs", 1, 1));
        var map = new DataMap("P.csproj", ["P"], members, [flow], [], []);

        var categories = FidesDataCategories.Of(flow, map);

        // Patron.Address.Street belongs to the Address type's data, not to Patron's own members.
        Assert.Equal([("PersonalData", "user.contact.email"), ("PatronRecord", "user.unique_id")], categories);
    }

    [Theory]
    [InlineData("Patron.CardNumber", "Patron", "CardNumber")]
    [InlineData("Patron object", "Patron", null)]
    [InlineData("Dictionary<string, Patron> object", "Dictionary<string, Patron>", null)]
    [InlineData("parameter 'cardNumber'", null, "cardNumber")]
    [InlineData("Patron.Describe()", "Patron", "Describe")]
    [InlineData("anonymous object", null, null)]
    public void Data_names_of_the_map_are_read_back_as_type_and_member(string text, string? type, string? member)
    {
        var item = Assert.Single(DataItem.In(text));

        Assert.Equal((type, member), (item.Type, item.Member));
    }

    [Fact]
    public void Several_sources_of_one_flow_are_split_outside_generic_brackets()
    {
        Assert.Equal(["Patron.Email", "Dictionary<string, Patron> object"], DataItem.In("Patron.Email, Dictionary<string, Patron> object").Select(i => i.Text));
    }

    [Theory]
    [InlineData("Kanopy (undeclared)", "Kanopy_undeclared")]
    [InlineData("vendor_api.readingstats.example (undeclared)", "vendor_api.readingstats.example_undeclared")]
    [InlineData("PatronDb", "PatronDb")]
    public void Fides_keys_keep_only_the_characters_fideslang_allows(string name, string key)
    {
        Assert.Equal(key, FidesReportWriter.Key(name));
    }

    [Theory]
    [InlineData(new[] { "report", "x", "--format", "cyclonedx" }, ReportFormat.CycloneDx)]
    [InlineData(new[] { "report", "x", "--out", "bom.cdx.json" }, ReportFormat.CycloneDx)]
    [InlineData(new[] { "report", "x", "--out", "bom.json" }, ReportFormat.Json)]
    [InlineData(new[] { "report", "x", "--format", "fides" }, ReportFormat.Fides)]
    [InlineData(new[] { "report", "x", "-o", "fides.yml" }, ReportFormat.Fides)]
    [InlineData(new[] { "report", "x", "-o", "fides.yaml", "--format", "md" }, ReportFormat.Markdown)]
    internal void Export_formats_are_named_or_taken_from_the_output_file(string[] args, ReportFormat format)
    {
        Assert.Equal(format, ReportArguments.Parse(args).Format);
    }
}
