using System.Security;

namespace MecCompliance.Package.Tests;

/// <summary>A project that installs MecCompliance from the local feed, as a consortium developer's project would.</summary>
public sealed class ConsumerProject
{
    private readonly PackedFeed feed;

    private ConsumerProject(PackedFeed feed, string name)
    {
        this.feed = feed;
        Directory = Path.Combine(feed.Root, name);
        ProjectFile = Path.Combine(Directory, name + ".csproj");
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>
    /// A project on <paramref name="packageId"/>; installing only MecCompliance, it also references the logging
    /// abstractions its code uses (the runtime package brings them itself).
    /// </summary>
    public static ConsumerProject Create(PackedFeed feed, string name, string targetFrameworks, string packageId, params (string File, string Source)[] sources)
    {
        var project = new ConsumerProject(feed, name);
        System.IO.Directory.CreateDirectory(project.Directory);
        var logging = packageId == "MecCompliance"
            ? $"""<PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="{Repository.CentralVersionOf("Microsoft.Extensions.Logging.Abstractions")}" />"""
            : string.Empty;
        File.WriteAllText(project.ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="[{SecurityElement.Escape(feed.PackageVersion)}]" />
                {logging}
              </ItemGroup>
            </Project>
            """);
        foreach (var (file, source) in sources)
        {
            File.WriteAllText(Path.Combine(project.Directory, file), source);
        }

        project.SetEditorConfig(string.Empty);
        return project;
    }

    /// <summary>Replaces the project's .editorconfig (a root one, so nothing above the temporary folder leaks in).</summary>
    public void SetEditorConfig(string entries) =>
        File.WriteAllText(Path.Combine(Directory, ".editorconfig"), "root = true\n\n[*.cs]\n" + entries + "\n");

    /// <summary>
    /// Restores once. A source that cannot be reached only warns: the packages come from the local feed and the cache.
    /// </summary>
    public Task<CommandResult> RestoreAsync() =>
        DotnetCli.RunAsync(Directory, "restore", ProjectFile, "--ignore-failed-sources", "-nodeReuse:false", "-tl:off", "-v:minimal");

    public Task<CommandResult> BuildAsync(params string[] properties) =>
        DotnetCli.RunAsync(
            Directory,
            ["build", ProjectFile, "--no-restore", "--no-incremental", "-nodeReuse:false", "-tl:off", "-v:minimal", .. properties]);

    public string PathOf(string file) => Path.Combine(Directory, file);
}
