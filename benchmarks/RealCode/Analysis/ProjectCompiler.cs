using System.Text;
using MecCompliance.RealCode.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MecCompliance.RealCode.Analysis;

/// <summary>
/// Turns each corpus project into a compilation as the SDK would (implicit usings, nullable, latest language,
/// the project's defines), referencing the compilations of the projects it references — the IDE's way of seeing a
/// solution, since partial compilations cannot be emitted into assemblies.
/// </summary>
public sealed class ProjectCompiler
{
    private static readonly string[] SdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebSdkUsings =
        ["System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
         "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
         "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];

    private static readonly string[] Defines =
        ["TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER",
         "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER",
         "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_0_OR_GREATER"];

    private readonly ReferenceResolver references;
    private readonly ClassificationRules rules;
    private readonly IReadOnlyList<MetadataReference> classificationReferences;
    private readonly Dictionary<string, (CSharpCompilation Compilation, bool AspNetCore, IReadOnlyList<string> Closure)> built = new(StringComparer.Ordinal);

    public ProjectCompiler(ReferenceResolver references, ClassificationRules rules, IReadOnlyList<MetadataReference> classificationReferences)
    {
        this.references = references;
        this.rules = rules;
        this.classificationReferences = classificationReferences;
    }

    /// <summary>Whether a library's compilation, once built, gets the flow summaries its build would write (see HarnessSettings).</summary>
    public bool FlowSummaries { get; init; } = true;

    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular, Defines);

    /// <summary>Compiles one project; every project it references must have been compiled before (see <see cref="CorpusProject.Discover"/>).</summary>
    public CompiledProject Compile(CorpusProject project, IReadOnlyCollection<CorpusProject> all)
    {
        // Project references are transitive in SDK projects: a project sees the projects its references reference.
        var closure = project.ProjectReferencePaths
            .Where(built.ContainsKey)
            .SelectMany(p => built[p].Closure.Append(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var referenced = closure.Select(p => built[p]).ToList();
        var aspNetCore = ReferenceResolver.UsesAspNetCore(project) || referenced.Any(r => r.AspNetCore);
        var (metadata, missing) = references.For(project, aspNetCore);

        var trees = new List<SyntaxTree>();
        var classified = 0;
        foreach (var file in project.SourceFiles(all))
        {
            var (text, count) = rules.Apply(File.ReadAllText(file), ParseOptions);
            classified += count;
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, file, Encoding.UTF8));
        }

        var files = trees.Count;
        trees.Add(CSharpSyntaxTree.ParseText(GeneratedUsings(project), ParseOptions, Path.Combine(project.Directory, "obj", project.Name + ".GlobalUsings.g.cs"), Encoding.UTF8));

        var options = new CSharpCompilationOptions(
            project.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true,
            concurrentBuild: false);
        var compilation = CSharpCompilation.Create(
            project.AssemblyName,
            trees,
            metadata
                .Concat(classificationReferences)
                .Concat(referenced.Select(r => (MetadataReference)r.Compilation.ToMetadataReference())),
            options);
        TimeSpan? summaryTime = null;
        var summaryCount = 0;
        var summaryCharacters = 0;
        if (FlowSummaries && !project.IsExecutable)
        {
            // What `dotnet build` of the library writes into its assembly, for the projects that reference it; the
            // project's own analysis ignores it (generated code), as it does in a build.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var driver = CSharpGeneratorDriver.Create(new MecCompliance.Analyzers.Generators.FlowSummaryGenerator()).RunGenerators(compilation);
            var generated = driver.GetRunResult().GeneratedTrees;
            summaryTime = watch.Elapsed;
            foreach (var tree in generated)
            {
                var text = tree.GetText().ToString();
                summaryCount += CountOf(text, "MecCompliance.FlowSummary.v1");
                summaryCharacters += text.Length;
                compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                    text, ParseOptions, Path.Combine(project.Directory, "obj", Path.GetFileName(tree.FilePath)), Encoding.UTF8));
            }
        }

        built[project.FilePath] = (compilation, aspNetCore, closure);
        return new CompiledProject(project, compilation, files, classified, missing, aspNetCore)
        {
            SummaryTime = summaryTime,
            SummaryCount = summaryCount,
            SummaryCharacters = summaryCharacters,
        };
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>What the SDK generates into obj/: the implicit global usings, <c>&lt;Using&gt;</c> items, InternalsVisibleTo.</summary>
    private static string GeneratedUsings(CorpusProject project)
    {
        var usings = new List<string>();
        if (project.ImplicitUsings)
        {
            usings.AddRange(SdkUsings);
            if (project.IsWeb)
            {
                usings.AddRange(WebSdkUsings);
            }
        }

        usings.AddRange(project.Usings);
        var text = new StringBuilder();
        foreach (var name in usings.Distinct(StringComparer.Ordinal))
        {
            // A using of a namespace that did not resolve would be one more error per project, not a crash.
            text.Append("global using global::").Append(name).AppendLine(";");
        }

        foreach (var friend in project.InternalsVisibleTo)
        {
            text.Append("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"").Append(friend).AppendLine("\")]");
        }

        return text.ToString();
    }
}

/// <summary>One project's compilation and what went into it.</summary>
public sealed record CompiledProject(
    CorpusProject Project,
    CSharpCompilation Compilation,
    int Files,
    int ClassifiedMembers,
    IReadOnlyList<string> MissingPackages,
    bool AspNetCore)
{
    /// <summary>How long writing the library's flow summaries took; null when none were written (an executable, --no-summaries).</summary>
    public TimeSpan? SummaryTime { get; init; }

    public int SummaryCount { get; init; }

    public int SummaryCharacters { get; init; }
}
