using System;

namespace MecCompliance;

/// <summary>
/// Declares that calls into the marked class, interface or method send data to the third-party vendor
/// <paramref name="name"/>. The vendor must be declared with <see cref="ApprovedVendorAttribute"/>, approved for every
/// class of data that reaches it.
/// </summary>
/// <param name="name">The vendor's name, as declared by an <see cref="ApprovedVendorAttribute"/>.</param>
[AttributeUsage(ClassificationTargets.Participants, AllowMultiple = false, Inherited = true)]
public sealed class VendorAttribute(string name) : Attribute
{
    /// <summary>The vendor's name, as declared by an <see cref="ApprovedVendorAttribute"/>.</summary>
    public string Name { get; } = name;
}
