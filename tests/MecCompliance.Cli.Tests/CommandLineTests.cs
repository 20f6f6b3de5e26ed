using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Tests;

/// <summary>Usage and load errors: exit code 2 and a message that says what to do, on standard error.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], "missing command")]
    [InlineData(new[] { "scan", "x" }, "unknown command 'scan'")]
    [InlineData(new[] { "report" }, "missing the solution, project or folder")]
    [InlineData(new[] { "report", "a.csproj", "--format", "pdf" }, "unknown format 'pdf'")]
    [InlineData(new[] { "report", "a.csproj", "--out" }, "--out needs a value")]
    [InlineData(new[] { "report", "a.csproj", "--verbose" }, "unknown option '--verbose'")]
    public async Task Usage_errors_exit_with_2_and_print_usage(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = await RunAsync(args);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains(message, stderr);
        Assert.Contains("Usage: mec report", stderr);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData(new[] { "report", "x" }, ReportFormat.Markdown, null)]
    [InlineData(new[] { "report", "x", "--out", "map.sarif" }, ReportFormat.Sarif, "map.sarif")]
    [InlineData(new[] { "report", "x", "-o", "map.html" }, ReportFormat.Html, "map.html")]
    [InlineData(new[] { "report", "x", "--out", "map.json", "--format", "md" }, ReportFormat.Markdown, "map.json")]
    [InlineData(new[] { "report", "--format", "JSON", "x" }, ReportFormat.Json, null)]
    internal void Format_is_taken_from_the_option_else_from_the_output_file(string[] args, ReportFormat format, string? output)
    {
        var parsed = ReportArguments.Parse(args);

        Assert.Equal(("x", format, output, true), (parsed.Target, parsed.Format, parsed.OutputFile, parsed.Restore));
    }

    [Fact]
    public async Task Help_prints_usage_on_standard_output_and_exits_with_0()
    {
        var (exitCode, stdout, _) = await RunAsync(["--help"]);

        Assert.Equal(MecCommand.Compliant, exitCode);
        Assert.Contains("Exit codes: 0 compliant, 1 violations found, 2 usage, load or internal error.", stdout);
    }

    [Fact]
    public async Task Missing_target_exits_with_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "mec-no-such-folder", "Nothing.csproj");

        var (exitCode, stdout, stderr) = await RunAsync(["report", missing]);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains($"'{missing}' does not exist", stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Folder_without_a_project_exits_with_2()
    {
        var empty = Directory.CreateTempSubdirectory("mec-empty-").FullName;

        var (exitCode, _, stderr) = await RunAsync(["report", empty]);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains("holds no solution or C# project", stderr);
    }

    [Fact]
    public async Task Unrestored_project_with_no_restore_exits_with_2_and_says_how_to_restore()
    {
        var folder = Directory.CreateTempSubdirectory("mec-unrestored-").FullName;
        var project = Path.Combine(folder, "Unrestored.csproj");
        await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");

        var (exitCode, _, stderr) = await RunAsync(["report", project, "--no-restore"]);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains("Unrestored.csproj not restored: run 'dotnet restore", stderr);
    }

    [Fact]
    public async Task Project_without_MecCompliance_reference_exits_with_2()
    {
        // The analyzer project itself knows no classification attribute: the most honest "not a MecCompliance user".
        var (exitCode, stdout, stderr) = await RunAsync(["report", Repository.PathOf("analyzers/MecCompliance.Analyzers/MecCompliance.Analyzers.csproj")]);

        Assert.Equal(MecCommand.UsageOrLoadError, exitCode);
        Assert.Contains("MecCompliance.Analyzers does not reference MecCompliance", stderr);
        Assert.Empty(stdout);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await MecCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
