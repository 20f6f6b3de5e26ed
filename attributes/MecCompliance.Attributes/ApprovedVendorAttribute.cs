using System;

namespace MecCompliance;

/// <summary>
/// Declares, at assembly level, a third-party vendor and the classes of data it is approved to receive.
/// </summary>
/// <example>
/// <code>
/// [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
///     Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]
/// </code>
/// </example>
/// <remarks>
/// RSMo 182.817 binds only contracted third parties: a vendor approved for <see cref="PatronRecordAttribute"/> must name
/// its <see cref="Contract"/>. The declaration may live in the application or in a referenced policy assembly shared by
/// the consortium.
/// </remarks>
/// <param name="name">The vendor's name, used by <see cref="VendorAttribute"/> and by named <c>HttpClient</c>s.</param>
/// <param name="allowed">The classification attribute types (for example <c>typeof(PersonalDataAttribute)</c>) the vendor may receive.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ApprovedVendorAttribute(string name, params Type[] allowed) : Attribute
{
    /// <summary>The vendor's name.</summary>
    public string Name { get; } = name;

    /// <summary>The classification attribute types the vendor is approved to receive.</summary>
    public Type[] Allowed { get; } = allowed ?? [];

    /// <summary>
    /// The host names the vendor owns (<c>"api.vendor.example"</c>, or <c>"*.vendor.example"</c> for every sub-domain):
    /// a request to one of them is a request to this vendor.
    /// </summary>
    public string[] Hosts { get; set; } = [];

    /// <summary>The reference of the contract that binds the vendor; required when it is approved for patron records.</summary>
    public string? Contract { get; set; }
}
