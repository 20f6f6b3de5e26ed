using System.Net;
using MecCompliance;
using MecCompliance.Redaction.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
    Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]
[assembly: ApprovedVendor("Hoopla", typeof(PersonalDataAttribute), Hosts = new[] { "*.hoopla.example" })]

namespace MecCompliance.Redaction.Tests;

/// <summary>The end of the pipeline: records what would have gone out, and answers 200.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<Uri> Sent { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}

public sealed class VendorGateTests
{
    private const string Payload = "card=21234000998877";

    private static (ServiceProvider Provider, RecordingHandler Wire) Build(string clientName, Action<MecVendorGateOptions>? configure = null)
    {
        var wire = new RecordingHandler();
        var services = TestServices.WithFakeLogging();
        services.AddHttpClient(clientName)
            .AddMecVendorGate(configure ?? (o => o.PolicyAssemblies.Add(typeof(VendorGateTests).Assembly)))
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        return (services.BuildServiceProvider(), wire);
    }

    private static HttpClient Client(ServiceProvider provider, string name) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    [Fact]
    public async Task A_request_to_a_declared_vendor_host_is_sent_and_audited_without_the_payload()
    {
        var (provider, wire) = Build("catalog");
        using var _ = provider;

        using var response = await Client(provider, "catalog").PostAsync(
            "https://patron.overdrive.example/checkouts?card=21234000998877", new StringContent(Payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(wire.Sent);
        var audit = provider.Single(7310);
        Assert.Equal(LogLevel.Information, audit.Level);
        Assert.Equal("OverDrive", audit.Tag("Vendor"));
        Assert.Equal("patron.overdrive.example", audit.Tag("Host"));
        Assert.Equal("POST", audit.Tag("Method"));
        Assert.DoesNotContain("21234000998877", audit.Message, StringComparison.Ordinal);
        Assert.All(audit.StructuredState!, kv => Assert.DoesNotContain("21234000998877", kv.Value ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_to_an_undeclared_host_is_refused_before_it_is_sent()
    {
        var (provider, wire) = Build("catalog");
        using var _ = provider;

        var error = await Assert.ThrowsAsync<MecPolicyViolationException>(() =>
            Client(provider, "catalog").PostAsync("https://analytics.tracker.example/collect", new StringContent(Payload)));

        Assert.Empty(wire.Sent);
        Assert.Equal("analytics.tracker.example", error.Host);
        Assert.Equal(["Hoopla", "OverDrive"], error.DeclaredVendors.Order(StringComparer.Ordinal));
        Assert.Contains("'analytics.tracker.example'", error.Message, StringComparison.Ordinal);
        Assert.Contains("OverDrive (patron.overdrive.example)", error.Message, StringComparison.Ordinal);
        var audit = provider.Single(7311);
        Assert.Equal(LogLevel.Warning, audit.Level);
        Assert.Equal("analytics.tracker.example", audit.Tag("Host"));
        Assert.DoesNotContain("21234000998877", audit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.hoopla.example/v1", true)]
    [InlineData("https://a.b.hoopla.example/", true)]
    [InlineData("https://PATRON.OverDrive.example./x", true)]
    [InlineData("https://hoopla.example/", false)]
    [InlineData("https://nothoopla.example/", false)]
    [InlineData("https://patron.overdrive.example.evil.example/", false)]
    [InlineData("https://overdrive.example/", false)]
    public async Task Hosts_match_exactly_or_as_declared_sub_domains(string url, bool allowed)
    {
        var (provider, wire) = Build("catalog");
        using var _ = provider;
        var client = Client(provider, "catalog");

        if (allowed)
        {
            using var response = await client.GetAsync(url);
            Assert.Single(wire.Sent);
        }
        else
        {
            await Assert.ThrowsAsync<MecPolicyViolationException>(() => client.GetAsync(url));
            Assert.Empty(wire.Sent);
        }
    }

    [Fact]
    public async Task A_client_named_after_a_vendor_reaches_only_that_vendors_hosts()
    {
        var (provider, wire) = Build("OverDrive");
        using var _ = provider;
        var client = Client(provider, "OverDrive");

        using var ok = await client.GetAsync("https://patron.overdrive.example/titles");
        var error = await Assert.ThrowsAsync<MecPolicyViolationException>(() => client.GetAsync("https://api.hoopla.example/titles"));

        Assert.Single(wire.Sent);
        Assert.Contains("client 'OverDrive' belongs to vendor OverDrive", error.Message, StringComparison.Ordinal);
        Assert.Equal("OverDrive", provider.Single(7311).Tag("Vendor"));
    }

    [Fact]
    public async Task Without_any_declaration_every_request_is_refused()
    {
        var (provider, wire) = Build("catalog", o => o.IncludeEntryAssembly = false);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<MecPolicyViolationException>(() =>
            Client(provider, "catalog").GetAsync("https://patron.overdrive.example/titles"));

        Assert.Empty(wire.Sent);
        Assert.Empty(error.DeclaredVendors);
        Assert.Contains("Declared vendors: none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_assemblies_can_be_named()
    {
        var (provider, wire) = Build("catalog", o => o.PolicyAssemblyNames.Add(typeof(VendorGateTests).Assembly.GetName().Name!));
        using var _ = provider;

        using var response = await Client(provider, "catalog").GetAsync("https://patron.overdrive.example/titles");

        Assert.Single(wire.Sent);
    }

    [Fact]
    public void A_request_without_an_absolute_address_is_refused()
    {
        using var gate = new VendorGate(
            typeof(VendorGateTests).Assembly.GetCustomAttributes(typeof(ApprovedVendorAttribute), false).Cast<ApprovedVendorAttribute>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
        {
            InnerHandler = new RecordingHandler(),
        };
        using var invoker = new HttpMessageInvoker(gate);

        var error = Assert.Throws<MecPolicyViolationException>(() =>
            invoker.Send(new HttpRequestMessage(HttpMethod.Get, new Uri("/titles", UriKind.Relative)), CancellationToken.None));
        Assert.Null(error.Host);
    }

    [Fact]
    public void Automatic_redirects_are_turned_off_so_a_redirect_cannot_lead_past_the_gate()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("catalog").AddMecVendorGate();
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("catalog");
        var primary = handler;
        while (primary is DelegatingHandler delegating)
        {
            primary = delegating.InnerHandler!;
        }

        Assert.Contains(Walk(handler), h => h is VendorGate);
        Assert.False(primary switch
        {
            SocketsHttpHandler s => s.AllowAutoRedirect,
            HttpClientHandler c => c.AllowAutoRedirect,
            _ => true,
        });
    }

    private static IEnumerable<HttpMessageHandler> Walk(HttpMessageHandler handler)
    {
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            yield return current;
        }
    }
}
