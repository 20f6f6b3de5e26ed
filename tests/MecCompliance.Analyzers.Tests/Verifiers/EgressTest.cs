using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs MEC002 or MEC003 over a test source, the shared library model and one consortium register (Policy.cs), so
/// messages that point at a declaration name a stable file and line.
/// </summary>
internal static class EgressTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Line 2: OverDrive, line 4: MailRelay, line 5: Weather, line 6: Directory, line 7: PatronDb, line 8: Reports.</summary>
    public const string Policy = """
        using MecCompliance;
        [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
            Hosts = new[] { "patron.overdrive.example", "*.cdn.overdrive.example" }, Contract = "MEC-2023-007")]
        [assembly: ApprovedVendor("MailRelay", typeof(PersonalDataAttribute), Hosts = new[] { "smtp.mailrelay.example", "api.mailrelay.example" })]
        [assembly: ApprovedVendor("Weather", Hosts = new[] { "api.weather.example" })]
        [assembly: ApprovedVendor("Directory", typeof(OrganizationalDataAttribute), Hosts = new[] { "directory.example" })]
        [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
        [assembly: ApprovedSink("Reports", typeof(OrganizationalDataAttribute))]
        """;

    /// <summary>Small stubs with the real metadata names of libraries the .NET 8 reference set does not hold.</summary>
    public const string Stubs = """
        namespace System.Net.Http
        {
            public interface IHttpClientFactory { HttpClient CreateClient(string name); }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface IHttpClientBuilder { }
            public static class HttpClientFactoryServiceCollectionExtensions
            {
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services) where TClient : class => null!;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, string name) where TClient : class => null!;
                public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, string name)
                    where TClient : class where TImplementation : class, TClient => null!;
            }
        }
        """;

    public static DiagnosticResult Diagnostic(string id, int markupKey) =>
        new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(markupKey);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync([source], expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.Sources.Add(("Policy.cs", Policy));
        test.TestState.Sources.Add(("Model.cs", FlowTest<TAnalyzer>.Model));
        test.TestState.Sources.Add(("Stubs.cs", Stubs));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
