using MecCompliance.Analyzers.Flow;

namespace MecCompliance.Analyzers.Generators;

/// <summary>
/// Writes the flow summaries of this assembly's callable methods into its metadata (<see cref="FlowSummaryFormat"/>), so
/// that a project referencing it follows classified data through its methods as through its own.
/// </summary>
/// <remarks>
/// An implementation output: the compiler runs it in the build, the IDE does not run it while you type (it would run the
/// whole flow engine on every keystroke). <c>MecComplianceFlowSummaries=false</c> (MSBuild) turns it off; the package
/// turns it off for executables, which nothing references.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FlowSummaryGenerator : IIncrementalGenerator
{
    /// <summary>The generated file's hint name.</summary>
    public const string HintName = "MecCompliance.FlowSummaries.g.cs";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var enabled = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            !options.GlobalOptions.TryGetValue("build_property.MecComplianceFlowSummaries", out var value) ||
            !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        context.RegisterImplementationSourceOutput(context.CompilationProvider.Combine(enabled), static (output, input) =>
        {
            if (input.Right && FlowSummaryWriter.Source(input.Left, output.CancellationToken) is { } source)
            {
                output.AddSource(HintName, source);
            }
        });
    }
}
