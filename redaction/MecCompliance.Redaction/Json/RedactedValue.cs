using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Compliance.Redaction;

namespace MecCompliance.Redaction.Json;

/// <summary>
/// What a classified member is written as: one redacted string, or, for a collection, an array of redacted strings.
/// </summary>
internal sealed class RedactedValue
{
    public static readonly JsonConverter<RedactedValue> Converter = new RedactedValueConverter();

    private readonly string? _text;
    private readonly List<string?>? _items;

    private RedactedValue(string? text, List<string?>? items)
    {
        _text = text;
        _items = items;
    }

    public static RedactedValue? Of(object? value, Redactor redactor, JsonSerializerOptions options)
    {
        if (value is null)
        {
            return null;
        }

        if (value is IEnumerable items and not string and not IDictionary)
        {
            var redacted = new List<string?>();
            foreach (var item in items)
            {
                redacted.Add(item is null ? null : Redact(item, redactor, options));
            }

            return new RedactedValue(null, redacted);
        }

        return new RedactedValue(Redact(value, redactor, options), null);
    }

    private static string Redact(object value, Redactor redactor, JsonSerializerOptions options) => value switch
    {
        string text => redactor.Redact(text),
        IFormattable formattable => redactor.Redact(formattable.ToString(null, CultureInfo.InvariantCulture)),
        bool or char => redactor.Redact(value.ToString()),

        // A classified object (or a collection inside a collection) is written whole as one redacted string: what it
        // holds cannot be told apart any more, which is the point.
        _ => redactor.Redact(JsonSerializer.Serialize(value, value.GetType(), options)),
    };

    private sealed class RedactedValueConverter : JsonConverter<RedactedValue>
    {
        public override RedactedValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Redacted members are written only: a redacted value cannot be read back.");

        public override void Write(Utf8JsonWriter writer, RedactedValue value, JsonSerializerOptions options)
        {
            if (value._items is null)
            {
                writer.WriteStringValue(value._text);
                return;
            }

            writer.WriteStartArray();
            foreach (var item in value._items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }
}
