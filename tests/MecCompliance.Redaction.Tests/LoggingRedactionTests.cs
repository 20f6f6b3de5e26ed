using System.CodeDom.Compiler;
using System.Reflection;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction.Tests;

public sealed class LoggingRedactionTests
{
    private const string Card = "21234000998877";
    private const string Email = "ada.patron@example.org";

    private static ServiceProvider Build(Action<MecComplianceOptions>? configure = null)
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(configure);
        var provider = services.BuildServiceProvider();
        provider.ValidateMecCompliance();
        return provider;
    }

    [Fact]
    public void Patron_record_parameter_is_erased()
    {
        using var provider = Build();
        PatronLog.CheckedOut(provider.Logger(), Card);

        var record = provider.Single(1);
        Assert.Equal(string.Empty, record.Tag("CardNumber"));
        Assert.DoesNotContain(Card, record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Organizational_data_parameter_passes_through()
    {
        using var provider = Build();
        PatronLog.BranchOpened(provider.Logger(), "Kirksville Branch");

        Assert.Equal("Kirksville Branch", provider.Single(3).Tag("Branch"));
    }

    [Fact]
    public void Personal_data_is_erased_when_no_key_is_configured()
    {
        using var provider = Build();
        PatronLog.NoticeSent(provider.Logger(), Email);

        Assert.Equal(string.Empty, provider.Single(2).Tag("Email"));
    }

    [Fact]
    public void Personal_data_becomes_the_same_token_as_HmacRedactor_when_a_key_is_configured()
    {
        using var provider = Build(o => { o.HmacKey = TestServices.Key; o.HmacKeyId = 7; });
        PatronLog.NoticeSent(provider.Logger(), Email);

        var expected = UpstreamHmac.Redactor(TestServices.Key, 7).Redact(Email);
        var token = provider.Single(2).Tag("Email");
        Assert.Equal(expected, token);
        Assert.StartsWith("7:", token, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, token, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_with_two_classifications_is_erased_even_when_each_alone_would_not_be()
    {
        using var provider = Build(o => o.HmacKey = TestServices.Key);
        PatronLog.BranchContact(provider.Logger(), "Mary Branchmanager");

        Assert.Equal(string.Empty, provider.Single(4).Tag("Contact"));
    }

    [Fact]
    public void Classification_from_another_taxonomy_is_erased()
    {
        using var provider = Build(o => o.HmacKey = TestServices.Key);
        PatronLog.Accommodation(provider.Logger(), "wheelchair access");

        Assert.Equal(string.Empty, provider.Single(5).Tag("Note"));
    }

    [Fact]
    public void Classified_member_of_a_logged_object_is_erased_and_unclassified_member_kept()
    {
        using var provider = Build();
        PatronLog.HoldPlaced(provider.Logger(), new Hold { CardNumber = Card, Branch = "Macon" });

        var record = provider.Single(6);
        Assert.Equal(string.Empty, record.Tag("hold.CardNumber"));
        Assert.Equal("Macon", record.Tag("hold.Branch"));
    }

    [Fact]
    public void The_logging_builder_entry_point_also_redacts()
    {
        var services = TestServices.WithFakeLogging();
        services.AddLogging(logging => logging.AddMecCompliance());
        using var provider = services.BuildServiceProvider();
        provider.ValidateMecCompliance();

        PatronLog.CheckedOut(provider.Logger(), Card);
        Assert.Equal(string.Empty, provider.Single(1).Tag("CardNumber"));
    }

    [Fact]
    public void Calling_AddMecCompliance_twice_registers_the_start_up_checks_once()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance().AddMecCompliance(o => o.HmacKeyId = 3);

        Assert.Single(services, d => d.ServiceType == typeof(MecCompliance.Redaction.Startup.RedactionProbeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Options.IValidateOptions<MecComplianceOptions>));
    }

    // Pitfall: a project with only the stock logging generator ignores classifications silently. Referencing
    // MecCompliance.Redaction must bring the redaction-aware generator along, so this project's methods use it.
    [Fact]
    public void Logging_methods_of_a_referencing_project_are_generated_by_the_redaction_aware_generator()
    {
        var method = typeof(PatronLog).GetMethod(nameof(PatronLog.CheckedOut), BindingFlags.Public | BindingFlags.Static)!;
        var tool = method.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool;

        Assert.Equal("Microsoft.Gen.Logging", tool);
    }
}

internal static class UpstreamHmac
{
    /// <summary>The real <c>HmacRedactor</c>, obtained the only supported way: through the upstream builder.</summary>
    public static Redactor Redactor(string key, int? keyId)
    {
        var services = new ServiceCollection();
        services.AddRedaction(b => b.SetHmacRedactor(o => { o.Key = key; o.KeyId = keyId; }, MecTaxonomy.PersonalData));
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IRedactorProvider>().GetRedactor(MecTaxonomy.PersonalData);
    }
}
