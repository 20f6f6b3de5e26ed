using MecCompliance.Analyzers.Baseline;
using MecCompliance.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Baseline;

/// <summary>
/// Finds the baseline a build of the target uses: the file the package's build files hand the compiler (the
/// <c>MecComplianceBaseline</c> property, or the nearest <c>mec-baseline.json</c>), else the nearest
/// <c>mec-baseline.json</c> from the target's folder upwards, as those build files would find it.
/// </summary>
internal static class BaselineLocator
{
    public static string? Find(string targetDirectory, IEnumerable<Project> projects)
    {
        foreach (var project in projects)
        {
            if (BaselineFile.Find(project.AnalyzerOptions) is { } file && File.Exists(file.Path))
            {
                return file.Path;
            }
        }

        for (var directory = new DirectoryInfo(targetDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, BaselineDocument.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads <paramref name="file"/> with the build's own reader; a malformed file stops the command with its reason.</summary>
    public static BaselineDocument Read(string file)
    {
        var document = BaselineDocument.Parse(File.ReadAllText(file));
        return document.Error is { } error
            ? throw new ReportException($"baseline {file} is malformed at line {error.Line}, column {error.Column}: {error.Message}. Fix it, or write it again with 'mec baseline'.")
            : document;
    }
}
