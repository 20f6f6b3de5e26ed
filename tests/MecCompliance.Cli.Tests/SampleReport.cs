using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// One run of <c>mec report</c> on a sample, in-process and exactly as the command line runs it: MSBuildWorkspace
/// loading costs seconds, so each test class shares one run.
/// </summary>
public abstract class SampleReport : IAsyncLifetime
{
    private readonly string _sample;

    protected SampleReport(string sample)
    {
        _sample = sample;
    }

    internal DataMap Map { get; private set; } = null!;

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public string Progress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ExitCode = await MecCommand.RunAsync(["report", Repository.PathOf(_sample)], stdout, stderr, CancellationToken.None, map => Map = map);
        Output = stdout.ToString();
        Progress = stderr.ToString();
        if (Map is null)
        {
            throw new InvalidOperationException($"mec report {_sample} produced no report (exit code {ExitCode}):{Environment.NewLine}{Progress}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class ViolationsSampleReport() : SampleReport("samples/PatronServices.Violations");

public sealed class CleanSampleReport() : SampleReport("samples/PatronServices");
