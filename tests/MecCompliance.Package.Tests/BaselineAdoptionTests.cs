using System.Text.Json;

namespace MecCompliance.Package.Tests;

/// <summary>
/// Adopting MecCompliance on a service that already breaks the policy, as README's adoption section describes it, with
/// the real tool and plain `dotnet build` on the package: `mec baseline`, a build that passes with the violations
/// suppressed, a new violation that fails the build alone, and a fixed one that `mec baseline --check` reports as stale.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class BaselineAdoptionTests(PackedFeed feed)
{
    private const string Desk = "CirculationDesk.cs";

    // The sample's MEC003 (a card number appended to a CSV file), deleted to make its baseline entry stale.
    private const string FixedViolation = """File.AppendAllText("overdue.csv", patron.CardNumber + Environment.NewLine);""";

    [Fact]
    public async Task Baselined_violations_build_suppressed_a_new_one_fails_alone_and_a_fixed_one_is_reported_stale()
    {
        Assert.True(feed.Pack.Succeeded, feed.Pack.ToString());
        var (project, restore) = await feed.ConsumerAsync("AdoptingConsumer", f => ConsumerProject.Create(
            f,
            "AdoptingConsumer",
            "net10.0",
            "MecCompliance",
            Sample("Patron.cs"),
            Sample(Desk),
            Sample("Policy.cs")));
        Assert.True(restore.Succeeded, restore.ToString());

        // 1. Record today's findings: the sample has one of each rule (MEC001-MEC004, MEC006) and a sink without an eraser (MEC007).
        var baseline = await MecAsync(project, "baseline", project.Directory);
        Assert.True(baseline.Succeeded, baseline.ToString());
        using (var written = JsonDocument.Parse(File.ReadAllText(project.PathOf("mec-baseline.json"))))
        {
            Assert.Equal(
                ["MEC001", "MEC002", "MEC003", "MEC004", "MEC006", "MEC007"],
                written.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("rule").GetString()).Order());
        }

        // 2. The build finds the file and passes; the SARIF log keeps every finding, each with a suppression.
        var sarif = project.PathOf("baselined.sarif");
        var build = await project.BuildAsync("-p:ErrorLog=" + sarif + "%2Cversion=2.1");
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(" MEC00", build.Output, StringComparison.Ordinal);
        using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("MEC", StringComparison.Ordinal)).ToList();
            Assert.Equal(["MEC001", "MEC002", "MEC003", "MEC004", "MEC006", "MEC007"], results.Select(r => r.GetProperty("ruleId").GetString()).Order());

            // The error rules apply the baseline themselves (a suppressor may not suppress an error-default rule); the
            // warning MEC007 goes through the DiagnosticSuppressor: suppressed too, without the rules' property.
            var byRules = results.Where(r => r.GetProperty("ruleId").GetString() != "MEC007").ToList();
            Assert.All(byRules, r => Assert.Equal("inSource", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
            Assert.All(byRules, r => Assert.Equal("true", r.GetProperty("properties").GetProperty("customProperties").GetProperty("MecBaselined").GetString()));
            var bySuppressor = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "MEC007");
            Assert.NotEqual(0, bySuppressor.GetProperty("suppressions").GetArrayLength());
        }

        // 3. Ten blank lines at the top move every baselined finding; one new violation is the build's only error.
        var desk = project.PathOf(Desk);
        var original = File.ReadAllText(desk);
        File.WriteAllText(desk, new string('\n', 10) + original.Replace(
            "    // MEC001: an e-mail address",
            "    public void Greet(Patron patron) => logger.LogInformation(\"Welcome back {Card}\", patron.CardNumber);\n\n    // MEC001: an e-mail address",
            StringComparison.Ordinal));
        build = await project.BuildAsync();
        Assert.False(build.Succeeded, build.ToString());
        var errors = build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains($"{Desk}(", error, StringComparison.Ordinal);
        Assert.Contains("error MEC001: Patron.CardNumber (PatronRecord) reaches ILogger.LogInformation", error, StringComparison.Ordinal);
        Assert.Contains("1 Error(s)", build.Output, StringComparison.Ordinal);

        // 4. Fixing a baselined violation (without the new one) leaves exactly its entry stale.
        Assert.Contains(FixedViolation, original, StringComparison.Ordinal);
        File.WriteAllText(desk, original.Replace(FixedViolation, "Console.WriteLine(patron.Id);", StringComparison.Ordinal));
        var check = await MecAsync(project, "baseline", project.Directory, "--check");
        Assert.Equal(1, check.ExitCode);
        var stale = check.Output.Split('\n').Where(l => l.StartsWith("  MEC", StringComparison.Ordinal)).ToList();
        Assert.Equal(["MEC003"], stale.Select(l => l.Trim()[..6]));
        Assert.Contains("ExportOverdue(Patron)", stale[0], StringComparison.Ordinal);
        Assert.Contains("1 of 6 entries", check.Output, StringComparison.Ordinal);
    }

    private static (string File, string Source) Sample(string file) =>
        (file, File.ReadAllText(Path.Combine(Repository.Root, "samples", "PatronServices.Violations", file)));

    /// <summary>Runs the `mec` tool this repository built, as a developer runs the installed tool.</summary>
    private static Task<CommandResult> MecAsync(ConsumerProject project, params string[] arguments) =>
        DotnetCli.RunAsync(
            project.Directory,
            [Path.Combine(Repository.Root, "tools", "MecCompliance.Cli", "bin", Repository.Configuration, "net10.0", "MecCompliance.Cli.dll"), .. arguments]);
}
