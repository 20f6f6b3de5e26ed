using System.Collections.Immutable;
using System.Reflection;
using MecCompliance.Analyzers;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Cli.Analysis;

/// <summary>The MecCompliance analyzers this tool was built with, run in-process on every project.</summary>
internal static class MecAnalyzers
{
    public static Assembly Assembly => typeof(ComplianceSymbols).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = Create();

    /// <summary>Every MEC rule, whether or not this build's analyzers report it yet.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        RuleDescriptors.MEC001_ClassifiedDataLogged,
        RuleDescriptors.MEC002_ClassifiedDataSentToVendor,
        RuleDescriptors.MEC003_ClassifiedDataStoredOutsideSink,
        RuleDescriptors.MEC004_InvalidPolicyDeclaration,
        RuleDescriptors.MEC005_UnclassifiedPersonalData,
        RuleDescriptors.MEC006_ClassificationLost,
        RuleDescriptors.MEC007_SinkWithoutEraser,
        RuleDescriptors.MEC008_EraserMissesSink,
        RuleDescriptors.MEC009_MalformedBaseline,
    ];

    // Not the baseline suppressor: the report applies the baseline itself, so that it can show baselined findings apart.
    private static ImmutableArray<DiagnosticAnalyzer> Create() =>
        Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>
    /// Whether <paramref name="reference"/> is the project's own copy of these analyzers (the project builds with them as
    /// an analyzer): the tool runs its own copy, so the project's, which may not be built yet, is dropped.
    /// </summary>
    public static bool IsMecAnalyzer(AnalyzerReference reference) =>
        reference.Display?.StartsWith("MecCompliance.", StringComparison.Ordinal) == true ||
        Path.GetFileName(reference.FullPath ?? "").StartsWith("MecCompliance.", StringComparison.Ordinal);
}
