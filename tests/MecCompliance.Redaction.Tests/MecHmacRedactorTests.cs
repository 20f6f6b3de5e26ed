using System.Security.Cryptography;
using CsCheck;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace MecCompliance.Redaction.Tests;

public sealed class MecHmacRedactorTests
{
    private static readonly Gen<string> Values = Gen.String[Gen.Char, 0, 200];

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-12)]
    [InlineData(int.MaxValue)]
    public void Tokens_are_identical_to_HmacRedactor_for_many_inputs(int? keyId)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var upstream = UpstreamHmac.Redactor(key, keyId);
        using var ours = MecHmacRedactor.FromBase64Key(key, keyId);

        Values.Sample(value => Assert.Equal(upstream.Redact(value), ours.Redact(value)), iter: 2_000);
    }

    [Fact]
    public void Tokens_are_identical_to_HmacRedactor_for_long_keys_and_surrogates()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(100));
        var upstream = UpstreamHmac.Redactor(key, 3);
        using var ours = MecHmacRedactor.FromBase64Key(key, 3);

        foreach (var value in new[] { "a", "patrón", "\ud83d\udcda book", "\ud800", new string('x', 5000) })
        {
            Assert.Equal(upstream.Redact(value), ours.Redact(value));
        }
    }

    [Fact]
    public void Different_keys_make_different_tokens()
    {
        using var one = new MecHmacRedactor(RandomNumberGenerator.GetBytes(32), 1);
        using var two = new MecHmacRedactor(RandomNumberGenerator.GetBytes(32), 1);

        Assert.NotEqual(one.Redact("ada@example.org"), two.Redact("ada@example.org"));
    }

    [Fact]
    public void An_empty_value_redacts_to_nothing_like_HmacRedactor()
    {
        using var ours = new MecHmacRedactor(new byte[32], 1);

        Assert.Equal(0, ours.GetRedactedLength(ReadOnlySpan<char>.Empty));
        Assert.Equal(string.Empty, ours.Redact(string.Empty));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MecHmacRedactor(new byte[31], 1));
        Assert.Contains("31 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_too_small_is_refused()
    {
        using var ours = new MecHmacRedactor(new byte[32], 12);
        var destination = new char[ours.GetRedactedLength("x") - 1];

        Assert.Throws<ArgumentException>(() => ours.Redact("x".AsSpan(), destination));
    }

    [Fact]
    public void The_span_path_allocates_nothing_once_warm()
    {
        using var ours = new MecHmacRedactor(RandomNumberGenerator.GetBytes(32), 5);
        var destination = new char[64];
        ours.Redact("warm-up".AsSpan(), destination);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            ours.Redact("21234000998877".AsSpan(), destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Concurrent_use_gives_the_same_tokens_as_sequential_use()
    {
        using var ours = new MecHmacRedactor(RandomNumberGenerator.GetBytes(32), 9);
        var inputs = Enumerable.Range(0, 500).Select(i => $"patron-{i}").ToArray();
        var expected = inputs.Select(ours.Redact).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => inputs.Select(ours.Redact).ToArray())));

        Assert.All(results, actual => Assert.Equal(expected, actual));
    }
}

public sealed class RedactionPropertyTests
{
    // Sensible length: a value of one or two characters can occur inside any token by chance.
    private static readonly Gen<string> Classified = Gen.String[Gen.Char.AlphaNumeric, 4, 64];

    [Fact]
    public void Redacted_log_values_never_contain_the_input_for_any_class_that_must_be_redacted()
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => { o.HmacKey = TestServices.Key; o.HmacKeyId = 1; });
        using var provider = services.BuildServiceProvider();
        var logger = provider.Logger();
        var collector = provider.GetFakeLogCollector();

        Classified.Sample(value =>
        {
            collector.Clear();
            PatronLog.CheckedOut(logger, value);
            PatronLog.NoticeSent(logger, value);
            PatronLog.BranchContact(logger, value);
            PatronLog.Accommodation(logger, value);

            Assert.All(collector.GetSnapshot(), record =>
            {
                Assert.DoesNotContain(value, record.Message, StringComparison.Ordinal);
                Assert.All(record.StructuredState!, kv => Assert.DoesNotContain(value, kv.Value ?? string.Empty, StringComparison.Ordinal));
            });
        }, iter: 300);
    }

    [Fact]
    public void Hmac_tokens_never_contain_the_input()
    {
        using var ours = new MecHmacRedactor(RandomNumberGenerator.GetBytes(32), 77);

        Classified.Sample(value => !ours.Redact(value).Contains(value, StringComparison.Ordinal), iter: 2_000);
    }

    [Fact]
    public void The_property_can_fail_a_redactor_that_leaks()
    {
        // The twin of the tests above: the same property rejects a pass-through redactor, so it is not vacuous.
        Assert.ThrowsAny<Exception>(() =>
            Classified.Sample(value => !NullRedactor.Instance.Redact(value).Contains(value, StringComparison.Ordinal), iter: 10));
    }
}
