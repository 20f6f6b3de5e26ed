using System;
using Microsoft.Extensions.Compliance.Classification;

namespace MecCompliance;

/// <summary>
/// Marks a library record under RSMo 182.815: anything that identifies a patron, or what a patron requested, used or borrowed (card number, circulation, holds, searches). The strictest class: never logged raw, sent only to contracted vendors approved for it, stored only in sinks approved for it.
/// </summary>
/// <remarks>
/// Applies to properties, fields, parameters, return values, and to classes, structs and interfaces: a classified type
/// classifies all of its members and every value of the type.
/// </remarks>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class PatronRecordAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the target as <see cref="MecTaxonomy.PatronRecord"/>.</summary>
    public PatronRecordAttribute()
        : base(MecTaxonomy.PatronRecord)
    {
    }
}
