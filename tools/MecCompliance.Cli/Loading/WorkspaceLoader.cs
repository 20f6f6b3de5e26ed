using System.Diagnostics;
using MecCompliance.Cli.Analysis;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace MecCompliance.Cli.Loading;

/// <summary>
/// Loads a solution or project the way the build sees it (MSBuild evaluation, package references, generators), restoring
/// it first when it never was, so that the report works on a fresh clone.
/// </summary>
internal sealed class WorkspaceLoader(TextWriter progress)
{
    private static readonly object RegistrationLock = new();

    // One restore or project load at a time in this process. A restore rewrites obj/ files (assets, nuget.g.props) that
    // a design-time build running beside it reads; when two reports of overlapping projects ran in one process (a
    // solution and one of its projects), the load that raced a restore sometimes saw a project without its references
    // and lost flows. Loading is a small part of a report; the analysis after it still runs in parallel.
    private static readonly SemaphoreSlim OneLoadAtATime = new(1, 1);

    /// <summary>Finds the .NET SDK's MSBuild once per process; must run before any MSBuild type is touched.</summary>
    public static void RegisterMSBuild()
    {
        lock (RegistrationLock)
        {
            if (!MSBuildLocator.IsRegistered)
            {
                try
                {
                    MSBuildLocator.RegisterDefaults();
                }
                catch (InvalidOperationException e)
                {
                    throw new ReportException($"no .NET SDK found to load projects with ({e.Message}); install the SDK the project builds with.");
                }
            }
        }
    }

    public async Task<LoadedTarget> LoadAsync(ReportTarget target, bool restore, CancellationToken cancellationToken)
    {
        await OneLoadAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureRestoredAsync(target, restore, cancellationToken).ConfigureAwait(false);
            return await OpenAsync(target, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OneLoadAtATime.Release();
        }
    }

    private async Task<LoadedTarget> OpenAsync(ReportTarget target, CancellationToken cancellationToken)
    {

        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                failures.Add(e.Diagnostic.Message);
            }
        });

        var reporter = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                progress.WriteLine($"  loaded {Path.GetFileName(p.FilePath)}{(p.TargetFramework is { } framework ? $" ({framework})" : "")}");
            }
        });

        progress.WriteLine($"mec: loading {Path.GetRelativePath(Environment.CurrentDirectory, target.FilePath)}");
        try
        {
            IReadOnlyList<Project> projects;
            if (target.IsSolution)
            {
                var solution = await workspace.OpenSolutionAsync(target.FilePath, reporter, cancellationToken).ConfigureAwait(false);

                // Projects the listed ones reference are loaded too; the report covers what the solution lists.
                var listed = target.ProjectFiles().Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
                projects = solution.Projects
                    .Where(p => p.Language == LanguageNames.CSharp && p.FilePath is { } path && listed.Contains(Path.GetFullPath(path)))
                    .ToList();
            }
            else
            {
                var project = await workspace.OpenProjectAsync(target.FilePath, reporter, cancellationToken).ConfigureAwait(false);
                projects = [project];
            }

            var unloaded = failures.Where(f => !f.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
            if (projects.Count == 0 || projects.Any(p => !p.HasDocuments) && unloaded.Count > 0)
            {
                throw new ReportException($"MSBuild could not load {Path.GetFileName(target.FilePath)}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", unloaded));
            }

            foreach (var failure in unloaded)
            {
                progress.WriteLine($"  warning: {failure}");
            }

            return new LoadedTarget(workspace, projects);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            workspace.Dispose();
            throw new ReportException($"MSBuild could not load {Path.GetFileName(target.FilePath)}: {e.Message}");
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private async Task EnsureRestoredAsync(ReportTarget target, bool restore, CancellationToken cancellationToken)
    {
        var unrestored = target.ProjectFiles()
            .Where(p => File.Exists(p) && !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json")))
            .ToList();
        if (unrestored.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", unrestored.Select(Path.GetFileName));
        if (!restore)
        {
            throw new ReportException($"{names} not restored: run 'dotnet restore {target.FilePath}' first, or drop --no-restore.");
        }

        progress.WriteLine($"mec: restoring {names} (never restored)");
        var start = new ProcessStartInfo(DotnetHost(), ["restore", target.FilePath, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new ReportException("Could not start 'dotnet restore'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new ReportException($"'dotnet restore {target.FilePath}' failed (exit code {process.ExitCode}); the report needs restored projects:{Environment.NewLine}{(await output).Trim()}{(await errors).Trim()}");
        }
    }

    // Under 'dotnet run' and 'dotnet test' the host that started us is the SDK's; elsewhere, the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

/// <summary>A loaded workspace and the C# projects the report covers; disposing it releases the build host.</summary>
internal sealed class LoadedTarget(MSBuildWorkspace workspace, IReadOnlyList<Project> projects) : IDisposable
{
    public IReadOnlyList<Project> Projects { get; } = projects;

    public void Dispose() => workspace.Dispose();
}
