using System;

namespace MecCompliance.Analyzers.Tests.CrossProject;

/// <summary>What the generator writes into a library: deterministic, bounded, and only what callers can use.</summary>
public sealed class FlowSummaryGeneratorTests
{
    [Fact]
    public void The_same_library_gives_the_same_text()
    {
        var first = SharedLibrary.GeneratedSource(SharedLibrary.Compile(SharedLibrary.Source, withGenerator: false));
        var second = SharedLibrary.GeneratedSource(SharedLibrary.Compile(SharedLibrary.Source, withGenerator: false));

        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Each_callable_method_that_passes_data_on_has_one_summary_and_the_others_none()
    {
        var text = SharedLibrary.GeneratedSource(SharedLibrary.Compile(SharedLibrary.Source, withGenerator: false))!;

        Assert.True(text.Contains("\"M:Shared.Audit.Record(Microsoft.Extensions.Logging.ILogger,System.String)\\ns\\t1\\t\\tlog\\t\\tILogger.LogInformation\\t\\t\"", StringComparison.Ordinal), text);
        Assert.True(text.Contains("\"M:Shared.Notices.For(System.String)\\ns\\t0\\t\\tmember\\t\\tNotice.To\\t\\tP:Shared.Notice.To\"", StringComparison.Ordinal), text);
        Assert.True(text.Contains("\"M:Shared.Texts.Greeting(System.String)\\nr\\t0\"", StringComparison.Ordinal), text);
        Assert.True(text.Contains("\"M:Shared.Audit.Count(Microsoft.Extensions.Logging.ILogger,System.String,System.Int32)\\ns\\t2\\t\\tlog\\t\\tILogger.LogInformation\\t\\t\"", StringComparison.Ordinal), text);
        // A method returning a value that passes nothing on says so (else its result would carry every argument).
        Assert.True(text.Contains("\"M:Shared.Texts.Fixed(System.String)\\n\"", StringComparison.Ordinal), text);
        // Private helpers are folded into their callers' summaries; a void method that passes nothing on says nothing.
        Assert.DoesNotContain("Audit.Write", text);
        Assert.DoesNotContain("Tracker.Ping", text);
    }

    [Fact]
    public void A_library_that_cannot_classify_anything_gets_no_file()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Plain",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public static class Plain { public static string Echo(string s) => s; }")],
            Basic.Reference.Assemblies.Net80.References.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));

        Assert.Null(SharedLibrary.GeneratedSource(compilation));
    }
}
