using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Tests;

public sealed class PolicySanitizerTests
{
    [Fact]
    public void Redacts_marks_a_sanitizer_and_is_inherited_by_overrides_and_extension_calls()
    {
        var compilation = PolicyModelTests.Compile("""
            using MecCompliance;
            public class Masks
            {
                [Redacts] public virtual string LastFour(string card) => "****";
                public string Encrypt(string card) => card;
            }
            public class StrictMasks : Masks { public override string LastFour(string card) => ""; }
            public static class CardExtensions
            {
                [Redacts] public static string Masked(this string card) => "****";
                public static void Use() => "1234".Masked();
            }
            """);
        IMethodSymbol Method(string type, string name) => (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();
        var tree = compilation.SyntaxTrees.Single();
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single();
        var reduced = (IMethodSymbol)compilation.GetSemanticModel(tree).GetSymbolInfo(call).Symbol!;

        Assert.True(ComplianceSymbols.IsRedacts(Method("Masks", "LastFour")));
        Assert.True(ComplianceSymbols.IsRedacts(Method("StrictMasks", "LastFour")));
        Assert.True(ComplianceSymbols.IsRedacts(reduced));
        Assert.False(ComplianceSymbols.IsRedacts(Method("Masks", "Encrypt")));
        Assert.False(ComplianceSymbols.IsRedacts(null));
    }
}
