using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Analysis;

/// <summary>Turns Roslyn locations into report locations relative to the folder of the report's target.</summary>
internal sealed class SourcePaths(string baseDirectory)
{
    public SourcePoint PointOf(Location location)
    {
        var span = location.GetMappedLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? "(generated)" : Relative(span.Path);
        return new SourcePoint(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private string Relative(string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(baseDirectory, path).Replace('\\', '/') : path.Replace('\\', '/');
}
