using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using MecCompliance.Analyzers.Generators;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MecCompliance.Analyzers.Tests.CrossProject;

/// <summary>
/// The consortium's shared library of helpers, compiled as its own project would be (with MecCompliance's generator)
/// and handed to the service under test as a metadata reference, as a project reference or a package is in a build.
/// </summary>
internal static class SharedLibrary
{
    public const string Source = """
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        namespace Shared;

        public class Patron
        {
            public int Id { get; set; }
            [PersonalData] public string Email { get; set; } = "";
            [PatronRecord] public string CardNumber { get; set; } = "";
        }

        public static class Audit
        {
            public static void Record(ILogger log, string text) => Write(log, "audit: " + text);

            public static void Count(ILogger log, string label, int count) => log.LogInformation("{Count} items", count);

            private static void Write(ILogger log, string line) => log.LogInformation(line);
        }

        public class Notice
        {
            public string To { get; set; } = "";
            public string Subject { get; set; } = "";

            public Notice Copy() => new Notice { To = To, Subject = Subject };
        }

        public static class Notices
        {
            public static Notice For(string to) => new Notice { To = to, Subject = "Your hold is ready" };

            public static Notice About(string subject, string to) => new Notice { Subject = "Hold" };
        }

        public class Tracker
        {
            private static readonly HttpClient Http = new();

            public Task Send(string card) => Http.PostAsync("https://track.partner.example/hit", new StringContent(card));

            public Task Ping(string card) => Http.GetAsync("https://track.partner.example/ping");
        }

        public static class Archive
        {
            public static void Save(string path, string text) => File.WriteAllText(path, text);
        }

        [Vendor("OverDrive")]
        public class OverDriveApi
        {
            public void Post(string payload) { }
        }

        public static class Loans
        {
            public static void Share(string card) => new OverDriveApi().Post(card);
        }

        public static class Texts
        {
            public static string Greeting(string name) => "Dear " + name;

            public static string Fixed(string name) => "Dear reader";
        }
        """;

    private static readonly Lazy<MetadataReference> WithSummaries = new(() => Image(Compile(Source, withGenerator: true)));

    /// <summary>The library built with MecCompliance's generator, as a metadata reference.</summary>
    public static MetadataReference Reference => WithSummaries.Value;

    /// <summary>The library built without the generator: it carries no summary (an older package, or none at all).</summary>
    public static MetadataReference WithoutSummaries(string extraSource = "") =>
        Image(Compile(Source, withGenerator: false, extraSource));

    public static CSharpCompilation Compile(string source, bool withGenerator, string extraSource = "")
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Shared",
            [CSharpSyntaxTree.ParseText(source, options, path: "Shared.cs"), CSharpSyntaxTree.ParseText(extraSource, options, path: "Extra.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (!withGenerator)
        {
            return compilation;
        }

        CSharpGeneratorDriver.Create(new FlowSummaryGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (CSharpCompilation)output;
    }

    /// <summary>The generated summary source of <paramref name="compilation"/>, or null when none was written.</summary>
    public static string? GeneratedSource(CSharpCompilation compilation) =>
        CSharpGeneratorDriver.Create(new FlowSummaryGenerator()).RunGenerators(compilation).GetRunResult()
            .GeneratedTrees.SingleOrDefault()?.GetText().ToString();

    public static MetadataReference Image(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(ImmutableArray.Create(stream.ToArray()));
    }
}
