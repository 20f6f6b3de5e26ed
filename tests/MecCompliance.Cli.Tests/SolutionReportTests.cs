using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Tests;

/// <summary>A solution of both samples and a project without MecCompliance, written to a temporary folder.</summary>
public sealed class SolutionReport : IAsyncLifetime
{
    internal DataMap Map { get; private set; } = null!;

    public int ExitCode { get; private set; }

    public string Progress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("mec-solution-").FullName;
        var solution = Path.Combine(folder, "Consortium.sln");
        string[] projects =
        [
            "samples/PatronServices/PatronServices.csproj",
            "samples/PatronServices.Violations/PatronServices.Violations.csproj",
            "analyzers/MecCompliance.Analyzers/MecCompliance.Analyzers.csproj",
        ];
        var entries = projects.Select(p => $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{Path.GetFileNameWithoutExtension(p)}\", " +
            $"\"{Path.GetRelativePath(folder, Repository.PathOf(p))}\", \"{{{Guid.NewGuid().ToString().ToUpperInvariant()}}}\"{Environment.NewLine}EndProject");
        await File.WriteAllTextAsync(solution, $"""

            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            {string.Join(Environment.NewLine, entries)}
            Global
            EndGlobal

            """);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ExitCode = await MecCommand.RunAsync(["report", solution, "--format", "json"], stdout, stderr, CancellationToken.None, map => Map = map);
        Progress = stderr.ToString();
        if (Map is null)
        {
            throw new InvalidOperationException($"mec report on a solution produced no report (exit code {ExitCode}):{Environment.NewLine}{Progress}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SolutionReportTests(SolutionReport report) : IClassFixture<SolutionReport>
{
    [Fact]
    public void Every_project_that_references_MecCompliance_is_reported_and_the_others_are_skipped_with_a_reason()
    {
        Assert.Equal(["PatronServices", "PatronServices.Violations"], report.Map.Projects.Order());
        Assert.Contains("skipped MecCompliance.Analyzers: it does not reference MecCompliance", report.Progress);
    }

    [Fact]
    public void One_project_with_violations_fails_the_whole_solution()
    {
        Assert.Equal(MecCommand.ViolationsFound, report.ExitCode);
        Assert.All(report.Map.Violations, f => Assert.Equal("PatronServices.Violations", f.Project));
    }

    // Once flaky on a fresh clone: when this report was the first to find the Violations sample unrestored, it restored
    // the generated solution, which has no configurations, so the restore did nothing, and the sample was loaded without
    // its packages (every classification attribute unresolved, no flow). Unrestored projects are now restored one by one;
    // NeverRestoredProjectTests pins that down without depending on which fixture runs first.
    [Fact]
    public void Flows_keep_the_project_they_come_from()
    {
        Assert.Contains(report.Map.Flows, f => f.Project == "PatronServices" && f.Sink == "MidwestCollections");
        Assert.Contains(report.Map.Flows, f => f.Project == "PatronServices.Violations" && f.RuleId == "MEC001");
    }
}

/// <summary>A project that was never restored, listed in a solution without configurations (which restores nothing).</summary>
public sealed class NeverRestoredProjectTests
{
    [Fact]
    public async Task A_project_the_solution_cannot_restore_is_restored_by_itself_and_keeps_its_flows()
    {
        // Inside samples/, so the sample's Directory.Build.props (references to MecCompliance) applies to the copy.
        var folder = Repository.PathOf($"samples/.unrestored-{Guid.NewGuid():N}");
        try
        {
            var project = Path.Combine(folder, "Desk");
            Directory.CreateDirectory(project);
            foreach (var file in Directory.EnumerateFiles(Repository.PathOf("samples/PatronServices.Violations"), "*.cs*"))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
            }

            var solution = Path.Combine(folder, "Desk.sln");
            await File.WriteAllTextAsync(solution, """

                Microsoft Visual Studio Solution File, Format Version 12.00
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Desk", "Desk/PatronServices.Violations.csproj", "{0C3B1F3E-5A53-4C5E-9F7A-2B1E8B7D4A11}"
                EndProject
                Global
                EndGlobal

                """);

            var stderr = new StringWriter();
            DataMap? map = null;
            var exit = await MecCommand.RunAsync(["report", solution, "--format", "json"], new StringWriter(), stderr, CancellationToken.None, m => map = m);

            Assert.True(map is not null, stderr.ToString());
            Assert.Equal(MecCommand.ViolationsFound, exit);
            Assert.DoesNotContain("compiler error", stderr.ToString());
            Assert.Contains(map.Flows, f => f.RuleId == "MEC001" && f.Verdict == Verdict.Violation);
            Assert.True(File.Exists(Path.Combine(project, "obj", "project.assets.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
