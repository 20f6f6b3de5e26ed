using System;
using System.Linq;
using MecCompliance.Redaction.Redactors;
using MecCompliance.Redaction.Startup;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction;

/// <summary>
/// The one entry point of the MEC run-time enforcement: registers a redactor per class of data <b>and</b> enables
/// redaction for logging, in the same call, then proves at start-up that both took effect.
/// </summary>
public static class MecComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MEC redactors and enables redaction for logging:
    /// <see cref="MecTaxonomy.PatronRecord"/> is erased; <see cref="MecTaxonomy.PersonalData"/> becomes a keyed HMAC token
    /// when <see cref="MecComplianceOptions.HmacKey"/> is set and is erased otherwise; <see cref="MecTaxonomy.OrganizationalData"/>
    /// passes through; every other classification and every combination of classifications is erased (deny by default).
    /// </summary>
    /// <remarks>
    /// Settings are read from the configuration section <c>"MecCompliance"</c> of the container's
    /// <see cref="IConfiguration"/> when there is one, then from <paramref name="configure"/>.
    /// At start-up (the generic host's <c>ValidateOnStart</c>, or <see cref="ValidateMecCompliance"/> for a plain
    /// service provider) a malformed or short key, a redactor that echoes classified values, or a logging pipeline that
    /// does not redact throws an <see cref="OptionsValidationException"/> that says what to change; so does a declared sink
    /// that may hold personal data without a registered <see cref="IPersonalDataEraser"/> (see
    /// <see cref="MecDataSubjectRequestServiceCollectionExtensions.AddDataSubjectRequests"/>).
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="MecComplianceOptions"/> in code, after configuration.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMecCompliance(this IServiceCollection services, Action<MecComplianceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (!services.Any(static d => d.ServiceType == typeof(MecComplianceMarker)))
        {
            services.AddSingleton<MecComplianceMarker>();
            services.AddSingleton<IConfigureOptions<MecComplianceOptions>, ConfigurationSectionBinding>();
            AddStartupChecks(services);
        }

        // A sink that may hold personal data must be erasable: that check belongs to the same start-up gate.
        services.AddDataSubjectRequests();

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddRedaction(static redaction => redaction
            .SetRedactor<ErasingRedactor>(MecTaxonomy.PatronRecord)
            .SetRedactor<PersonalDataRedactor>(MecTaxonomy.PersonalData)
            .SetRedactor<NullRedactor>(MecTaxonomy.OrganizationalData)
            .SetFallbackRedactor<ErasingRedactor>());

        // Without the discriminator, organizational data passes through unchanged and a person's token is the same in
        // every log field and every export, as HmacRedactor would make it (the upstream default appends ":TagName").
        services.AddLogging(static logging => logging.EnableRedaction(static redaction => redaction.ApplyDiscriminator = false));

        return services;
    }

    /// <summary>
    /// Same as <see cref="AddMecCompliance(IServiceCollection, Action{MecComplianceOptions}?)"/>, with the settings bound
    /// from <paramref name="section"/> (for example <c>configuration.GetSection("MecCompliance")</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding <see cref="MecComplianceOptions"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMecCompliance(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddMecCompliance(options => section.Bind(options));
    }

    /// <summary>
    /// Registers the MEC redactors and enables redaction for this logging builder's pipeline: the same as
    /// <see cref="AddMecCompliance(IServiceCollection, Action{MecComplianceOptions}?)"/> on <see cref="ILoggingBuilder.Services"/>.
    /// </summary>
    /// <param name="builder">The logging builder, for example <c>builder.Logging</c> of a host.</param>
    /// <param name="configure">Sets <see cref="MecComplianceOptions"/> in code, after configuration.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ILoggingBuilder AddMecCompliance(this ILoggingBuilder builder, Action<MecComplianceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMecCompliance(configure);
        return builder;
    }

    /// <summary>
    /// Runs MecCompliance's start-up checks now and throws when classified values could leave in clear text. The generic
    /// host runs them by itself before it starts; call this once after <c>BuildServiceProvider()</c> when there is no host.
    /// </summary>
    /// <param name="services">The built service provider.</param>
    /// <exception cref="OptionsValidationException">The key is malformed or short, a redactor echoes classified values,
    /// the logging pipeline does not redact, or a declared sink that may hold personal data has no
    /// <see cref="IPersonalDataEraser"/> (or an eraser names an undeclared sink); the message says what to change.</exception>
    public static void ValidateMecCompliance(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetRequiredService<IOptions<MecComplianceOptions>>().Value;
        _ = services.GetRequiredService<IOptions<LoggingPipelineCheck>>().Value;
        _ = services.GetRequiredService<IOptions<ErasureCoverageCheck>>().Value;
    }

    private static void AddStartupChecks(IServiceCollection services)
    {
        services.AddOptions<MecComplianceOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MecComplianceOptions>, MecComplianceOptionsValidator>();

        // The probe's provider joins the factory when the check runs; it sees only its own category, at every level.
        services.AddSingleton<RedactionProbeProvider>();
        services.Configure<LoggerFilterOptions>(static filters => filters.Rules.Add(
            new LoggerFilterRule(typeof(RedactionProbeProvider).FullName, RedactionProbeProvider.Category, LogLevel.Trace, filter: null)));

        services.AddOptions<LoggingPipelineCheck>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoggingPipelineCheck>, LoggingPipelineValidator>();
    }

    private sealed class MecComplianceMarker
    {
    }

    private sealed class ConfigurationSectionBinding(IServiceProvider services) : IConfigureOptions<MecComplianceOptions>
    {
        public void Configure(MecComplianceOptions options) =>
            services.GetService<IConfiguration>()?.GetSection(MecComplianceOptions.SectionName).Bind(options);
    }
}
