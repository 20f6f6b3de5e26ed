using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using Microsoft.Extensions.Compliance.Redaction;

namespace MecCompliance.Redaction;

/// <summary>
/// A keyed HMAC-SHA256 redactor whose output is byte-identical to <c>Microsoft.Extensions.Compliance.Redaction</c>'s
/// <c>HmacRedactor</c> for the same key and key id (<c>"{keyId}:"</c> when a key id is set, then the base64 of the first
/// 16 bytes of the HMAC-SHA256 of the value's UTF-16 code units), so tokens written by either stay comparable — but
/// faster: each thread keeps one keyed hash state and reuses it, instead of setting up a new keyed context for every
/// value, and the span path allocates nothing.
/// </summary>
/// <remarks>Thread-safe. Dispose it (the container does) to release the per-thread hash states.</remarks>
public sealed class MecHmacRedactor : Redactor, IDisposable
{
    private const int HashBytes = 32;

    // HmacRedactor keeps the first 16 bytes of the MAC; keeping the same bytes keeps tokens comparable.
    private const int TokenBytes = 16;
    private const int Base64TokenChars = (TokenBytes + 2) / 3 * 4;

    private readonly byte[] _key;
    private readonly string _keyId;
    private readonly int _redactedLength;
    private readonly ThreadLocal<IncrementalHash> _hashes;

    /// <summary>Creates the redactor for a key and an optional key id.</summary>
    /// <param name="key">The HMAC key; at least <see cref="MecComplianceOptions.MinimumHmacKeyBytes"/> bytes.</param>
    /// <param name="keyId">Written before every token, followed by <c>':'</c> (as <c>HmacRedactor</c> does); <see langword="null"/> writes nothing.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MecComplianceOptions.MinimumHmacKeyBytes"/> bytes.</exception>
    public MecHmacRedactor(ReadOnlySpan<byte> key, int? keyId)
    {
        if (key.Length < MecComplianceOptions.MinimumHmacKeyBytes)
        {
            throw new ArgumentException(
                $"The HMAC key has {key.Length} bytes; at least {MecComplianceOptions.MinimumHmacKeyBytes} are required.",
                nameof(key));
        }

        _key = key.ToArray();
        _keyId = keyId is { } id ? id.ToString(CultureInfo.InvariantCulture) + ":" : string.Empty;
        _redactedLength = _keyId.Length + Base64TokenChars;
        _hashes = new ThreadLocal<IncrementalHash>(
            () => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key),
            trackAllValues: true);
    }

    /// <summary>Creates the redactor from a base64 key, as configured in <see cref="MecComplianceOptions.HmacKey"/>.</summary>
    /// <param name="base64Key">The key, base64-encoded.</param>
    /// <param name="keyId">Written before every token; <see langword="null"/> writes nothing.</param>
    /// <returns>The redactor.</returns>
    /// <exception cref="FormatException">The key is not valid base64.</exception>
    /// <exception cref="ArgumentException">The decoded key is too short.</exception>
    public static MecHmacRedactor FromBase64Key(string base64Key, int? keyId)
    {
        ArgumentNullException.ThrowIfNull(base64Key);
        return new MecHmacRedactor(Convert.FromBase64String(base64Key), keyId);
    }

    /// <inheritdoc/>
    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : _redactedLength;

    /// <inheritdoc/>
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        if (destination.Length < _redactedLength)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} characters; {_redactedLength} are needed.", nameof(destination));
        }

        _keyId.AsSpan().CopyTo(destination);

        Span<byte> hash = stackalloc byte[HashBytes];
        var hmac = _hashes.Value!;

        // HmacRedactor hashes the UTF-16 code units as they lie in memory; doing the same keeps tokens identical.
        hmac.AppendData(MemoryMarshal.AsBytes(source));
        _ = hmac.GetHashAndReset(hash);

        _ = Convert.TryToBase64Chars(hash[..TokenBytes], destination[_keyId.Length..], out var written);
        return _keyId.Length + written;
    }

    /// <summary>Releases the per-thread hash states.</summary>
    public void Dispose()
    {
        foreach (var hash in _hashes.Values)
        {
            hash.Dispose();
        }

        _hashes.Dispose();
    }
}
