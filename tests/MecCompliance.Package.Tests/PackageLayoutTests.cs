using System.IO.Compression;
using System.Xml.Linq;

namespace MecCompliance.Package.Tests;

/// <summary>What `dotnet pack MecCompliance.sln` produces, as a feed and a package explorer show it.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    [Fact]
    public void Packing_the_solution_produces_exactly_the_two_packages_and_their_symbols()
    {
        Assert.True(feed.Pack.Succeeded, feed.Pack.ToString());

        var files = Directory.GetFiles(feed.FeedDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            new[]
            {
                $"MecCompliance.{feed.PackageVersion}.nupkg",
                $"MecCompliance.{feed.PackageVersion}.snupkg",
                $"MecCompliance.Redaction.{feed.PackageVersion}.nupkg",
                $"MecCompliance.Redaction.{feed.PackageVersion}.snupkg",
            },
            files);
    }

    [Fact]
    public void MecCompliance_ships_the_attributes_as_its_library_and_the_analyzers_only_to_the_compiler()
    {
        var entries = Entries("MecCompliance");

        Assert.Contains("lib/netstandard2.0/MecCompliance.Attributes.dll", entries);
        Assert.Contains("lib/netstandard2.0/MecCompliance.Attributes.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/MecCompliance.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/MecCompliance.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/MecCompliance.props", entries);
        Assert.Contains("buildTransitive/MecCompliance.targets", entries);
        Assert.Contains("buildTransitive/MecCompliance.warn.globalconfig", entries);
        Assert.Contains("buildTransitive/MecCompliance.off.globalconfig", entries);
        Assert.Contains("README.md", entries);

        // An analyzer under lib/ would become a reference of every consumer, dragging Roslyn into their applications.
        Assert.Equal(
            new[] { "lib/netstandard2.0/MecCompliance.Attributes.dll" },
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("build/", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_packages_carry_full_metadata()
    {
        foreach (var id in new[] { "MecCompliance", "MecCompliance.Redaction" })
        {
            var metadata = Nuspec(id);

            Assert.Equal(id, Value(metadata, "id"));
            Assert.Equal(feed.PackageVersion, Value(metadata, "version"));
            Assert.Equal("MIT", Value(metadata, "license"));
            Assert.Equal("expression", metadata.Element(metadata.Name.Namespace + "license")!.Attribute("type")!.Value);
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.Contains("Missouri Evergreen Consortium", Value(metadata, "authors"), StringComparison.Ordinal);
            Assert.True(Value(metadata, "description").Length > 80, id + " needs a real description");
            Assert.Contains("privacy", Value(metadata, "tags").Split(' '));
            Assert.NotNull(metadata.Element(metadata.Name.Namespace + "repository"));
            Assert.Contains("README.md", Entries(id));
        }
    }

    [Fact]
    public void Symbols_package_holds_the_attributes_pdb()
    {
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(feed.PackagePath("MecCompliance"), ".snupkg"));

        Assert.Contains(symbols.Entries, e => e.FullName == "lib/netstandard2.0/MecCompliance.Attributes.pdb");
    }

    [Fact]
    public void Redaction_depends_on_the_same_MecCompliance_and_passes_its_analyzers_on()
    {
        var metadata = Nuspec("MecCompliance.Redaction");
        var ns = metadata.Name.Namespace;
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();

        Assert.Equal(new[] { "net10.0", "net8.0" }, groups.Select(g => g.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            var dependency = group.Elements(ns + "dependency").Single(d => d.Attribute("id")!.Value == "MecCompliance");
            Assert.Equal(feed.PackageVersion, dependency.Attribute("version")!.Value);

            // NuGet's default for a project reference excludes Build and Analyzers: installing only the runtime
            // package would then silently drop compile-time enforcement.
            var exclude = dependency.Attribute("exclude")?.Value ?? string.Empty;
            Assert.DoesNotContain("Analyzers", exclude, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Build", exclude, StringComparison.OrdinalIgnoreCase);
        }
    }

    private List<string> Entries(string id)
    {
        Assert.True(feed.Pack.Succeeded, feed.Pack.ToString());
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        return package.Entries.Select(e => e.FullName).ToList();
    }

    private XElement Nuspec(string id)
    {
        Assert.True(feed.Pack.Succeeded, feed.Pack.ToString());
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name)?.Value ?? throw new Xunit.Sdk.XunitException($"nuspec has no <{name}>");
}
