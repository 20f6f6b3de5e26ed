using System.Text.Json;
using System.Text.RegularExpressions;

namespace MecCompliance.Package.Tests;

/// <summary>
/// Builds consumer projects that install MecCompliance from the packed feed with plain `dotnet build`, and checks
/// what a developer or a CI system sees: the exit code, the error and warning lines, the SARIF log.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class ConsumerBuildTests(PackedFeed feed)
{
    private const string LeakLocation = "CheckoutService.cs(9,";

    [Fact]
    public async Task Logging_a_card_number_fails_the_build_with_error_MEC001_and_a_SARIF_2_1_log()
    {
        var project = await LeakingConsumerAsync();
        var sarif = project.PathOf("build.sarif");

        var build = await project.BuildAsync("-f", "net10.0", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");

        Assert.False(build.Succeeded, build.ToString());
        AssertReported(build, "error", "MEC001", LeakLocation);
        AssertReported(build, "error", "MEC004", "Policy.cs(3,");

        Assert.True(File.Exists(sarif), "no SARIF log was written\n" + build);
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var run = log.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "MEC001");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.EndsWith(
            "CheckoutService.cs",
            result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
            StringComparison.Ordinal);
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "MEC001");
        Assert.EndsWith("/docs/rules/MEC001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editorconfig_severity_warning_turns_MEC001_into_a_warning_and_leaves_other_rules_alone()
    {
        var project = await LeakingConsumerAsync();
        project.SetEditorConfig("dotnet_diagnostic.MEC001.severity = warning");

        var build = await project.BuildAsync("-f", "net10.0");

        AssertReported(build, "warning", "MEC001", LeakLocation);
        AssertNotReported(build, "error", "MEC001");
        AssertReported(build, "error", "MEC004", "Policy.cs(3,");
    }

    [Fact]
    public async Task Warn_mode_reports_every_violation_as_a_warning_even_under_TreatWarningsAsErrors()
    {
        var project = await LeakingConsumerAsync();
        project.SetEditorConfig(string.Empty);

        var build = await project.BuildAsync("-f", "net10.0", "-p:MecComplianceMode=warn", "-p:TreatWarningsAsErrors=true");

        Assert.True(build.Succeeded, build.ToString());
        AssertReported(build, "warning", "MEC001", LeakLocation);
        AssertReported(build, "warning", "MEC004", "Policy.cs(3,");
        AssertNotReported(build, "error", "MEC001");
    }

    [Fact]
    public async Task Off_mode_runs_no_rule_but_an_editorconfig_severity_still_wins()
    {
        var project = await LeakingConsumerAsync();
        project.SetEditorConfig("dotnet_diagnostic.MEC001.severity = error");

        var build = await project.BuildAsync("-f", "net10.0", "-p:MecComplianceMode=off");

        Assert.False(build.Succeeded, build.ToString());
        AssertReported(build, "error", "MEC001", LeakLocation);
        AssertNotReported(build, "error", "MEC004");
        AssertNotReported(build, "warning", "MEC004");
    }

    [Fact]
    public async Task An_unknown_mode_fails_the_build_with_a_clear_message()
    {
        var project = await LeakingConsumerAsync();
        project.SetEditorConfig(string.Empty);

        var build = await project.BuildAsync("-f", "net10.0", "-p:MecComplianceMode=lenient");

        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error MECBUILD001: MecComplianceMode 'lenient' is not known", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_net8_consumer_gets_the_same_error()
    {
        var project = await LeakingConsumerAsync();
        project.SetEditorConfig(string.Empty);

        var build = await project.BuildAsync("-f", "net8.0");

        Assert.False(build.Succeeded, build.ToString());
        AssertReported(build, "error", "MEC001", LeakLocation);
    }

    [Fact]
    public async Task A_correct_consumer_of_the_runtime_package_builds_with_zero_warnings_on_net8_and_net10_and_clean_SARIF_logs()
    {
        var (project, restore) = await feed.ConsumerAsync("CorrectConsumer", f => ConsumerProject.Create(
            f,
            "CorrectConsumer",
            "net8.0;net10.0",
            "MecCompliance.Redaction",
            ("Patron.cs", ConsumerSources.Patron),
            ("CheckoutService.cs", ConsumerSources.CorrectCheckout),
            ("Startup.cs", ConsumerSources.Startup)));
        Assert.True(restore.Succeeded, restore.ToString());

        var sarifDirectory = project.PathOf("sarif");

        var build = await project.BuildAsync("-p:MecComplianceSarifDirectory=" + sarifDirectory);

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotMatch(WarningOrError(), build.Output);
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Debug", "net8.0", "CorrectConsumer.dll")), build.ToString());
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Debug", "net10.0", "CorrectConsumer.dll")), build.ToString());

        // What the restore gave the application: the attributes to compile against and ship (the runtime reads them),
        // never the compiler-only analyzer and code-fix assemblies.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "project.assets.json")));
        foreach (var target in assets.RootElement.GetProperty("targets").EnumerateObject())
        {
            var package = target.Value.GetProperty($"MecCompliance/{feed.PackageVersion}");
            foreach (var kind in new[] { "compile", "runtime" })
            {
                Assert.Equal(
                    new[] { "lib/netstandard2.0/MecCompliance.Attributes.dll" },
                    package.GetProperty(kind).EnumerateObject().Select(p => p.Name));
            }
        }

        // One log per target framework, each a valid SARIF 2.1 log with no MEC finding and nothing above a note (the SDK's
        // own CA suggestions appear as notes): what CI uploads for a clean build.
        var logs = Directory.GetFiles(sarifDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "CorrectConsumer.net10.0.sarif", "CorrectConsumer.net8.0.sarif" }, logs);
        foreach (var file in Directory.GetFiles(sarifDirectory))
        {
            using var log = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.DoesNotContain(results, r => r.GetProperty("ruleId").GetString()!.StartsWith("MEC", StringComparison.Ordinal));
            Assert.DoesNotContain(results, r => r.TryGetProperty("level", out var level) && level.GetString() is "warning" or "error");
        }
    }

    private async Task<ConsumerProject> LeakingConsumerAsync()
    {
        Assert.True(feed.Pack.Succeeded, feed.Pack.ToString());
        var (project, restore) = await feed.ConsumerAsync("LeakingConsumer", f => ConsumerProject.Create(
            f,
            "LeakingConsumer",
            "net10.0;net8.0",
            "MecCompliance",
            ("Patron.cs", ConsumerSources.Patron),
            ("CheckoutService.cs", ConsumerSources.LeakingCheckout),
            ("Policy.cs", ConsumerSources.InvalidPolicy)));
        Assert.True(restore.Succeeded, restore.ToString());
        return project;
    }

    private static void AssertReported(CommandResult build, string severity, string id, string location)
    {
        var reported = build.Output.Split('\n')
            .Any(line => line.Contains(location, StringComparison.Ordinal) && line.Contains($": {severity} {id}:", StringComparison.Ordinal));
        Assert.True(reported, $"expected `{location}...: {severity} {id}:` in the build output\n{build}");
    }

    private static void AssertNotReported(CommandResult build, string severity, string id) =>
        Assert.False(build.Output.Contains($"{severity} {id}:", StringComparison.Ordinal), $"unexpected `{severity} {id}` in the build output\n{build}");

    [GeneratedRegex(@": (warning|error) [A-Z]+[0-9]+:")]
    private static partial Regex WarningOrError();
}
