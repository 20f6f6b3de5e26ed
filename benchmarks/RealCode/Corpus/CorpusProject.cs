using System.Xml.Linq;

namespace MecCompliance.RealCode.Corpus;

/// <summary>
/// What the harness reads from one <c>.csproj</c> without MSBuild: enough to compile it the way the SDK would
/// (its sources, package and project references, usings, output kind), never the imported targets.
/// </summary>
public sealed class CorpusProject
{
    private static readonly string[] TestSuffixes = [".Test", ".Tests", ".IntegrationTest", ".IntegrationTests"];

    private CorpusProject(string path, XDocument document)
    {
        FilePath = Path.GetFullPath(path);
        Directory = Path.GetDirectoryName(FilePath)!;
        Name = Path.GetFileNameWithoutExtension(FilePath);
        var root = document.Root!;
        var sdk = (string?)root.Attribute("Sdk") ?? "";
        IsWeb = sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);
        AssemblyName = Property(root, "AssemblyName") is { Length: > 0 } name && !name.Contains("$(", StringComparison.Ordinal) ? name : Name;
        var outputType = Property(root, "OutputType");
        IsExecutable = outputType is not null
            ? outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase)
            : IsWeb;
        ImplicitUsings = !string.Equals(Property(root, "ImplicitUsings"), "disable", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Property(root, "ImplicitUsings"), "false", StringComparison.OrdinalIgnoreCase);
        AllowUnsafe = string.Equals(Property(root, "AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase);
        PackageReferences = Items(root, "PackageReference").ToList();
        FrameworkReferences = Items(root, "FrameworkReference").ToList();
        Usings = Items(root, "Using").ToList();
        InternalsVisibleTo = Items(root, "InternalsVisibleTo").ToList();
        ProjectReferencePaths = Items(root, "ProjectReference")
            .Select(p => Path.GetFullPath(Path.Combine(Directory, p.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    public string FilePath { get; }

    public string Directory { get; }

    public string Name { get; }

    public string AssemblyName { get; }

    /// <summary><c>Microsoft.NET.Sdk.Web</c>: the Web SDK's extra implicit usings and the ASP.NET Core framework.</summary>
    public bool IsWeb { get; }

    public bool IsExecutable { get; }

    public bool ImplicitUsings { get; }

    public bool AllowUnsafe { get; }

    public IReadOnlyList<string> PackageReferences { get; }

    public IReadOnlyList<string> FrameworkReferences { get; }

    public IReadOnlyList<string> Usings { get; }

    public IReadOnlyList<string> InternalsVisibleTo { get; }

    public IReadOnlyList<string> ProjectReferencePaths { get; }

    public bool IsTestProject => TestSuffixes.Any(s => Name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    public static CorpusProject Load(string path) => new(path, XDocument.Load(path));

    /// <summary>
    /// Every <c>.csproj</c> under the roots (obj/bin skipped), ordered so that each project comes after the projects it
    /// references. References that point outside the roots are dropped (their code is not in the corpus).
    /// </summary>
    public static IReadOnlyList<CorpusProject> Discover(IEnumerable<string> roots, bool includeTests)
    {
        var projects = roots
            .SelectMany(r => System.IO.Directory.EnumerateFiles(r, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(Path.GetRelativePath(r, p))))
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Select(Load)
            .Where(p => includeTests || !p.IsTestProject)
            .ToDictionary(p => p.FilePath, StringComparer.Ordinal);

        var ordered = new List<CorpusProject>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var project in projects.Values.OrderBy(p => p.FilePath, StringComparer.Ordinal))
        {
            Visit(project, projects, state, ordered);
        }

        return ordered;
    }

    /// <summary>The C# files that belong to this project: its folder, minus build output and nested projects' folders.</summary>
    public IEnumerable<string> SourceFiles(IReadOnlyCollection<CorpusProject> all)
    {
        var nested = all
            .Where(p => p.Directory != Directory && p.Directory.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(p => p.Directory + Path.DirectorySeparatorChar)
            .ToList();
        return System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(Directory, f)))
            .Where(f => !nested.Any(n => f.StartsWith(n, StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    private static void Visit(CorpusProject project, Dictionary<string, CorpusProject> all, Dictionary<string, bool> state, List<CorpusProject> ordered)
    {
        if (state.TryGetValue(project.FilePath, out var done))
        {
            // A cycle (false: still being visited) cannot be built by MSBuild either; the first visit wins.
            _ = done;
            return;
        }

        state[project.FilePath] = false;
        foreach (var reference in project.ProjectReferencePaths)
        {
            if (all.TryGetValue(reference, out var referenced))
            {
                Visit(referenced, all, state, ordered);
            }
        }

        state[project.FilePath] = true;
        ordered.Add(project);
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(s => s is "obj" or "bin");

    private static string? Property(XElement root, string name) =>
        root.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value.Trim()).LastOrDefault();

    private static IEnumerable<string> Items(XElement root, string name) =>
        root.Descendants()
            .Where(e => e.Name.LocalName == name)
            .Select(e => (string?)e.Attribute("Include"))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!.Trim());
}
