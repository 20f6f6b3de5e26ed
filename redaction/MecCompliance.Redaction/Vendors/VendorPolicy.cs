using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MecCompliance.Redaction.Policy;

namespace MecCompliance.Redaction.Vendors;

/// <summary>The declared vendors and the hosts each owns, read once from the policy assemblies.</summary>
internal sealed class VendorPolicy
{
    private readonly (string Vendor, string Pattern)[] _hosts;

    public VendorPolicy(IEnumerable<ApprovedVendorAttribute> declarations)
    {
        var list = declarations.Where(static d => !string.IsNullOrWhiteSpace(d.Name)).ToList();
        Vendors = list.Select(static d => d.Name).Distinct(StringComparer.Ordinal).ToArray();
        _hosts = list
            .SelectMany(static d => (d.Hosts ?? []).Select(h => (d.Name, Normalize(h))))
            .Where(static h => h.Item2.Length > 0 && h.Item2 != "*" && h.Item2 != "*.")
            .ToArray();
    }

    public IReadOnlyList<string> Vendors { get; }

    public static VendorPolicy From(MecVendorGateOptions options) =>
        new(PolicyAssemblies.Resolve(options.IncludeEntryAssembly, options.PolicyAssemblies, options.PolicyAssemblyNames)
            .SelectMany(static a => a.GetCustomAttributes<ApprovedVendorAttribute>()));

    public bool IsDeclared(string vendor) => Vendors.Contains(vendor, StringComparer.Ordinal);

    /// <summary>The vendor owning <paramref name="host"/>, or <see langword="null"/>; among <paramref name="onlyVendor"/>'s hosts when given.</summary>
    public string? FindOwner(string host, string? onlyVendor)
    {
        var candidate = Normalize(host);
        foreach (var (vendor, pattern) in _hosts)
        {
            if ((onlyVendor is null || string.Equals(vendor, onlyVendor, StringComparison.Ordinal)) && Matches(pattern, candidate))
            {
                return vendor;
            }
        }

        return null;
    }

    public IEnumerable<string> HostsOf(string vendor) =>
        _hosts.Where(h => string.Equals(h.Vendor, vendor, StringComparison.Ordinal)).Select(static h => h.Pattern);

    // "*.vendor.example" owns every sub-domain, not the apex: the declaration says which it means.
    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.Length > pattern.Length - 1 && host.EndsWith(pattern[1..], StringComparison.Ordinal)
            : string.Equals(pattern, host, StringComparison.Ordinal);

    private static string Normalize(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
