using System;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Redactors;

/// <summary>
/// The redactor for <see cref="MecTaxonomy.PersonalData"/>: keyed HMAC tokens when a key is configured, erasure otherwise.
/// A type of its own so the upstream redactor provider can map the class to it.
/// </summary>
internal sealed class PersonalDataRedactor : Redactor, IDisposable
{
    private readonly Redactor _inner;

    public PersonalDataRedactor(IOptions<MecComplianceOptions> options)
    {
        var value = options.Value;
        _inner = string.IsNullOrEmpty(value.HmacKey)
            ? ErasingRedactor.Instance
            : MecHmacRedactor.FromBase64Key(value.HmacKey, value.HmacKeyId);
    }

    public bool IsKeyed => _inner is MecHmacRedactor;

    public override int GetRedactedLength(ReadOnlySpan<char> input) => _inner.GetRedactedLength(input);

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination) => _inner.Redact(source, destination);

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
