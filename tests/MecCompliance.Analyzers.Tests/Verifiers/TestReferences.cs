using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// References for test compilations, resolved offline: .NET 8 reference assemblies from Basic.Reference.Assemblies, the
/// attributes assembly, and the net8.0 (or netstandard) builds of real libraries taken from their NuGet package folders
/// (recorded at build time), so they match the .NET 8 reference set whatever this test process runs on.
/// </summary>
internal static class TestReferences
{
    /// <summary>An empty reference set: nothing is downloaded at test time.</summary>
    public static ReferenceAssemblies Net80 { get; } = new("net8.0");

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
        var root = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "package:" + packageId)?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException($"The test project records no package folder for {packageId}; add GeneratePathProperty and an AssemblyMetadata item.");
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
