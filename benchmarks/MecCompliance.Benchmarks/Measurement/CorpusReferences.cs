using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>
/// What the corpus compiles against: the .NET 8 reference assemblies (fixed, whatever runtime hosts the benchmark, so
/// numbers from two machines bind the same symbols), the attributes, and the net8.0 builds of Logging.Abstractions and
/// Compliance.Abstractions from their package folders, recorded at build time.
/// </summary>
public static class CorpusReferences
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

    private static MetadataReference FromPackage(string packageId)
    {
        var root = typeof(CorpusReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "package:" + packageId)?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException($"The benchmark records no package folder for {packageId}.");
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
