using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// The <c>[ErasesPersonalData]</c> / <c>[CorrectsPersonalData]</c> methods a project declares or can see in its
/// references, read with the analyzers' own <see cref="DataSubjectMark"/>.
/// </summary>
internal static class DataSubjectMethodCatalog
{
    public static IReadOnlyList<MarkedMethod> Collect(Compilation compilation, SourcePaths paths, CancellationToken cancellationToken)
    {
        var methods = new List<MarkedMethod>();
        var project = compilation.AssemblyName ?? "";
        methods.AddRange(DataSubjectMark.In(compilation.Assembly, cancellationToken).Where(m => m.HasSinkName)
            .Select(m => From(m, project, paths.PointOf(m.GetLocation(cancellationToken)))));
        methods.AddRange(DataSubjectMark.InReferences(compilation, cancellationToken).Where(m => m.HasSinkName)
            .Select(m => From(m, m.Method.ContainingAssembly?.Name ?? "", location: null)));
        return methods;
    }

    private static MarkedMethod From(DataSubjectMark mark, string assembly, SourcePoint? location) =>
        new(mark.Sink!.Trim(), mark.Duty, mark.Method.ContainingType.Name + "." + mark.Method.Name, assembly, location);
}

/// <summary>One marked method: the sink it serves, what it does there, where it is.</summary>
internal sealed record MarkedMethod(string Sink, DataSubjectDuty Duty, string Method, string Assembly, SourcePoint? Location);
