using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The walk over a control-flow graph: a worklist over its basic blocks, each block's entry state the join of its
/// predecessors' exit states, until nothing grows. Catch and finally blocks start from every state reached; a body that
/// keeps revisiting its blocks is finished flow-insensitively (one state for all), which over-approximates every path.
/// </summary>
internal sealed class GraphWalk(OperationEvaluator evaluator, ControlFlowGraph cfg, CancellationToken cancellationToken) : BodyWalk(evaluator)
{
    private const int MaxVisitsPerBlock = 24;

    private readonly ControlFlowGraph _cfg = cfg;
    private readonly CancellationToken _cancellationToken = cancellationToken;

    /// <summary>Analyses a body over its control-flow graph.</summary>
    public static MethodFlow Analyze(SymbolFacts facts, ISymbol owner, ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        // Operations of a control-flow graph carry no semantic model; sinks that resolve their target bind syntax with the original's.
        var context = new BodyContext(facts, owner, graph.OriginalOperation.SemanticModel, cancellationToken);
        var evaluator = new OperationEvaluator(context);
        var returns = new GraphWalk(evaluator, graph, cancellationToken).Run(evaluator.EntryState(), out _);
        return context.ToFlow(returns);
    }

    public override BodyWalk? Lambda(IOperation lambda) =>
        lambda is IFlowAnonymousFunctionOperation function ? new GraphWalk(Evaluator, _cfg.GetAnonymousFunctionControlFlowGraph(function, _cancellationToken), _cancellationToken) : null;

    public override BodyWalk? LocalFunction(IMethodSymbol definition) =>
        LocalFunctionGraph(_cfg, definition, _cancellationToken) is { } graph ? new GraphWalk(Evaluator, graph, _cancellationToken) : null;

    /// <summary>Operations a graph keeps unlowered (invalid code): their children are evaluated, as any other operation's.</summary>
    public override bool AcceptsChildrenFor(IOperation operation) => true;

    /// <param name="exit">Everything any location held at any point: what a caller of this graph may see afterwards.</param>
    public override LabelSet Run(FlowState entry, out FlowState exit)
    {
        var blocks = _cfg.Blocks;
        var inStates = new FlowState?[blocks.Length];
        var queued = new bool[blocks.Length];
        var queue = new Queue<int>();
        var everything = new FlowState();

        // Catch and finally blocks have no CFG predecessors: they may start from any state reached inside the method.
        var handlers = new List<int>();
        foreach (var block in blocks)
        {
            if (block.Ordinal != 0 && block.Kind == BasicBlockKind.Block && block.Predecessors.IsEmpty)
            {
                handlers.Add(block.Ordinal);
            }
        }

        void Propagate(BasicBlock? destination, FlowState state)
        {
            // A block only reached under a constant-false condition never runs.
            if (destination is null || !destination.IsReachable)
            {
                return;
            }

            var ordinal = destination.Ordinal;
            if (inStates[ordinal] is not { } existing)
            {
                inStates[ordinal] = state.Clone();
            }
            else if (!existing.JoinWith(state))
            {
                return;
            }

            if (!queued[ordinal])
            {
                queued[ordinal] = true;
                queue.Enqueue(ordinal);
            }
        }

        Propagate(blocks[0], entry);
        var budget = (blocks.Length * MaxVisitsPerBlock) + 16;
        while (queue.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (--budget < 0)
            {
                // Too many revisits: finish flow-insensitively (one state for the whole method), which over-approximates
                // every path; a bound never drops a flow.
                everything.JoinWith(entry);
                exit = everything;
                return RunFlowInsensitive(everything);
            }

            var ordinal = queue.Dequeue();
            queued[ordinal] = false;
            var state = inStates[ordinal]!.Clone();
            Transfer(blocks[ordinal], state);

            if (everything.JoinWith(state))
            {
                foreach (var handler in handlers)
                {
                    Propagate(blocks[handler], everything);
                }
            }

            Propagate(blocks[ordinal].ConditionalSuccessor?.Destination, state);
            Propagate(blocks[ordinal].FallThroughSuccessor?.Destination, state);
        }

        exit = everything;
        return Returns;
    }

    private LabelSet RunFlowInsensitive(FlowState global)
    {
        for (var pass = 0; pass < 64; pass++)
        {
            var changed = false;
            foreach (var block in _cfg.Blocks)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var state = global.Clone();
                Transfer(block, state);
                changed |= global.JoinWith(state);
            }

            if (!changed)
            {
                break;
            }
        }

        return Returns;
    }

    private void Transfer(BasicBlock block, FlowState state)
    {
        foreach (var operation in block.Operations)
        {
            Evaluator.Evaluate(operation, state, this);
        }

        if (block.BranchValue is { } branchValue)
        {
            var value = Evaluator.Evaluate(branchValue, state, this);
            if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                Returns = Returns.Union(value);
            }
        }
    }

    private static ControlFlowGraph? LocalFunctionGraph(ControlFlowGraph cfg, IMethodSymbol function, CancellationToken cancellationToken)
    {
        for (var scope = cfg; scope is not null; scope = scope.Parent)
        {
            if (scope.LocalFunctions.Contains(function, SymbolEqualityComparer.Default))
            {
                return scope.GetLocalFunctionControlFlowGraph(function, cancellationToken);
            }
        }

        return null;
    }
}
