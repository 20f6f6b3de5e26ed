using System.Diagnostics;
using MecCompliance.Cli.Analysis;
using MecCompliance.Cli.Baseline;
using MecCompliance.Cli.Diff;
using MecCompliance.Cli.Loading;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli;

/// <summary>The <c>mec</c> command: parses, loads, analyses, writes the report, and maps the outcome to an exit code.</summary>
internal static class MecCommand
{
    public const int Compliant = 0;
    public const int ViolationsFound = 1;
    public const int UsageOrLoadError = 2;

    /// <param name="onReport">Sees the data map before it is written (tests inspect it without parsing a format).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, Action<DataMap>? onReport = null)
    {
        if (args.Count > 0 && args[0] is "--help" or "-h" or "help")
        {
            stdout.WriteLine(ReportArguments.Usage);
            stdout.WriteLine();
            stdout.WriteLine(BaselineArguments.Usage);
            stdout.WriteLine();
            stdout.WriteLine(DiffArguments.Usage);
            return Compliant;
        }

        if (args.Count > 0 && args[0] == "diff")
        {
            return await DiffCommand.RunAsync(args, stdout, stderr).ConfigureAwait(false);
        }

        if (args is ["baseline", ..])
        {
            BaselineArguments baseline;
            try
            {
                baseline = BaselineArguments.Parse(args);
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"mec: {e.Message}");
                stderr.WriteLine(BaselineArguments.Usage);
                return UsageOrLoadError;
            }

            return await GuardAsync(() => BaselineCommand.RunAsync(baseline, stdout, stderr, cancellationToken), stderr, cancellationToken).ConfigureAwait(false);
        }

        ReportArguments arguments;
        try
        {
            arguments = ReportArguments.Parse(args);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"mec: {e.Message}");
            stderr.WriteLine(ReportArguments.Usage);
            return UsageOrLoadError;
        }

        return await GuardAsync(
            async () =>
            {
                var map = await ReportAsync(arguments, stderr, cancellationToken).ConfigureAwait(false);
                onReport?.Invoke(map);
                if (arguments.OutputFile is { } file)
                {
                    await using var writer = new StreamWriter(file);
                    ReportWriters.Write(map, arguments.Format, writer);
                    stderr.WriteLine($"mec: report written to {file}");
                }
                else
                {
                    ReportWriters.Write(map, arguments.Format, stdout);
                }

                return map.HasViolations ? ViolationsFound : Compliant;
            },
            stderr,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command and maps its failures to messages and exit codes.</summary>
    private static async Task<int> GuardAsync(Func<Task<int>> command, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (ReportException e)
        {
            stderr.WriteLine($"mec: {e.Message}");
            return UsageOrLoadError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("mec: cancelled; no report written.");
            return UsageOrLoadError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A CI gate must never read a crash as "compliant": say what failed and exit with the error code.
            stderr.WriteLine($"mec: the report failed unexpectedly; please report this with the output below.{Environment.NewLine}{e}");
            return UsageOrLoadError;
        }
    }

    /// <summary>Loads <paramref name="arguments"/>' target and builds its data map; progress goes to <paramref name="progress"/>.</summary>
    /// <param name="baselineFile">The baseline to apply; by default the one a build of the target finds.</param>
    /// <param name="applyBaseline">False to leave every finding open (writing a new baseline).</param>
    public static async Task<DataMap> ReportAsync(ReportArguments arguments, TextWriter progress, CancellationToken cancellationToken, string? baselineFile = null, bool applyBaseline = true)
    {
        var clock = Stopwatch.StartNew();
        var target = ReportTarget.Resolve(arguments.Target);
        WorkspaceLoader.RegisterMSBuild();
        using var loaded = await new WorkspaceLoader(progress).LoadAsync(target, arguments.Restore, cancellationToken).ConfigureAwait(false);

        var builder = new ComplianceReportBuilder(Path.GetRelativePath(Environment.CurrentDirectory, target.FilePath), new SourcePaths(target.Directory), progress);
        var analysed = 0;
        foreach (var project in loaded.Projects.DistinctBy(p => p.FilePath))
        {
            progress.WriteLine($"mec: analysing {project.Name}");
            if (await builder.AddAsync(project, required: !target.IsSolution, cancellationToken).ConfigureAwait(false))
            {
                analysed++;
            }
            else
            {
                progress.WriteLine($"  skipped {project.Name}: it does not reference MecCompliance");
            }
        }

        if (analysed == 0)
        {
            throw new ReportException($"no project in {Path.GetFileName(target.FilePath)} references MecCompliance: add the MecCompliance package to the projects that handle patron data.");
        }

        var map = builder.Build();
        if (applyBaseline && (baselineFile ?? BaselineLocator.Find(target.Directory, loaded.Projects)) is { } baseline)
        {
            map = BaselineMarking.Apply(map, baseline, BaselineLocator.Read(baseline));
            progress.WriteLine($"mec: baseline {baseline}: {map.BaselinedFindings.Count()} finding(s) baselined, {map.Baseline!.Stale.Count} stale entr(ies)");
        }

        progress.WriteLine($"mec: {map.Findings.Count} finding(s), {map.Flows.Count} flow(s) in {clock.Elapsed.TotalSeconds:0.0} s");
        return map;
    }
}
