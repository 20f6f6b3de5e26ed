using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs MEC007 or MEC008 over test sources, the EF Core / caching stubs and the library model, optionally with
/// assemblies compiled beforehand and referenced as metadata (a consortium policy or data-layer assembly).
/// </summary>
internal static class ErasureTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A patron database: an EF Core context marked for PatronDb, with patrons and loans.</summary>
    public const string PatronDb = """
        using MecCompliance;
        using Microsoft.EntityFrameworkCore;

        namespace Library.Data
        {
            [DataSink("PatronDb")]
            public class PatronDb : DbContext
            {
                public DbSet<Library.Patron> Patrons { get; set; } = null!;
            }
        }
        """;

    public static DiagnosticResult Warning(string id, int markupKey) =>
        new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(markupKey);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) => VerifyAsync(sources, [], expected);

    public static Task VerifyAsync(string[] sources, MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"Test{i}.cs", sources[i]));
        }

        test.TestState.Sources.Add(("Stubs.cs", StorageStubs.Source));
        test.TestState.Sources.Add(("Model.cs", FlowTest<TAnalyzer>.Model));
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Compiles <paramref name="source"/> as assembly <paramref name="name"/> and returns it as a metadata reference.</summary>
    public static MetadataReference Assembly(string name, string source, params MetadataReference[] references)
    {
        var compilation = PolicyModelTests.Compile(source, name, references);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
