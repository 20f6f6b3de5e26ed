using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Code fix verification against the same offline references as <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>. The
/// testing library also applies the fix through Fix All (document, project, solution) and checks the same result.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Error);

    /// <summary>Verifies the diagnostics in <paramref name="source"/> (markup) and that fixing all of them gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        new Test { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);

    /// <summary>Verifies that the diagnostics in <paramref name="source"/> are offered no fix.</summary>
    public static Task VerifyNoCodeFixAsync(string source) =>
        new Test { TestCode = source, FixedCode = source }.RunAsync(CancellationToken.None);

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
