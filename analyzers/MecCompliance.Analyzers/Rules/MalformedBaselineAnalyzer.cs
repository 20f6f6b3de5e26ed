using MecCompliance.Analyzers.Baseline;
using Microsoft.CodeAnalysis.Text;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC009: the project's baseline file cannot be read. A suppressor cannot report diagnostics, so this rule says why
/// the baseline suppresses nothing, at the line and column of the problem in the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MalformedBaselineAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.MEC009_MalformedBaseline);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(compilation =>
        {
            if (BaselineFile.Find(compilation.Options) is not { } file ||
                BaselineFile.Read(file, compilation.CancellationToken) is not { Error: { } error })
            {
                return;
            }

            var position = new LinePosition(error.Line - 1, error.Column - 1);
            var location = Location.Create(file.Path, new TextSpan(error.Position, 0), new LinePositionSpan(position, position));
            compilation.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MEC009_MalformedBaseline, location, BaselineFile.FileNameOf(file.Path), error.Message, error.Line, error.Column));
        });
    }
}
