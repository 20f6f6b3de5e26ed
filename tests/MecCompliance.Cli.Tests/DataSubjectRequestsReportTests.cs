using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// The report's "Data-subject requests" section, on in-memory compilations: per sink, what it holds, its erasers and
/// correctors (and whether they reach it), its backup retention, and what is missing.
/// </summary>
public sealed class DataSubjectRequestsReportTests
{
    private const string Model = """
        public sealed class Patron
        {
            public int Id { get; set; }
            [PersonalData] public string Email { get; set; } = "";
        }

        [DataSink("PatronDb")]
        public interface IPatronStore
        {
            void Save(Patron patron);
            void Remove(int patronId);
        }

        public sealed class Desk(IPatronStore store)
        {
            public void Register(Patron patron) => store.Save(patron);
        }
        """;

    /// <summary>A source file: the policy declarations first (assembly attributes precede everything), the model, then <paramref name="code"/>.</summary>
    private static string Source(string policy, string code = "") =>
        "using MecCompliance;\nusing Microsoft.Extensions.Logging;\n\n" + policy + "\n\n" + Model + "\n" + code;

    [Fact]
    public async Task Sink_lists_its_eraser_and_a_corrector_that_misses_it()
    {
        var map = await FlowJudgementTests.ReportAsync(FlowJudgementTests.Compile(Source(
            """[assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = 35)]""",
            """
            public sealed class Requests(IPatronStore store, ILogger<Requests> logger)
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId) => store.Remove(patronId);

                [CorrectsPersonalData("PatronDb")]
                public void Correct(int patronId) => logger.LogInformation("Corrected {PatronId}", patronId);
            }
            """)));

        var sink = Assert.Single(map.DataSubjectRequests);
        Assert.Equal(("PatronDb", 35), (sink.Sink, sink.BackupRetentionDays));
        Assert.Equal(["PersonalData"], sink.Declared);
        Assert.Equal(["PersonalData"], sink.Observed);
        var eraser = Assert.Single(sink.Erasers);
        Assert.Equal(("Requests.Erase", "Desk", true), (eraser.Method, eraser.Assembly, eraser.ReachesSink));
        Assert.Equal("Desk.cs", eraser.Location?.Path);
        var corrector = Assert.Single(sink.Correctors);
        Assert.False(corrector.ReachesSink);
        Assert.Equal(["Requests.Correct never reaches the sink's code (MEC008)"], sink.Missing);
        Assert.Contains(map.Findings, f => f.RuleId == "MEC008" && f.Location == corrector.Location);

        var markdown = Render(map, MarkdownReportWriter.Write);
        Assert.Contains("## Data-subject requests", markdown);
        Assert.Contains($"| `PatronDb` | PersonalData | PersonalData | `Requests.Erase` (`{eraser.Location}`) | `Requests.Correct` (`{corrector.Location}`) **MEC008** | 35 days | Requests.Correct never reaches the sink's code (MEC008) |", markdown);
    }

    [Fact]
    public async Task Sink_holding_personal_data_without_eraser_corrector_or_retention_says_what_is_missing()
    {
        var map = await FlowJudgementTests.ReportAsync(FlowJudgementTests.Compile(Source("""
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]
            [assembly: ApprovedSink("Reports", typeof(OrganizationalDataAttribute))]
            """)));

        var patronDb = Assert.Single(map.DataSubjectRequests, s => s.Sink == "PatronDb");
        Assert.Empty(patronDb.Erasers);
        Assert.Null(patronDb.BackupRetentionDays);
        Assert.Equal(
            [
                "no eraser: no method is marked [ErasesPersonalData(\"PatronDb\")] (MEC007)",
                "no corrector: no method is marked [CorrectsPersonalData(\"PatronDb\")]",
                "backup retention not declared: set BackupRetentionDays on ApprovedSink(\"PatronDb\")",
            ],
            patronDb.Missing);
        Assert.Contains(map.Findings, f => f.RuleId == "MEC007" && f.Severity == FindingSeverity.Warning);

        // A sink for organizational data owes no data subject anything.
        var reports = Assert.Single(map.DataSubjectRequests, s => s.Sink == "Reports");
        Assert.Empty(reports.Missing);

        var html = Render(map, HtmlReportWriter.Write);
        Assert.Contains("<h2>Data-subject requests</h2>", html);
        Assert.Contains("no eraser: no method is marked [ErasesPersonalData(&quot;PatronDb&quot;)] (MEC007)", html);

        var json = Render(map, JsonReportWriter.Write);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var requests = document.RootElement.GetProperty("dataSubjectRequests");
        Assert.Equal(2, requests.GetArrayLength());
        Assert.Equal(3, requests[0].GetProperty("missing").GetArrayLength());
    }

    [Fact]
    public async Task Eraser_in_a_referenced_assembly_is_listed_with_its_assembly_and_serves_the_sink()
    {
        var dataLayer = FlowJudgementTests.Compile("""
            using MecCompliance;
            namespace Consortium.Data;
            public static class PatronErasure
            {
                [ErasesPersonalData("PatronDb")]
                public static void Erase(int patronId) { }
            }
            """).WithAssemblyName("Consortium.Data");
        using var image = new MemoryStream();
        Assert.True(dataLayer.Emit(image).Success);

        var map = await FlowJudgementTests.ReportAsync(FlowJudgementTests.Compile(
            Source("""[assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = 7)]"""),
            MetadataReference.CreateFromImage(image.ToArray())));

        var sink = Assert.Single(map.DataSubjectRequests);
        var eraser = Assert.Single(sink.Erasers);
        Assert.Equal(("PatronErasure.Erase", "Consortium.Data", null), (eraser.Method, eraser.Assembly, eraser.Location));
        Assert.DoesNotContain(sink.Missing, m => m.Contains("MEC007", StringComparison.Ordinal));
        Assert.DoesNotContain(map.Findings, f => f.RuleId == "MEC007");
    }

    private static string Render(DataMap map, Action<DataMap, TextWriter> write)
    {
        var writer = new StringWriter();
        write(map, writer);
        return writer.ToString();
    }
}
