using MecCompliance.Analyzers.Baseline;
using MecCompliance.Cli.Analysis;
using MecCompliance.Cli.Loading;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Baseline;

/// <summary><c>mec baseline</c>: writes today's findings to the baseline, or (<c>--check</c>) lists the entries no finding matches.</summary>
internal static class BaselineCommand
{
    public const int Done = 0;
    public const int StaleEntries = 1;

    public static async Task<int> RunAsync(BaselineArguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var target = ReportTarget.Resolve(arguments.Target);
        var file = arguments.File is { } given ? Path.GetFullPath(given) : null;
        if (arguments.Check && file is not null && !File.Exists(file))
        {
            throw new ReportException($"baseline {file} does not exist.");
        }

        var map = await MecCommand.ReportAsync(new ReportArguments(arguments.Target, ReportFormat.Markdown, null, arguments.Restore), stderr, cancellationToken, file, applyBaseline: arguments.Check)
            .ConfigureAwait(false);
        return arguments.Check ? Check(map, stdout) : Write(map, file ?? Path.Combine(target.Directory, BaselineDocument.FileName), stderr);
    }

    private static int Check(DataMap map, TextWriter stdout)
    {
        if (map.Baseline is not { } baseline)
        {
            throw new ReportException($"no {BaselineDocument.FileName} in the folder of {Path.GetFileName(map.Target)} or above it: write one with 'mec baseline'.");
        }

        if (baseline.Stale.Count == 0)
        {
            stdout.WriteLine($"mec: every entry of {baseline.File} ({baseline.Entries}) still matches a finding.");
            return Done;
        }

        stdout.WriteLine($"mec: {baseline.Stale.Count} of {baseline.Entries} entries of {baseline.File} match no finding any more; remove them (or write the baseline again):");
        foreach (var entry in baseline.Stale)
        {
            var fingerprint = entry.Fingerprint;
            stdout.WriteLine($"  {fingerprint.Rule} {fingerprint.Data} -> {fingerprint.Sink} in {fingerprint.Member}" +
                             (fingerprint.Occurrence > 0 ? $" (occurrence {fingerprint.Occurrence})" : string.Empty) +
                             (entry.Location is { } location ? $" (recorded at {location})" : string.Empty));
        }

        return StaleEntries;
    }

    private static int Write(DataMap map, string file, TextWriter stderr)
    {
        var previous = File.Exists(file) ? BaselineDocument.Parse(File.ReadAllText(file)) : null;
        var findings = BaselineWriter.Recordable(map);
        using (var stream = File.Create(file))
        {
            BaselineWriter.Write(findings, previous is { Error: null } ? previous : null, stream);
        }

        stderr.WriteLine($"mec: {findings.Count} finding(s) recorded in {file}; a build now reports them as suppressed and fails only on new ones.");
        return Done;
    }
}
