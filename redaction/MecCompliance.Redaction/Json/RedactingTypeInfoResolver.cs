using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace MecCompliance.Redaction.Json;

/// <summary>
/// Wraps any type-info resolver (reflection or source-generated) and replaces each classified member with one that
/// writes the redacted value. A member is classified by its own attribute, by the attribute of a record's constructor
/// parameter of the same name, by the attribute of its declaring type, or by the attribute of its scalar type.
/// </summary>
internal sealed class RedactingTypeInfoResolver(IJsonTypeInfoResolver inner, IRedactorProvider redactors) : IJsonTypeInfoResolver
{
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        // Provided here so that a source-generated context, which knows nothing of it, can write it too.
        if (type == typeof(RedactedValue))
        {
            return JsonMetadataServices.CreateValueInfo<RedactedValue>(options, RedactedValue.Converter);
        }

        var typeInfo = inner.GetTypeInfo(type, options);
        if (typeInfo?.Kind == JsonTypeInfoKind.Object)
        {
            RedactClassifiedMembers(typeInfo);
        }

        return typeInfo;
    }

    private void RedactClassifiedMembers(JsonTypeInfo typeInfo)
    {
        var typeClasses = ClassesOf(typeInfo.Type);
        for (var i = 0; i < typeInfo.Properties.Count; i++)
        {
            var property = typeInfo.Properties[i];
            if (property.Get is not { } get)
            {
                continue;
            }

            var classes = ClassesOf(property, typeInfo.Type).Concat(typeClasses).Distinct().ToArray();
            if (classes.Length == 0)
            {
                continue;
            }

            var redactor = redactors.GetRedactor(new DataClassificationSet(classes));
            if (redactor is NullRedactor)
            {
                continue;
            }

            var options = typeInfo.Options;
            var redacted = typeInfo.CreateJsonPropertyInfo(typeof(RedactedValue), property.Name);
            redacted.Get = owner => RedactedValue.Of(get(owner), redactor, options);
            redacted.Order = property.Order;
            if (property.ShouldSerialize is { } shouldSerialize)
            {
                redacted.ShouldSerialize = (owner, _) => shouldSerialize(owner, get(owner));
            }

            typeInfo.Properties[i] = redacted;
        }
    }

    private static IEnumerable<DataClassification> ClassesOf(JsonPropertyInfo property, Type declaringType)
    {
        if (property.AttributeProvider is { } member)
        {
            foreach (var classification in Classes(member.GetCustomAttributes(typeof(DataClassificationAttribute), inherit: true)))
            {
                yield return classification;
            }

            if (member is MemberInfo { Name: var name })
            {
                // A positional record puts the attribute on the constructor parameter, not on the property.
                var parameters = declaringType.GetConstructors()
                    .SelectMany(static c => c.GetParameters())
                    .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                foreach (var parameter in parameters)
                {
                    foreach (var classification in Classes(parameter.GetCustomAttributes(typeof(DataClassificationAttribute), inherit: true)))
                    {
                        yield return classification;
                    }
                }
            }
        }

        var memberType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (IsScalar(memberType))
        {
            foreach (var classification in ClassesOf(memberType))
            {
                yield return classification;
            }
        }
    }

    private static IEnumerable<DataClassification> ClassesOf(Type type) =>
        Classes(type.GetCustomAttributes(typeof(DataClassificationAttribute), inherit: true));

    private static IEnumerable<DataClassification> Classes(object[] attributes) =>
        attributes.OfType<DataClassificationAttribute>().Select(static a => a.Classification);

    // A classified object type classifies its members, which are redacted one by one; a classified scalar type
    // (a card-number struct with a converter) has no members, so the value itself is redacted.
    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || typeof(IFormattable).IsAssignableFrom(type) ||
        type.IsDefined(typeof(JsonConverterAttribute), inherit: true);
}
