using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// A solution of a service (Desk) and the shared library it calls (Shared): the report follows the service's calls into
/// the library, and lists each such flow with the project it crosses.
/// </summary>
public sealed class CrossProjectReportTests
{
    private const string Shared = MecCompliance.Shared.TwoProjectSolution.SharedLibrary;

    private const string Desk = """
        using Microsoft.Extensions.Logging;
        using Shared;

        namespace Desk;

        public class CirculationDesk(ILogger<CirculationDesk> log)
        {
            public async Task<Notice> Checkout(Patron patron)
            {
                Audit.Record(log, patron.Email);
                Audit.Record(log, patron.Id.ToString());
                Archive.Save("holds.txt", patron.Email);
                await new Tracker().Send(patron.CardNumber);
                return Notices.For(patron.Email);
            }
        }
        """;

    [Fact]
    public async Task Flows_into_the_shared_library_are_reported_at_the_service_with_the_project_they_cross()
    {
        // Inside samples/, so the samples' Directory.Build.props (references to MecCompliance) applies.
        var folder = Repository.PathOf($"samples/.cross-project-{Guid.NewGuid():N}");
        try
        {
            await WriteProjectAsync(folder, "Shared", Shared, reference: null);
            await WriteProjectAsync(folder, "Desk", Desk, reference: "../Shared/Shared.csproj");
            var solution = Path.Combine(folder, "Consortium.sln");
            await File.WriteAllTextAsync(solution, """

                Microsoft Visual Studio Solution File, Format Version 12.00
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shared", "Shared/Shared.csproj", "{5E7A2C1D-3B4F-4A6E-8D9C-0F1E2D3C4B5A}"
                EndProject
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Desk", "Desk/Desk.csproj", "{6F8B3D2E-4C5A-4B7F-9E0D-1A2B3C4D5E6F}"
                EndProject
                Global
                EndGlobal

                """);

            var stderr = new StringWriter();
            DataMap? map = null;
            var exit = await MecCommand.RunAsync(["report", solution, "--format", "json"], new StringWriter(), stderr, CancellationToken.None, m => map = m);

            Assert.True(map is not null, stderr.ToString());
            Assert.Equal(MecCommand.ViolationsFound, exit);
            var crossing = map.Flows.Where(f => f.Project == "Desk" && f.CrossesProjects.SequenceEqual(["Shared"])).ToList();
            Assert.Equal(
                ["MEC001 Log Patron.Email", "MEC002 Vendor Patron.CardNumber", "MEC003 Storage Patron.Email", "MEC006 UnclassifiedMember Patron.Email"],
                crossing.Where(f => f.Verdict == Verdict.Violation).Select(f => $"{f.RuleId} {f.Kind} {f.Data}").Order(StringComparer.Ordinal));
            // The clean call next to them (an id) is no flow at all.
            Assert.DoesNotContain(map.Flows, f => f.Project == "Desk" && f.Data.Contains("Id", StringComparison.Ordinal));
            Assert.All(crossing, f => Assert.EndsWith("Desk.cs", f.Location.Path, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteProjectAsync(string folder, string name, string source, string? reference)
    {
        var project = Path.Combine(folder, name);
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, name + ".cs"), source);
        await File.WriteAllTextAsync(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                {(reference is null ? "" : $"<ProjectReference Include=\"{reference}\" />")}
              </ItemGroup>
            </Project>
            """);
    }
}
