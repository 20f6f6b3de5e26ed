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

    private const string EditorProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
        </Project>
        """;

    // Line 8 logs the e-mail inside its own method (a per-method finding, shown while typing); line 13 hands it to a
    // helper that logs it (a finding the engine reports today only at compilation end, which an editor does not run).
    private const string Notices = """
        namespace Editor;

        public sealed class Notices(ILogger<Notices> logger)
        {
            public string Email { get; set; } = "";

            public void Direct()
            {
                logger.LogInformation("Sending to {Email}", Email);
            }

            public void ThroughHelper()
            {
                Record(Email);
            }

            private void Record(string text)
            {
                logger.LogInformation("Recorded {Text}", text);
            }
        }
        """;

    public static async Task<int> RunAsync()
    {
        var failures = new List<string>();
        await CheckHarnessAsync(failures).ConfigureAwait(false);
        await CheckPerDocumentAsync(failures).ConfigureAwait(false);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("self-check FAILED: " + failure);
        }

        Console.Error.WriteLine(failures.Count == 0 ? "self-check passed" : $"self-check: {failures.Count} failed");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// --per-document on a one-file corpus: the finding inside a method must appear when the file is analysed alone,
    /// the one through a helper must be listed as missing (while the engine reports it only at compilation end).
    /// </summary>
    private static async Task CheckPerDocumentAsync(List<string> failures)
    {
        var root = Path.Combine(Path.GetTempPath(), "mec-realcode-selfcheck-perdoc-" + Environment.ProcessId);
        try
        {
            Write(root, "Editor/Editor.csproj", EditorProject);
            Write(root, "Editor/Notices.cs", Notices);
            Write(root, "Editor/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n");
            var settings = new HarnessSettings(
                root,
                ["."],
                ClassificationRules.Parse(["^Email$ PersonalData"]),
                new HashSet<string>(StringComparer.Ordinal),
                IncludeTests: false,
                ReferenceResolver.DefaultDotnetRoot(),
                ReferenceResolver.DefaultNuGetPackages(),
                PerDocument: true);
            var run = await Harness.RunAsync(settings, TextWriter.Null).ConfigureAwait(false);
            var logged = run.Findings.Where(f => f.Rule == "MEC001").ToList();
            var direct = logged.Where(f => f.Line == 9).ToList();
            var throughHelper = logged.Where(f => f.Line != 9).ToList();
            Expect(failures, run.Results.Sum(r => r.CompileErrors) == 0, $"per-document corpus: no compile errors, got {string.Join(", ", run.Results.SelectMany(r => r.ErrorsById).Select(p => p.Key + " " + p.Value))}");
            Expect(failures, direct.Count == 1 && throughHelper.Count == 1,
                $"per-document corpus: the build reports one MEC001 at Editor/Notices.cs:9 and one through the helper, got [{string.Join("; ", logged.Select(f => f.ToTsv()))}]");
            Expect(failures, run.Documents.Count == 1 && run.Documents[0].BuildFindings.Count == logged.Count, $"per-document: the one file analysed alone with the build's {logged.Count} flow findings, got {run.Documents.Count} documents");
            Expect(failures, direct.Count == 1 && !run.MissingPerDocument.Contains(direct[0]),
                "per-document: the finding inside its method appears when its file is analysed alone");
            Expect(failures, throughHelper.Count == 1 && run.MissingPerDocument.SequenceEqual(throughHelper),
                $"per-document: exactly the finding through the helper is missing (compilation end only), got [{string.Join("; ", run.MissingPerDocument.Select(f => f.ToTsv()))}]");
            Expect(failures, run.Documents.All(d => d.Extra.Count == 0), "per-document: nothing reported alone that the build does not report");
            Expect(failures, run.Documents.All(d => d.AnalyzerExceptions.Count == 0), "per-document: no analyzer exception");
            Expect(failures, run.Documents.All(d => d.CompilerTime > TimeSpan.Zero && d.AnalyzerWallTime > TimeSpan.Zero), "per-document: both costs measured");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task CheckHarnessAsync(List<string> failures)
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
