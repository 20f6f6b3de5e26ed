using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Analyzers.Tests;

/// <summary>
/// <c>record Patron([PersonalData] string Email)</c> puts the attribute on the constructor parameter only; the user means
/// the property too. ComplianceSymbols classifies both, in source and from a referenced model assembly.
/// </summary>
public sealed class PolicyRecordClassificationTests
{
    private const string Models = """
        using MecCompliance;
        namespace Models;
        public record Patron(int Id, [PersonalData] string Email, [property: PatronRecord] string CardNumber);
        public record struct Hold(int Id, string ItemBarcode);
        public record Staff
        {
            public Staff([PersonalData] string email) { Email = email; }
            public string Email { get; }
        }
        public class Member
        {
            public Member([PersonalData] string Email) { this.Email = Email; }
            public string Email { get; }
        }
        """;

    [Fact]
    public void Positional_record_parameter_attribute_classifies_the_property_in_source()
    {
        var compilation = PolicyModelTests.Compile(Models);
        var symbols = ComplianceSymbols.TryCreate(compilation)!;

        Assert.Equal(DataClass.PersonalData, symbols.ClassOf(Property(compilation, "Models.Patron", "Email")));
        Assert.Equal(DataClass.PatronRecord, symbols.ClassOf(Property(compilation, "Models.Patron", "CardNumber")));
        Assert.Equal(DataClass.PatronRecord, symbols.ClassOf(PrimaryParameter(compilation, "Models.Patron", "CardNumber")));
        Assert.Equal(DataClass.None, symbols.ClassOf(Property(compilation, "Models.Patron", "Id")));
        Assert.Equal(DataClass.None, symbols.ClassOf(Property(compilation, "Models.Hold", "ItemBarcode")));
    }

    [Fact]
    public void Positional_record_parameter_attribute_classifies_the_property_from_metadata()
    {
        var models = PolicyModelTests.Compile(Models, "Consortium.Models");
        using var image = new MemoryStream();
        Assert.True(models.Emit(image).Success);
        var compilation = PolicyModelTests.Compile("public class App { }", "App", MetadataReference.CreateFromImage(image.ToArray()));
        var symbols = ComplianceSymbols.TryCreate(compilation)!;

        Assert.Equal(DataClass.PersonalData, symbols.ClassOf(Property(compilation, "Models.Patron", "Email")));
        Assert.Equal(DataClass.PatronRecord, symbols.ClassOf(Property(compilation, "Models.Patron", "CardNumber")));
        Assert.Equal(DataClass.None, symbols.ClassOf(Property(compilation, "Models.Patron", "Id")));
    }

    [Fact]
    public void Constructor_parameters_of_non_positional_members_do_not_classify_properties()
    {
        var compilation = PolicyModelTests.Compile(Models);
        var symbols = ComplianceSymbols.TryCreate(compilation)!;

        Assert.Equal(DataClass.None, symbols.ClassOf(Property(compilation, "Models.Staff", "Email")));
        Assert.Equal(DataClass.None, symbols.ClassOf(Property(compilation, "Models.Member", "Email")));
    }

    private static IPropertySymbol Property(Compilation compilation, string type, string name) =>
        compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IPropertySymbol>().Single();

    private static IParameterSymbol PrimaryParameter(Compilation compilation, string type, string name) =>
        compilation.GetTypeByMetadataName(type)!.InstanceConstructors.SelectMany(c => c.Parameters).First(p => p.Name == name);
}
