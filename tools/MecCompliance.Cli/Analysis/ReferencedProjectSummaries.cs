using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Generators;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// Gives the projects a project references in the solution the flow summaries their build would carry, so the report
/// follows a service's calls into the solution's shared library as the build does. The report computes them itself (the
/// same engine, once per referenced project) instead of relying on the workspace to run the generator.
/// </summary>
internal sealed class ReferencedProjectSummaries
{
    private readonly Dictionary<ProjectId, string?> _sources = [];

    /// <summary><paramref name="project"/> in a solution where each project it depends on carries its summaries.</summary>
    public async Task<Project> ApplyAsync(Project project, CancellationToken cancellationToken)
    {
        var solution = project.Solution;
        var graph = solution.GetProjectDependencyGraph();
        var dependencies = graph.GetProjectsThatThisProjectTransitivelyDependsOn(project.Id);
        if (dependencies.Count == 0)
        {
            return project;
        }

        // Dependencies first: a library's summaries follow its own references' summaries.
        foreach (var id in graph.GetTopologicallySortedProjects(cancellationToken).Where(dependencies.Contains))
        {
            var referenced = WithoutMecAnalyzers(solution.GetProject(id)!);
            if (!_sources.TryGetValue(id, out var source))
            {
                var compilation = await referenced.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                _sources[id] = source = compilation is null ? null : FlowSummaryWriter.Source(compilation, cancellationToken);
            }

            solution = source is null
                ? referenced.Solution
                : referenced.AddDocument(FlowSummaryGenerator.HintName, source, filePath: Path.Combine(Path.GetTempPath(), "mec", referenced.Name, FlowSummaryGenerator.HintName)).Project.Solution;
        }

        return solution.GetProject(project.Id)!;
    }

    // The workspace would otherwise run the package's generator as well (or not, depending on the host).
    private static Project WithoutMecAnalyzers(Project project) =>
        project.AnalyzerReferences.Where(MecAnalyzers.IsMecAnalyzer).Aggregate(project, (p, r) => p.RemoveAnalyzerReference(r));
}
