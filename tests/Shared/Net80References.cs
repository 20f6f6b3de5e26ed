using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Shared;

/// <summary>
/// References for in-memory compilations, resolved offline and the same on every machine: .NET 8 reference assemblies
/// from Basic.Reference.Assemblies, the attributes assembly, and the net8.0 (else netstandard) builds of real libraries
/// taken from the package folders that Net80References.props records in this assembly's metadata.
/// </summary>
internal static class Net80References
{
    public static ImmutableArray<MetadataReference> All { get; } = Build();

    private static ImmutableArray<MetadataReference> Build()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        builder.Add(MetadataReference.CreateFromFile(typeof(MecCompliance.PersonalDataAttribute).Assembly.Location));
        builder.Add(FromPackage("Microsoft.Extensions.Compliance.Abstractions"));
        builder.Add(FromPackage("Microsoft.Extensions.Logging.Abstractions"));
        return builder.ToImmutable();
    }

    /// <summary>The net8.0 (else netstandard) build of <paramref name="packageId"/>'s assembly of the same name.</summary>
    public static MetadataReference FromPackage(string packageId)
    {
        var root = typeof(Net80References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "package:" + packageId)?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException($"No package folder is recorded for {packageId}: reference it in tests/Shared/Net80References.props.");
        }

        foreach (var tfm in new[] { "net8.0", "netstandard2.1", "netstandard2.0" })
        {
            var candidate = Path.Combine(root, "lib", tfm, packageId + ".dll");
            if (File.Exists(candidate))
            {
                return MetadataReference.CreateFromFile(candidate);
            }
        }

        throw new InvalidOperationException($"{packageId} in {root} has no net8.0 or netstandard build.");
    }
}
