using MecCompliance.Cli.Baseline;

namespace MecCompliance.Cli.Tests;

/// <summary>The command line of <c>mec baseline</c>: its options, and usage errors that exit with 2.</summary>
public sealed class BaselineCommandLineTests
{
    [Theory]
    [InlineData(new[] { "baseline", "a.sln", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "baseline", "a.sln", "--out" }, "--out needs a value")]
    [InlineData(new[] { "baseline", "a.sln", "b.sln" }, "one target only")]
    public async Task Usage_errors_exit_with_2_and_print_the_baseline_usage(string[] args, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await MecCommand.RunAsync(args, stdout, stderr, CancellationToken.None);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains(message, stderr.ToString());
        Assert.Contains("Usage: mec baseline", stderr.ToString());
        Assert.Empty(stdout.ToString());
    }

    [Theory]
    [InlineData(new[] { "baseline", "x" }, "x", null, false, true)]
    [InlineData(new[] { "baseline", "--check" }, ".", null, true, true)]
    [InlineData(new[] { "baseline", "x", "--out", "b.json", "--no-restore" }, "x", "b.json", false, false)]
    [InlineData(new[] { "baseline", "--check", "-o", "b.json", "x" }, "x", "b.json", true, true)]
    public void Options_are_parsed_and_the_target_defaults_to_the_current_folder(string[] args, string target, string? file, bool check, bool restore)
    {
        var parsed = BaselineArguments.Parse(args);

        Assert.Equal((target, file, check, restore), (parsed.Target, parsed.File, parsed.Check, parsed.Restore));
    }

    [Fact]
    public async Task Check_of_a_baseline_file_that_does_not_exist_exits_with_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "mec-no-such-baseline", "mec-baseline.json");
        var stderr = new StringWriter();

        var exitCode = await MecCommand.RunAsync(["baseline", Repository.PathOf("samples/PatronServices.Violations"), "--check", "--out", missing], new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains($"baseline {missing} does not exist", stderr.ToString());
    }

    [Fact]
    public async Task Help_lists_the_baseline_command()
    {
        var stdout = new StringWriter();

        await MecCommand.RunAsync(["--help"], stdout, new StringWriter(), CancellationToken.None);

        Assert.Contains("Usage: mec baseline", stdout.ToString());
    }
}
