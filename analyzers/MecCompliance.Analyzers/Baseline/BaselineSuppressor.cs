namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// Reports findings of the rules that are not errors by default (MEC005, and MEC007/MEC008 of DESIGN §4) recorded in the
/// project's <c>mec-baseline.json</c> as suppressed (MECS001): the compiler then neither prints them nor fails the build
/// on them, and SARIF logs keep them with a suppression and its justification. Roslyn never hands a suppressor a
/// diagnostic whose default severity is Error, so the error rules apply the same baseline themselves
/// (<see cref="BaselineFilter"/>). A finding the baseline does not hold, or any finding at all when the file is
/// malformed (MEC009), is reported as usual.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    /// <summary>The rules of DESIGN §4 whose default severity is not Error: the only ones Roslyn lets a suppressor see.</summary>
    private static readonly string[] BaselinableRules = ["MEC005", "MEC007", "MEC008"];

    private static readonly ImmutableDictionary<string, SuppressionDescriptor> Descriptors = BaselinableRules.ToImmutableDictionary(
        id => id,
        id => new SuppressionDescriptor(
            RuleIdentifiers.BaselinedFinding,
            id,
            "The finding is recorded in the project's MecCompliance baseline (mec-baseline.json), where its entry (rule, data, sink, containing member) carries the justification; only new findings fail the build"));

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = Descriptors.Values.ToImmutableArray();

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        if (BaselineFile.Find(context.Options) is not { } file ||
            BaselineFile.Read(file, context.CancellationToken) is not { Error: null, Entries.IsEmpty: false } baseline)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (Descriptors.TryGetValue(diagnostic.Id, out var descriptor) &&
                FindingFingerprint.From(diagnostic, context.CancellationToken) is { } fingerprint &&
                baseline.Contains(fingerprint))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }
}
