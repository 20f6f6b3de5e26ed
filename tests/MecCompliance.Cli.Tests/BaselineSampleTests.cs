using MecCompliance.Analyzers.Baseline;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// <c>mec baseline</c> on a temporary copy of samples/PatronServices.Violations, then <c>mec report</c> on the same copy:
/// the report finds the baseline beside the project by itself and shows every finding as baselined.
/// </summary>
public sealed class BaselinedSample : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("mec-baseline-").FullName;

    public int BaselineExitCode { get; private set; }

    public string BaselineProgress { get; private set; } = "";

    internal BaselineDocument Baseline { get; private set; } = null!;

    public int ReportExitCode { get; private set; }

    public string ReportOutput { get; private set; } = "";

    internal DataMap Map { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sample = Repository.PathOf("samples/PatronServices.Violations");
        foreach (var file in Directory.GetFiles(sample).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        // The sample takes the attributes and analyzers from the repository through samples/Directory.Build.props.
        await File.WriteAllTextAsync(Path.Combine(Folder, "Directory.Build.props"),
            $"<Project>\n  <Import Project=\"{Repository.PathOf("samples/Directory.Build.props")}\" />\n</Project>\n");

        var stderr = new StringWriter();
        BaselineExitCode = await MecCommand.RunAsync(["baseline", Folder], new StringWriter(), stderr, CancellationToken.None);
        BaselineProgress = stderr.ToString();
        var written = Path.Combine(Folder, BaselineDocument.FileName);
        if (!File.Exists(written))
        {
            throw new InvalidOperationException($"mec baseline wrote no file (exit code {BaselineExitCode}):{Environment.NewLine}{BaselineProgress}");
        }

        Baseline = BaselineDocument.Parse(await File.ReadAllTextAsync(written));

        var stdout = new StringWriter();
        ReportExitCode = await MecCommand.RunAsync(["report", Folder, "--no-restore"], stdout, new StringWriter(), CancellationToken.None, map => Map = map);
        ReportOutput = stdout.ToString();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class BaselineSampleTests(BaselinedSample sample) : IClassFixture<BaselinedSample>
{
    [Fact]
    public void Baseline_is_written_beside_the_project_with_one_entry_per_violation()
    {
        Assert.Equal(0, sample.BaselineExitCode);
        Assert.Null(sample.Baseline.Error);
        Assert.Equal(["MEC001", "MEC002", "MEC003", "MEC004", "MEC006", "MEC007"], sample.Baseline.Entries.Select(e => e.Fingerprint.Rule).Order());
        Assert.Contains("6 finding(s) recorded in", sample.BaselineProgress);
    }

    [Fact]
    public void Report_finds_the_baseline_and_shows_every_violation_as_baselined_without_failing()
    {
        Assert.Equal(MecCommand.Compliant, sample.ReportExitCode);
        Assert.Equal(6, sample.Map.BaselinedFindings.Count());
        Assert.Empty(sample.Map.Violations);
        Assert.Equal(Path.Combine(sample.Folder, BaselineDocument.FileName), sample.Map.Baseline!.File);
        Assert.Contains("## Baselined findings (6)", sample.ReportOutput);
    }
}
