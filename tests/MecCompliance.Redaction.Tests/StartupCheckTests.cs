using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Tests;

public sealed class StartupCheckTests
{
    private const string Card = "21234000998877";

    [Fact]
    public void A_short_key_fails_validation_with_the_fix_in_the_message()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKey = Convert.ToBase64String(new byte[16]));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("decodes to 16 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_key_fails_validation()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKey = "not base64 at all!");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("MecCompliance:HmacKey is not valid base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_id_without_its_key_fails_validation()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKeyId = 4);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("HmacKeyId is set but MecCompliance:HmacKey is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_bind_from_a_given_configuration_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:HmacKey"] = "c2hvcnQ=" })
            .Build();
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(configuration.GetSection("Privacy"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("decodes to 5 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_key_passes_validation()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKey = TestServices.Key);
        using var provider = services.BuildServiceProvider();

        provider.ValidateMecCompliance();
    }

    [Fact]
    public void Without_validation_a_short_key_still_fails_at_the_first_use_instead_of_logging()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKey = Convert.ToBase64String(new byte[16]));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => PatronLog.NoticeSent(provider.Logger(), "a@example.org"));
        Assert.Empty(provider.GetFakeLogCollector().GetSnapshot());
    }

    // Pitfall: something replaces the logger factory after redaction was enabled (the same as AddRedaction() without
    // EnableRedaction()): classified values are silently dropped, and nothing says so.
    [Fact]
    public void A_replaced_logger_factory_drops_classified_values_and_the_start_up_check_refuses_it()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance();
        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        using var provider = services.BuildServiceProvider();

        PatronLog.CheckedOut(provider.Logger(), Card);
        var record = provider.Single(1);
        Assert.DoesNotContain(record.StructuredState!, kv => kv.Key.Equals("CardNumber", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Checked out for card (null)", record.Message);

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("the ILoggerFactory is Microsoft.Extensions.Logging.LoggerFactory", error.Message, StringComparison.Ordinal);
        Assert.Contains("call AddMecCompliance() after it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_check_can_be_turned_off_where_something_else_proves_redaction()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.VerifyLoggingPipeline = false);
        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        using var provider = services.BuildServiceProvider();

        provider.ValidateMecCompliance();
    }

    [Fact]
    public void Calling_AddMecCompliance_after_the_replacement_restores_redaction()
    {
        var services = TestServices.WithFakeLogging();
        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        services.AddMecCompliance();
        using var provider = services.BuildServiceProvider();

        provider.ValidateMecCompliance();
        PatronLog.CheckedOut(provider.Logger(), Card);
        Assert.Equal(string.Empty, provider.Single(1).Tag("CardNumber"));
    }

    [Fact]
    public void Clearing_the_providers_after_AddMecCompliance_is_still_checked_and_still_redacts()
    {
        var services = new ServiceCollection();
        services.AddMecCompliance();
        services.AddLogging(logging => logging.ClearProviders().AddFakeLogging());
        using var provider = services.BuildServiceProvider();

        provider.ValidateMecCompliance();
        provider.ValidateMecCompliance();
        PatronLog.CheckedOut(provider.Logger(), Card);

        Assert.Equal(string.Empty, provider.Single(1).Tag("CardNumber"));
    }

    [Fact]
    public void A_logger_factory_that_bypasses_the_providers_is_refused()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance();
        services.AddSingleton<ILoggerFactory>(new ForeignLoggerFactory());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("does not deliver log events to the registered logger providers", error.Message, StringComparison.Ordinal);
    }

    // Pitfall (dotnet/extensions#4683): redaction enabled on logging, but no redactor that redacts.
    [Fact]
    public void A_redactor_provider_that_does_not_redact_is_refused()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance();
        services.AddSingleton<IRedactorProvider>(NullRedactorProvider.Instance);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("The redactor for MEC:PatronRecord is NullRedactor", error.Message, StringComparison.Ordinal);
    }

    // Pitfall: combinations of classifications fall to the fallback redactor; a pass-through fallback leaks them.
    [Fact]
    public void A_pass_through_fallback_redactor_is_refused_naming_the_combination()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance();
        services.AddRedaction(b => b.SetFallbackRedactor<NullRedactor>());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("MEC:PatronRecord + MEC:PersonalData", error.Message, StringComparison.Ordinal);
        Assert.Contains("an unlisted classification", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generic_host_refuses_to_start_with_a_short_key_from_configuration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MecCompliance:HmacKey"] = "c2hvcnQ=" });
        builder.Logging.AddMecCompliance();

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            using var host = builder.Build();
            host.StartAsync().GetAwaiter().GetResult();
        });
        Assert.Contains("decodes to 5 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generic_host_refuses_to_start_with_a_replaced_logger_factory()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddMecCompliance();
        builder.Services.AddSingleton<ILoggerFactory, LoggerFactory>();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Contains("ILoggerFactory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generic_host_starts_and_binds_the_key_from_configuration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MecCompliance:HmacKey"] = TestServices.Key,
            ["MecCompliance:HmacKeyId"] = "42",
        });
        builder.Logging.AddFakeLogging();
        builder.Logging.AddMecCompliance();
        using var host = builder.Build();

        await host.StartAsync();
        PatronLog.NoticeSent(host.Services.Logger(), "ada@example.org");
        await host.StopAsync();

        Assert.Equal(UpstreamHmac.Redactor(TestServices.Key, 42).Redact("ada@example.org"), host.Services.Single(2).Tag("Email"));
    }
}

/// <summary>A logging library's own factory, as some replace ILoggerFactory with: it ignores added providers.</summary>
internal sealed class ForeignLoggerFactory : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }
}
