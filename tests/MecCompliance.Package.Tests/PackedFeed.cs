using System.Collections.Concurrent;
using System.Globalization;
using System.Security;

namespace MecCompliance.Package.Tests;

/// <summary>
/// The solution packed once into a temporary local feed, under a version no earlier run used, so the machine's global
/// package cache can never serve a stale MecCompliance to the consumers.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(ConsumerProject, CommandResult)>>> consumers = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mec-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string PackageVersion { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Repository.Version}-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");

    public CommandResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);

        // --no-build packs the binaries `dotnet test` has just built (this project references both packable projects),
        // instead of rebuilding the solution under the running tests.
        Pack = await DotnetCli.RunAsync(
            Repository.Root,
            "pack", Repository.Solution, "--no-build", "-c", Repository.Configuration, "-o", FeedDirectory,
            "-p:PackageVersion=" + PackageVersion, "-nodeReuse:false", "-tl:off", "-v:minimal");

        // The local feed is added to the machine's own sources, never replacing them: the consumers' other packages
        // (the targeting packs, logging abstractions) resolve from the same cache a developer's build uses.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mec-e2e" value="{SecurityElement.Escape(FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);

        // Stop MSBuild's upward search for Directory.*.props and .editorconfig at the consumers' root.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
    }

    /// <summary>A consumer project, created and restored once and shared by every test that builds it.</summary>
    public Task<(ConsumerProject Project, CommandResult Restore)> ConsumerAsync(string name, Func<PackedFeed, ConsumerProject> create) =>
        consumers.GetOrAdd(name, _ => new Lazy<Task<(ConsumerProject, CommandResult)>>(async () =>
        {
            var project = create(this);
            return (project, await project.RestoreAsync());
        })).Value;

    public string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{PackageVersion}.nupkg");

    public Task DisposeAsync()
    {
        TryDelete(Root);

        // The unique versions extracted into the global cache are this run's own; leave the cache as it was.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "meccompliance", "meccompliance.redaction" })
        {
            TryDelete(Path.Combine(cache, id, PackageVersion.ToLowerInvariant()));
            if (Directory.Exists(Path.Combine(cache, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(cache, id)).Any())
            {
                TryDelete(Path.Combine(cache, id));
            }
        }

        return Task.CompletedTask;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
