using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MecCompliance.Redaction.Tests;

internal static class TestServices
{
    // 32 random bytes, base64: a valid key for tests only.
    public const string Key = "q7vPDgJ6Ezfn3qWbbzV1+JjPBP6z6DqQdVq3N3cvLjQ=";

    public static ServiceCollection WithFakeLogging()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        return services;
    }

    public static ILogger Logger(this IServiceProvider provider) =>
        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Circulation");

    public static FakeLogRecord Single(this IServiceProvider provider, int eventId) =>
        Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == eventId);

    public static string? Tag(this FakeLogRecord record, string name) =>
        record.StructuredState!.Single(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
