using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MecCompliance;
using MecCompliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction.Benchmarks;

/// <summary>A [LoggerMessage] call with one classified parameter, with and without AddMecCompliance.</summary>
[MemoryDiagnoser]
public class LoggingBenchmarks
{
    private ServiceProvider _plain = null!;
    private ServiceProvider _erasing = null!;
    private ServiceProvider _hashing = null!;
    private ILogger _plainLogger = null!;
    private ILogger _erasingLogger = null!;
    private ILogger _hashingLogger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = Build(null);
        _erasing = Build(_ => { });
        _hashing = Build(o => { o.HmacKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); o.HmacKeyId = 1; });
        _plainLogger = _plain.GetRequiredService<ILoggerFactory>().CreateLogger("Circulation");
        _erasingLogger = _erasing.GetRequiredService<ILoggerFactory>().CreateLogger("Circulation");
        _hashingLogger = _hashing.GetRequiredService<ILoggerFactory>().CreateLogger("Circulation");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _erasing.Dispose();
        _hashing.Dispose();
    }

    [Benchmark(Baseline = true, Description = "without AddMecCompliance")]
    public void Plain() => CirculationLog.NoticeSent(_plainLogger, "ada.lovelace@example.org");

    [Benchmark(Description = "AddMecCompliance, no key (erase)")]
    public void Erasing() => CirculationLog.NoticeSent(_erasingLogger, "ada.lovelace@example.org");

    [Benchmark(Description = "AddMecCompliance, HMAC key")]
    public void Hashing() => CirculationLog.NoticeSent(_hashingLogger, "ada.lovelace@example.org");

    private static ServiceProvider Build(Action<MecComplianceOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new DiscardingProvider()));
        if (configure is not null)
        {
            services.AddMecCompliance(configure);
        }

        var provider = services.BuildServiceProvider();
        if (configure is not null)
        {
            provider.ValidateMecCompliance();
        }

        return provider;
    }
}

internal static partial class CirculationLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Notice sent to {Email}")]
    public static partial void NoticeSent(ILogger logger, [PersonalData] string email);
}

/// <summary>An enabled provider that only reads the tags, so the pipeline does all its work and nothing is written.</summary>
internal sealed class DiscardingProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new DiscardingLogger();

    public void Dispose()
    {
    }

    private sealed class DiscardingLogger : ILogger
    {
        public int Count { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> tags)
            {
                Count += tags.Count;
            }
        }
    }
}
