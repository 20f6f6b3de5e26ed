using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MecCompliance;
using MecCompliance.Redaction;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace MecCompliance.Redaction.Benchmarks;

/// <summary>One HMAC token per call, through the span API, as the logging pipeline calls it.</summary>
[MemoryDiagnoser]
public class HmacBenchmarks
{
    private readonly char[] _destination = new char[64];
    private Redactor _upstream = null!;
    private MecHmacRedactor _ours = null!;

    [Params("ada.lovelace@example.org", "21234000998877 - a longer value such as a postal address line, 1 Library Lane, Kirksville MO 63501")]
    public string Value { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var services = new ServiceCollection();
        services.AddRedaction(b => b.SetHmacRedactor(o => { o.Key = key; o.KeyId = 7; }, MecTaxonomy.PersonalData));
        _upstream = services.BuildServiceProvider().GetRequiredService<IRedactorProvider>().GetRedactor(MecTaxonomy.PersonalData);
        _ours = MecHmacRedactor.FromBase64Key(key, 7);

        if (!_upstream.Redact(Value).Equals(_ours.Redact(Value), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The redactors disagree; the comparison would be meaningless.");
        }
    }

    [Benchmark(Baseline = true, Description = "HmacRedactor (upstream)")]
    public int Upstream() => _upstream.Redact(Value.AsSpan(), _destination);

    [Benchmark(Description = "MecHmacRedactor")]
    public int Ours() => _ours.Redact(Value.AsSpan(), _destination);
}
