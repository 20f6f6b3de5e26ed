namespace MecCompliance.Package.Tests;

/// <summary>
/// Two projects on the packed MecCompliance package, a shared library and a service referencing it, built with plain
/// `dotnet build`: the library's build writes its flow summaries, the service's build reports its calls into it.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class CrossProjectBuildTests(PackedFeed feed)
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
                Archive.Save("holds.txt", patron.Id.ToString());
                await new Tracker().Send(patron.CardNumber);
                await new Tracker().Send(patron.Id.ToString());
                var clean = Notices.For(patron.Id.ToString());
                return Notices.For(patron.Email);
            }
        }
        """;

    [Fact]
    public async Task A_service_build_reports_each_flow_into_the_shared_library_at_its_call_and_nothing_at_the_clean_calls()
    {
        Assert.True(feed.Pack.Succeeded, feed.Pack.ToString());
        var (shared, sharedRestore) = await feed.ConsumerAsync("Shared", f => ConsumerProject.Create(f, "Shared", "net10.0", "MecCompliance", ("Shared.cs", Shared)));
        Assert.True(sharedRestore.Succeeded, sharedRestore.ToString());
        var (desk, restore) = await feed.ConsumerAsync("Desk", f =>
        {
            var project = ConsumerProject.Create(f, "Desk", "net10.0", "MecCompliance", ("Desk.cs", Desk));
            File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile)
                .Replace("</Project>", $"""  <ItemGroup><ProjectReference Include="{shared.ProjectFile}" /></ItemGroup>{"\n"}</Project>""", StringComparison.Ordinal));
            return project;
        });
        Assert.True(restore.Succeeded, restore.ToString());

        var build = await desk.BuildAsync();

        Assert.False(build.Succeeded, build.ToString());
        var errors = build.Output.Split('\n').Where(l => l.Contains(": error MEC", StringComparison.Ordinal)).Select(Finding).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(
            ["Desk.cs(10,27): MEC001", "Desk.cs(12,35): MEC003", "Desk.cs(14,34): MEC002", "Desk.cs(17,28): MEC006"],
            errors);
    }

    private static string Finding(string line)
    {
        var file = line.IndexOf("Desk.cs(", StringComparison.Ordinal);
        var position = line.IndexOf(')', file);
        var id = line.IndexOf(": error ", StringComparison.Ordinal) + ": error ".Length;
        return file < 0 ? line.Trim() : line[file..(position + 1)] + ": " + line.Substring(id, 6);
    }
}
