namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// Finds the project's baseline among its additional files: the one the package's build files marked with the
/// <c>MecComplianceBaseline</c> item metadata (the <c>MecComplianceBaseline</c> property, or the nearest
/// <c>mec-baseline.json</c> upwards), else one named <c>mec-baseline.json</c> that a project added itself.
/// </summary>
internal static class BaselineFile
{
    /// <summary>How the item metadata reaches analyzers (<c>CompilerVisibleItemMetadata</c> in the package's targets).</summary>
    public const string MarkerKey = "build_metadata.AdditionalFiles.MecComplianceBaseline";

    public static AdditionalText? Find(AnalyzerOptions options)
    {
        AdditionalText? byName = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MarkerKey, out var marker) &&
                string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }

            if (byName is null && string.Equals(FileNameOf(file.Path), BaselineDocument.FileName, StringComparison.OrdinalIgnoreCase))
            {
                byName = file;
            }
        }

        return byName;
    }

    /// <summary>The parsed baseline; <see langword="null"/> when the file's text cannot be read.</summary>
    public static BaselineDocument? Read(AdditionalText file, CancellationToken cancellationToken) =>
        file.GetText(cancellationToken) is { } text ? BaselineDocument.Parse(text.ToString()) : null;

    public static string FileNameOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
