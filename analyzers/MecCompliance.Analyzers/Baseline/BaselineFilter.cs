namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// Reports a finding recorded in the baseline as suppressed. Roslyn lets a <see cref="DiagnosticSuppressor"/> suppress
/// only diagnostics whose default severity is not Error, and MEC001–MEC004 and MEC006 are errors by default: so the
/// rules themselves mark a baselined finding as suppressed, as a <c>#pragma warning disable</c> would, and the compiler
/// neither prints it nor fails on it, while SARIF logs keep it with a suppression (of kind <c>inSource</c>, which the
/// compiler labels "Pragma Directive" for every source-level suppression; the <c>MecBaselined</c> property tells the two
/// apart).
/// </summary>
internal sealed class BaselineFilter
{
    private static readonly BaselineFilter None = new(null);

    private readonly BaselineDocument? _baseline;

    private BaselineFilter(BaselineDocument? baseline) => _baseline = baseline;

    /// <summary>The project's baseline, read once per compilation; a malformed one matches nothing (MEC009 says why).</summary>
    public static BaselineFilter For(AnalyzerOptions options, CancellationToken cancellationToken) =>
        BaselineFile.Find(options) is { } file && BaselineFile.Read(file, cancellationToken) is { Error: null, Entries.IsEmpty: false } baseline
            ? new BaselineFilter(baseline)
            : None;

    /// <summary><paramref name="diagnostic"/>, or a suppressed copy when the baseline records it.</summary>
    public Diagnostic Apply(Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (_baseline is null || FindingFingerprint.From(diagnostic, cancellationToken) is not { } fingerprint || !_baseline.Contains(fingerprint))
        {
            return diagnostic;
        }

        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            descriptor.Id,
            descriptor.Category,
            diagnostic.GetMessage(),
            diagnostic.Severity,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            diagnostic.WarningLevel,
            isSuppressed: true,
            descriptor.Title,
            descriptor.Description,
            descriptor.HelpLinkUri,
            diagnostic.Location,
            diagnostic.AdditionalLocations,
            descriptor.CustomTags,
            diagnostic.Properties.SetItem(DiagnosticPropertyNames.Baselined, "true"));
    }
}
