using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC004: a malformed <c>[assembly: ApprovedVendor]</c> / <c>[assembly: ApprovedSink]</c> declaration, a
/// <c>[Vendor]</c> / <c>[DataSink]</c> mark without a name, or an <c>[ErasesPersonalData]</c> /
/// <c>[CorrectsPersonalData]</c> mark naming no declared sink, reported on the attribute in source.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.MEC004_InvalidPolicyDeclaration);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // The policy is read once a file has been bound, not at compilation start: reading the references or the
            // assembly's attributes first would make this rule pay for the compiler's own binding.
            var analyzer = new AnalyzerContext(start.Compilation, BaselineFilter.For(start.Options, start.CancellationToken));
            start.RegisterSemanticModelAction(analyzer.ReportDeclarations);
            start.RegisterSymbolAction(analyzer.AnalyzeMarks, SymbolKind.NamedType, SymbolKind.Method);
        });
    }

    private sealed class AnalyzerContext(Compilation compilation, BaselineFilter baseline)
    {
        public void ReportDeclarations(SemanticModelAnalysisContext context)
        {
            if (ComplianceSymbols.For(compilation) is not { } symbols)
            {
                return;
            }

            var policy = PolicyModel.Create(compilation, symbols, context.CancellationToken);
            if (policy.HasLocalProblems)
            {
                Report(policy.Vendors, context, baseline);
                Report(policy.Sinks, context, baseline);
            }
        }

        private static void Report<T>(ImmutableArray<T> declarations, SemanticModelAnalysisContext context, BaselineFilter baseline)
            where T : PolicyDeclaration
        {
            foreach (var declaration in declarations)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (declaration.Location.SourceTree != context.SemanticModel.SyntaxTree)
                {
                    continue;
                }

                foreach (var problem in declaration.Problems)
                {
                    context.ReportDiagnostic(baseline.Apply(Diagnostic.Create(RuleDescriptors.MEC004_InvalidPolicyDeclaration, declaration.Location, problem), context.CancellationToken));
                }
            }
        }

        public void AnalyzeMarks(SymbolAnalysisContext context)
        {
            if (context.Symbol is IMethodSymbol method)
            {
                AnalyzeDataSubjectMarks(method, context);
            }

            foreach (var attribute in context.Symbol.GetAttributes())
            {
                var isVendor = attribute.AttributeClass.HasFullName(MetadataNames.VendorAttribute);
                if (!isVendor && !attribute.AttributeClass.HasFullName(MetadataNames.DataSinkAttribute))
                {
                    continue;
                }

                // A mark that does not bind is a compiler error already; only a well-typed blank name is ours.
                if (attribute.AttributeConstructor is null ||
                    attribute.ApplicationSyntaxReference is not { } reference ||
                    attribute.ConstructorArguments.Length == 0 ||
                    attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Primitive or TypedConstantKind.Error } name ||
                    name.Kind == TypedConstantKind.Error ||
                    (name.Value is string text && text.Trim().Length > 0))
                {
                    continue;
                }

                var what = name.IsNull ? "a null" : "an empty";
                var message = isVendor
                    ? $"[Vendor] has {what} name; name the vendor, as declared with [assembly: ApprovedVendor(\"...\")], that calls into '{context.Symbol.Name}' send data to"
                    : $"[DataSink] has {what} name; name the sink, as declared with [assembly: ApprovedSink(\"...\")], that '{context.Symbol.Name}' stores data in";
                var location = reference.GetSyntax(context.CancellationToken).GetLocation();
                context.ReportDiagnostic(baseline.Apply(Diagnostic.Create(RuleDescriptors.MEC004_InvalidPolicyDeclaration, location, message), context.CancellationToken));
            }
        }

        // An eraser or corrector for a sink nobody declared is a malformed declaration, not a reachability problem
        // (MEC008): it serves no approved sink, and the sink it was meant for still has none. So it is MEC004, an error.
        private void AnalyzeDataSubjectMarks(IMethodSymbol method, SymbolAnalysisContext context)
        {
            var marks = DataSubjectMark.On(method);
            if (marks.IsEmpty)
            {
                return;
            }

            PolicyModel? policy = null;
            foreach (var mark in marks)
            {
                if (mark.Attribute.ApplicationSyntaxReference is null)
                {
                    continue;
                }

                string message;
                if (!mark.HasSinkName)
                {
                    var what = mark.Sink is null ? "a null" : "an empty";
                    message = $"[{mark.AttributeName}] has {what} sink name; name the sink, as declared with [assembly: ApprovedSink(\"...\")], whose data '{method.Name}' {(mark.Duty == DataSubjectDuty.Erases ? "erases" : "corrects")}";
                }
                else
                {
                    if (ComplianceSymbols.For(compilation) is not { } symbols)
                    {
                        return;
                    }

                    policy ??= PolicyModel.Create(compilation, symbols, context.CancellationToken);
                    if (policy.TryGetSink(mark.Sink, out _))
                    {
                        continue;
                    }

                    var declared = policy.Sinks.Where(s => s.IsValid).Select(s => "'" + s.Name + "'").ToList();
                    message = $"[{mark.AttributeName}(\"{mark.Sink}\")] on '{method.Name}' names sink '{mark.Sink}', which no [assembly: ApprovedSink(\"{mark.Sink}\", ...)] declares; " +
                        (declared.Count == 0 ? "declare the sink" : $"name a declared sink ({string.Join(", ", declared)}) or declare it");
                }

                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MEC004_InvalidPolicyDeclaration, mark.GetLocation(context.CancellationToken), message));
            }
        }
    }
}
