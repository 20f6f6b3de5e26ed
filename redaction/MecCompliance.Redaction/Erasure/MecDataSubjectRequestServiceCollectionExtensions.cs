using System;
using System.Linq;
using MecCompliance.Redaction.Erasure;
using MecCompliance.Redaction.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction;

/// <summary>Registers data-subject request handling: the erasers of each sink and <see cref="IDataSubjectRequests"/>.</summary>
public static class MecDataSubjectRequestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TEraser"/> (scoped, resolved in a scope of its own for every request) as the eraser of
    /// its <see cref="IPersonalDataEraser.Sink"/>, and <see cref="IDataSubjectRequests"/> with its start-up check.
    /// Registering the same type twice registers it once.
    /// </summary>
    /// <typeparam name="TEraser">The eraser; its <c>EraseAsync</c> should be marked <c>[ErasesPersonalData("&lt;sink&gt;")]</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPersonalDataEraser<TEraser>(this IServiceCollection services)
        where TEraser : class, IPersonalDataEraser
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataSubjectRequests();

        var registration = new PersonalDataEraserRegistration(typeof(TEraser));
        if (!services.Any(d => d.ServiceType == typeof(PersonalDataEraserRegistration) && Equals(d.ImplementationInstance, registration)))
        {
            services.AddSingleton(registration);
            services.TryAddScoped<TEraser>();
            services.AddScoped<IPersonalDataEraser>(static provider => provider.GetRequiredService<TEraser>());
        }

        return services;
    }

    /// <summary>
    /// Registers <see cref="IDataSubjectRequests"/> and its start-up check (also done by <c>AddMecCompliance()</c> and
    /// <see cref="AddPersonalDataEraser{TEraser}"/>): the application refuses to start when a sink declared with
    /// <see cref="ApprovedSinkAttribute"/> for any class but <see cref="OrganizationalDataAttribute"/> has no eraser, or an
    /// eraser names a sink that is not declared. The check runs with the generic host's <c>ValidateOnStart</c>, or
    /// <c>ValidateMecCompliance()</c> on a plain service provider, and throws an <see cref="OptionsValidationException"/>
    /// that says what to write.
    /// </summary>
    /// <remarks>
    /// The subject appears in audit events as a keyed HMAC token only when <see cref="MecComplianceOptions.HmacKey"/> is
    /// configured (through <c>AddMecCompliance</c>); otherwise not at all. The clock is the container's
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless one is registered).
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Says where the sink declarations are read from; applies to the whole container.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddDataSubjectRequests(this IServiceCollection services, Action<MecDataSubjectRequestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (!services.Any(static d => d.ServiceType == typeof(IValidateOptions<ErasureCoverageCheck>)))
        {
            services.AddLogging();
            services.AddOptions<MecDataSubjectRequestOptions>();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<IDataSubjectRequests, DataSubjectRequests>();
            services.AddOptions<ErasureCoverageCheck>().ValidateOnStart();
            services.AddSingleton<IValidateOptions<ErasureCoverageCheck>, ErasureCoverageValidator>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }
}
