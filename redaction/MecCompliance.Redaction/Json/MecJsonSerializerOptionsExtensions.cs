using System;
using MecCompliance.Redaction.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Compliance.Redaction;

namespace MecCompliance.Redaction;

/// <summary>Redaction of classified members when objects are serialized with System.Text.Json (exports, logged objects).</summary>
public static class MecJsonSerializerOptionsExtensions
{
    /// <summary>
    /// Returns a copy of <paramref name="options"/> whose type-info resolver writes every classified member redacted:
    /// members marked with a classification attribute (<c>[PatronRecord]</c>, <c>[PersonalData]</c>, another taxonomy's),
    /// positional-record parameters so marked, every member of a classified type, at any depth, in collections too.
    /// </summary>
    /// <remarks>
    /// Each member is redacted by the redactor that <paramref name="redactors"/> gives for its classifications (a member
    /// with several classifications asks for the combination): strings, numbers, dates and other scalars become redacted
    /// strings, collections become arrays of redacted elements, and a classified object becomes one redacted string of its
    /// JSON. Members whose redactor is <see cref="NullRedactor"/> (organizational data under <c>AddMecCompliance</c>) are
    /// written unchanged. The options are meant for writing: redacted members are not read back.
    /// <paramref name="options"/> itself is not changed. Works over the reflection resolver and over source-generated
    /// contexts.
    /// </remarks>
    /// <param name="options">The options to start from.</param>
    /// <param name="redactors">The redactors, usually the <see cref="IRedactorProvider"/> that <c>AddMecCompliance</c> registered.</param>
    /// <returns>New options that redact classified members.</returns>
    public static JsonSerializerOptions WithMecRedaction(this JsonSerializerOptions options, IRedactorProvider redactors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redactors);

        var inner = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        return new JsonSerializerOptions(options)
        {
            TypeInfoResolver = new RedactingTypeInfoResolver(inner, redactors),
        };
    }
}
