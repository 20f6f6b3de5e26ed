using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MecCompliance.Analyzers.Tests.HarnessSmokeTests.ClassifiedPropertyProbe>;

namespace MecCompliance.Analyzers.Tests;

public sealed class HarnessSmokeTests
{
    [Fact]
    public async Task Offline_references_resolve_attributes_and_logging()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public class Patron
            {
                [PatronRecord] public string {|PROBE:CardNumber|} { get; set; } = "";
                public int Id { get; set; }
            }

            public class Service
            {
                public void Run(ILogger logger) => logger.LogInformation("ok");
            }
            """);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClassifiedPropertyProbe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("PROBE", "probe", "probe", "test", DiagnosticSeverity.Error, true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = Policy.ComplianceSymbols.TryCreate(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                start.RegisterSymbolAction(
                    c =>
                    {
                        if (symbols.ClassOf(c.Symbol) != Policy.DataClass.None)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, c.Symbol.Locations[0]));
                        }
                    },
                    SymbolKind.Property);
            });
        }
    }
}
