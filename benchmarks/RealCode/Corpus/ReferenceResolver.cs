using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace MecCompliance.RealCode.Corpus;

/// <summary>
/// The metadata references a project compiles against without a restore: the installed SDK's reference packs, and
/// whichever of its packages happen to be in the local NuGet cache. Everything else stays unresolved; the compilation
/// is then partial, as the summary says, and the analyzers must cope.
/// </summary>
public sealed class ReferenceResolver
{
    // Newest first: the first target folder a package ships decides which of its assemblies are referenced.
    private static readonly string[] TargetPreference =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.1", "netstandard1.0"];

    private readonly Dictionary<string, MetadataReference> cache = new(StringComparer.Ordinal);

    public ReferenceResolver(string dotnetRoot, string nugetPackages)
    {
        NetCore = Pack(dotnetRoot, "Microsoft.NETCore.App.Ref");
        AspNetCore = Pack(dotnetRoot, "Microsoft.AspNetCore.App.Ref");
        NuGetPackages = nugetPackages;
        if (NetCore.Count == 0)
        {
            throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref reference pack under {dotnetRoot}/packs: pass --dotnet-root.");
        }
    }

    public IReadOnlyList<string> NetCore { get; }

    public IReadOnlyList<string> AspNetCore { get; }

    public string NuGetPackages { get; }

    /// <summary>The dotnet root the running runtime came from (…/shared/Microsoft.NETCore.App/x.y.z/ → …).</summary>
    public static string DefaultDotnetRoot() =>
        Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
            ? root
            : Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static string DefaultNuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// Whether the project sees the ASP.NET Core shared framework: the Web SDK, a framework reference, or a package of
    /// the framework's own assemblies (Microsoft.AspNetCore.* / Microsoft.Extensions.*), whose assemblies are the ones
    /// the reference pack holds. Framework references flow through project references, as in MSBuild.
    /// </summary>
    public static bool UsesAspNetCore(CorpusProject project) =>
        project.IsWeb
        || project.FrameworkReferences.Any(f => f.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase))
        || project.PackageReferences.Any(p => p.StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase)
                                              || p.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase));

    /// <summary>The references for one project, and the names of its packages not found in the cache.</summary>
    public (List<MetadataReference> References, List<string> Missing) For(CorpusProject project, bool aspNetCore)
    {
        var framework = aspNetCore ? NetCore.Concat(AspNetCore).ToList() : NetCore.ToList();
        var frameworkNames = framework.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var files = new List<string>(framework);
        var missing = new List<string>();
        foreach (var package in project.PackageReferences)
        {
            var assemblies = PackageAssemblies(package);
            if (assemblies.Count == 0)
            {
                missing.Add(package);
                continue;
            }

            // A package of an assembly the framework already has (an older Microsoft.Extensions.*) would make every type
            // in it ambiguous: the framework's copy wins, as it does in a real build.
            files.AddRange(assemblies.Where(a => !frameworkNames.Contains(Path.GetFileNameWithoutExtension(a))));
        }

        var references = files
            .Distinct(StringComparer.Ordinal)
            .GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase)
            .Select(g => Reference(g.First()))
            .ToList();
        return (references, missing);
    }

    public MetadataReference Reference(string file)
    {
        lock (cache)
        {
            if (!cache.TryGetValue(file, out var reference))
            {
                reference = MetadataReference.CreateFromFile(file);
                cache[file] = reference;
            }

            return reference;
        }
    }

    private List<string> PackageAssemblies(string package)
    {
        var folder = Path.Combine(NuGetPackages, package.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            return [];
        }

        foreach (var version in Directory.EnumerateDirectories(folder).OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var parsed) ? parsed : new Version(0, 0)))
        {
            foreach (var kind in new[] { "ref", "lib" })
            {
                foreach (var target in TargetPreference)
                {
                    var candidate = Path.Combine(version, kind, target);
                    if (Directory.Exists(candidate))
                    {
                        var dlls = Directory.EnumerateFiles(candidate, "*.dll").ToList();
                        if (dlls.Count > 0)
                        {
                            return dlls;
                        }
                    }
                }
            }
        }

        return [];
    }

    private static List<string> Pack(string dotnetRoot, string name)
    {
        var packFolder = Path.Combine(dotnetRoot, "packs", name);
        if (!Directory.Exists(packFolder))
        {
            return [];
        }

        var newest = Directory.EnumerateDirectories(packFolder)
            .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
            .FirstOrDefault();
        if (newest is null)
        {
            return [];
        }

        var refFolder = Path.Combine(newest, "ref");
        var target = Directory.Exists(refFolder)
            ? Directory.EnumerateDirectories(refFolder).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return target is null ? [] : Directory.EnumerateFiles(target, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
    }
}
