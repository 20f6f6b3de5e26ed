using MecCompliance.RealCode.Corpus;
using MecCompliance.RealCode.Report;

namespace MecCompliance.RealCode;

/// <summary>
/// <c>--self-check</c>: the harness on a two-project corpus it writes itself (a shared library and a service that logs
/// through it), with a known finding, its clean twin on the next line, and a verdicts file — so the harness can be
/// checked without the real corpus. Exit 0 when everything it asserts holds.
/// </summary>
public static class SelfCheck
{
    private const string SharedProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup><PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.0" /></ItemGroup>
        </Project>
        """;

    private const string Contact = """
        namespace Shared;

        public sealed class Contact
        {
            public int Id { get; set; }
            public string Email { get; set; } = "";
            public const string EmailClaim = "email";
        }
        """;

    private const string DeskProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <ItemGroup><ProjectReference Include="..\Shared\Shared.csproj" /></ItemGroup>
        </Project>
        """;

    private const string Service = """
        using Shared;

        namespace Desk;

        public sealed class Lookup(ILogger<Lookup> logger)
        {
            public void Find(Contact contact)
            {
                logger.LogInformation("Looking up {Email}", contact.Email);
                logger.LogInformation("Looking up {Id}", contact.Id);
            }
        }
        """;

    private const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\Desk\Desk.csproj" /></ItemGroup></Project>
        """;

    public static async Task<int> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "mec-realcode-selfcheck-" + Environment.ProcessId);
        try
        {
            Write(root, "Shared/Shared.csproj", SharedProject);
            Write(root, "Shared/Contact.cs", Contact);
            Write(root, "Shared/obj/Ignored.cs", "this is not C#");
            Write(root, "Desk/Desk.csproj", DeskProject);
            Write(root, "Desk/Lookup.cs", Service);
            Write(root, "Desk/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n");
            Write(root, "Desk.Tests/Desk.Tests.csproj", TestProject);
            Write(root, "Desk.Tests/Broken.cs", "this is not C# either");
            Write(root, "verdicts.tsv", string.Join('\n',
                "# a verdict for the finding, one whose line moved, and one whose finding is gone",
                "Desk/Lookup.cs:9\tMEC001\ttrue\tthe e-mail is logged\tlogger.LogInformation(\"Looking up {Email}\", contact.Email);",
                "Desk/Lookup.cs:30\tMEC001\tfalse\tother:moved: matched by its source text\tlogger.LogInformation(\"Looking up {Email}\", contact.Email);",
                "Desk/Gone.cs:3\tMEC006\tfalse\tanon-object-siblings: no longer reported"));

            var settings = new HarnessSettings(
                root,
                ["."],
                ClassificationRules.Parse(["^(Email|EmailClaim)$ PersonalData"]),
                new HashSet<string>(StringComparer.Ordinal),
                IncludeTests: false,
                ReferenceResolver.DefaultDotnetRoot(),
                ReferenceResolver.DefaultNuGetPackages());
            var run = await Harness.RunAsync(settings, TextWriter.Null).ConfigureAwait(false);
            var comparison = VerdictBook.Load(Path.Combine(root, "verdicts.tsv")).Compare(run.Findings);

            var failures = new List<string>();
            Expect(failures, run.Results.Count == 2, $"two projects (test project skipped), got {run.Results.Count}");
            Expect(failures, run.Results.Count > 0 && run.Results[0].Compiled.Project.Name == "Shared", "the referenced project compiled first");
            Expect(failures, run.Results.Sum(r => r.CompileErrors) == 0, $"no compile errors, got {string.Join(", ", run.Results.SelectMany(r => r.ErrorsById).Select(p => p.Key + " " + p.Value))}");
            Expect(failures, run.Results.Sum(r => r.Compiled.ClassifiedMembers) == 1, "one member classified (Email; the constant is not)");
            Expect(failures, run.Results.All(r => r.AnalyzerExceptions.Count == 0), "no analyzer exception");
            var logged = run.Findings.Where(f => f.Rule == "MEC001").ToList();
            Expect(failures, logged.Count == 1 && logged[0].Location == "Desk/Lookup.cs:9" && logged[0].Source.StartsWith("logger.LogInformation(\"Looking up {Email}\"", StringComparison.Ordinal),
                $"one MEC001 at Desk/Lookup.cs:9 with its source line, got [{string.Join("; ", logged.Select(f => f.ToTsv()))}]");
            Expect(failures, !run.Findings.Any(f => f.Line == 10), "nothing on the Id line");
            Expect(failures, comparison.Judged.Count(j => j.Verdict is { IsTrue: true }) == 1, "the finding matched its verdict");
            Expect(failures, comparison.Gone.Count == 2 && comparison.Gone.All(v => !v.IsTrue), "two false verdicts gone (the moved duplicate and the vanished one)");
            Expect(failures, comparison.Precision("MEC001").Precision == 1.0, "MEC001 precision 1.0");

            foreach (var failure in failures)
            {
                Console.Error.WriteLine("self-check FAILED: " + failure);
            }

            Console.Error.WriteLine(failures.Count == 0 ? "self-check passed" : $"self-check: {failures.Count} failed");
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Expect(List<string> failures, bool condition, string what)
    {
        if (!condition)
        {
            failures.Add(what);
        }
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
