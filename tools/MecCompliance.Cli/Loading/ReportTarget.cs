using System.Text.RegularExpressions;
using MecCompliance.Cli.Analysis;

namespace MecCompliance.Cli.Loading;

/// <summary>The solution or project a report is about, found from what the user typed (a file or a folder).</summary>
internal sealed partial record ReportTarget(string FilePath, bool IsSolution)
{
    public string Directory => Path.GetDirectoryName(FilePath)!;

    public static ReportTarget Resolve(string argument)
    {
        var full = Path.GetFullPath(argument);
        if (File.Exists(full))
        {
            return Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".sln" or ".slnx" => new ReportTarget(full, IsSolution: true),
                ".csproj" => new ReportTarget(full, IsSolution: false),
                _ => throw new ReportException($"'{argument}' is neither a solution (.sln, .slnx) nor a C# project (.csproj)."),
            };
        }

        if (!System.IO.Directory.Exists(full))
        {
            throw new ReportException($"'{argument}' does not exist: give a solution, a .csproj, or a folder holding one.");
        }

        var projects = System.IO.Directory.GetFiles(full, "*.csproj");
        if (projects.Length == 1)
        {
            return new ReportTarget(projects[0], IsSolution: false);
        }

        var solutions = System.IO.Directory.GetFiles(full, "*.sln").Concat(System.IO.Directory.GetFiles(full, "*.slnx")).ToArray();
        if (solutions.Length == 1)
        {
            return new ReportTarget(solutions[0], IsSolution: true);
        }

        var candidates = projects.Concat(solutions).Select(Path.GetFileName).ToArray();
        throw new ReportException(candidates.Length == 0
            ? $"'{argument}' holds no solution or C# project."
            : $"'{argument}' holds several candidates ({string.Join(", ", candidates)}): name one of them.");
    }

    /// <summary>The project files this target builds: itself, or those a solution lists.</summary>
    public IReadOnlyList<string> ProjectFiles()
    {
        if (!IsSolution)
        {
            return [FilePath];
        }

        var text = File.ReadAllText(FilePath);
        var matches = Path.GetExtension(FilePath).Equals(".slnx", StringComparison.OrdinalIgnoreCase)
            ? SlnxProject().Matches(text)
            : SlnProject().Matches(text);
        return matches
            .Select(m => Path.GetFullPath(Path.Combine(Directory, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    [GeneratedRegex(@"^Project\(""[^""]+""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();

    [GeneratedRegex(@"<Project\s+Path=""(?<path>[^""]+\.csproj)""")]
    private static partial Regex SlnxProject();
}
