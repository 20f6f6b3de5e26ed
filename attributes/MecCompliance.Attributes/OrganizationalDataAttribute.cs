using System;
using Microsoft.Extensions.Compliance.Classification;

namespace MecCompliance;

/// <summary>
/// Marks a member organization's information (organization names, addresses, submitted information): the policy's "Organizational Information". It may be logged and stored, but is sent only to vendors approved for it.
/// </summary>
/// <remarks>
/// Applies to properties, fields, parameters, return values, and to classes, structs and interfaces: a classified type
/// classifies all of its members and every value of the type.
/// </remarks>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class OrganizationalDataAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the target as <see cref="MecTaxonomy.OrganizationalData"/>.</summary>
    public OrganizationalDataAttribute()
        : base(MecTaxonomy.OrganizationalData)
    {
    }
}
