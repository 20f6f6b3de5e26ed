using System;
using Microsoft.Extensions.Compliance.Classification;

namespace MecCompliance;

/// <summary>
/// Marks information that identifies a person (name, e-mail, phone, postal address, birth date …): the policy's "Personal Information". It is never logged raw, is sent only to vendors approved for it and is stored only in sinks approved for it.
/// </summary>
/// <remarks>
/// Applies to properties, fields, parameters, return values, and to classes, structs and interfaces: a classified type
/// classifies all of its members and every value of the type.
/// </remarks>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the target as <see cref="MecTaxonomy.PersonalData"/>.</summary>
    public PersonalDataAttribute()
        : base(MecTaxonomy.PersonalData)
    {
    }
}
