using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Benchmarks.Measurement;

/// <summary>
/// Every C# analyzer the analyzer assembly ships, found by reflection, so the benchmark measures whatever rules exist
/// on the branch it is run from without being edited when a rule lands.
/// </summary>
public static class AnalyzerCatalog
{
    public static Assembly AnalyzerAssembly => typeof(MecCompliance.Analyzers.RuleIdentifiers).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> CreateAll() => CreateAll(AnalyzerAssembly);

    public static ImmutableArray<DiagnosticAnalyzer> CreateAll(Assembly assembly) =>
        LoadableTypes(assembly)
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}
