using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The analysis of one body, and the one place that chooses its walk: over the operation tree when the structured walk
/// models all of it (most bodies: no control-flow graph is built), otherwise over the body's control-flow graph.
/// </summary>
internal static class BodyAnalysis
{
    /// <summary>The flow of <paramref name="root"/> (a body's root operation); <see langword="null"/> when it is no analysable body.</summary>
    public static MethodFlow? Analyze(SymbolFacts facts, ISymbol owner, IOperation root, CancellationToken cancellationToken) =>
        StructuredWalk.TryAnalyze(facts, owner, root, cancellationToken) ??
        (CreateGraph(root, cancellationToken) is { } graph ? GraphWalk.Analyze(facts, owner, graph, cancellationToken) : null);

    private static ControlFlowGraph? CreateGraph(IOperation block, CancellationToken cancellationToken)
    {
        if (block.Parent is not null || block.SemanticModel is null)
        {
            return null;
        }

        return block switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            _ => null,
        };
    }
}
