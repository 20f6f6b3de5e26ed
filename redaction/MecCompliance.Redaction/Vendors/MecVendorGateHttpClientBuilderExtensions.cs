using System;
using System.Net.Http;
using MecCompliance.Redaction.Vendors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction;

/// <summary>Adds the <see cref="VendorGate"/> to <see cref="HttpClient"/>s made by <c>IHttpClientFactory</c>.</summary>
public static class MecVendorGateHttpClientBuilderExtensions
{
    /// <summary>
    /// Guards the client with a <see cref="VendorGate"/>: requests reach only hosts owned by vendors declared with
    /// <see cref="ApprovedVendorAttribute"/> in the entry assembly and in <see cref="MecVendorGateOptions.PolicyAssemblies"/>;
    /// a client whose name is a declared vendor reaches only that vendor's hosts. Automatic redirects are turned off on the
    /// client's primary handler so that a redirect cannot lead past the gate: a 3xx response is returned to the caller.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Adds policy assemblies; applies to every gated client of the container.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHttpClientBuilder AddMecVendorGate(this IHttpClientBuilder builder, Action<MecVendorGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var options = builder.Services.AddOptions<MecVendorGateOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddLogging();
        builder.Services.TryAddSingleton<VendorPolicyHolder>();

        var clientName = builder.Name;
        builder.AddHttpMessageHandler(services => new VendorGate(
            services.GetRequiredService<VendorPolicyHolder>().Policy,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(VendorGateLog.Category),
            clientName));

        builder.ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    break;
            }
        });

        return builder;
    }

    /// <summary>Reads the declarations once per container, not once per handler.</summary>
    private sealed class VendorPolicyHolder(IOptions<MecVendorGateOptions> options)
    {
        private readonly Lazy<VendorPolicy> _policy = new(() => VendorPolicy.From(options.Value));

        public VendorPolicy Policy => _policy.Value;
    }
}
