using System.Reflection;
using System.Xml.Linq;

namespace MecCompliance.Package.Tests;

/// <summary>The repository this test assembly was built from, and the facts the packages take from it.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("MecCompliance.RepositoryRoot");

    /// <summary>The configuration the solution was built in; the tests pack exactly those binaries.</summary>
    public static string Configuration { get; } = Metadata("MecCompliance.Configuration");

    public static string Solution => Path.Combine(Root, "MecCompliance.sln");

    /// <summary>The product version every package carries (Directory.Build.props).</summary>
    public static string Version { get; } = Property("Directory.Build.props", "Version");

    /// <summary>The central version of a package the consumers use too, so they restore from the machine's cache.</summary>
    public static string CentralVersionOf(string packageId) =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == packageId).Attribute("Version")!.Value;

    private static string Property(string file, string name) =>
        XDocument.Load(Path.Combine(Root, file)).Descendants(name).First().Value.Trim();

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly records no {key}.");
}
