using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Lambdas and local functions: run where they are created or called, each over a walk of its own body.</summary>
internal sealed partial class OperationEvaluator
{
    /// <summary>A local function is run at each call with the arguments' labels (its body found by the walk).</summary>
    private LabelSet InlineLocalFunction(IMethodSymbol function, CallArguments arguments, FlowState state, BodyWalk walk)
    {
        var definition = function.OriginalDefinition;
        if (_context.IsInlining(definition) || _context.Nesting >= MaxNestedFunctions)
        {
            // Recursion or deep nesting: assume the result carries every input.
            return function.ReturnsVoid || TypeShapes.IsMeasure(function.ReturnType) ? LabelSet.Empty : arguments.Union;
        }

        if (walk.LocalFunction(definition) is not { } functionWalk)
        {
            return arguments.Union;
        }

        var entry = state.Clone();
        foreach (var parameter in definition.Parameters)
        {
            entry.Set(parameter, ParameterLabels(parameter, null).Union(arguments.ForOrdinal(parameter.Ordinal)));
        }

        _context.BeginInlining(definition);
        _context.Nesting++;
        try
        {
            var returns = functionWalk.Run(entry, out var exit);
            WriteBackCaptured(definition, exit, state);
            return function.ReturnsVoid || TypeShapes.IsMeasure(function.ReturnType) ? LabelSet.Empty : returns;
        }
        finally
        {
            _context.Nesting--;
            _context.EndInlining(definition);
        }
    }

    /// <summary>A lambda is run where it is created, its parameters receiving what its call hands to its elements.</summary>
    private LabelSet AnalyzeLambda(IMethodSymbol lambda, BodyWalk lambdaWalk, FlowState state, BodyWalk walk)
    {
        var entry = state.Clone();
        foreach (var parameter in lambda.Parameters)
        {
            entry.Set(parameter, ParameterLabels(parameter, null).Union(walk.LambdaContext));
        }

        _context.Nesting++;
        try
        {
            var returns = lambdaWalk.Run(entry, out var exit);
            WriteBackCaptured(lambda, exit, state);
            return returns;
        }
        finally
        {
            _context.Nesting--;
        }
    }

    /// <summary>
    /// A lambda or local function may run, and may assign the enclosing method's variables: those assignments may
    /// reach the code after it (<c>items.ForEach(p =&gt; last = p.Email)</c>).
    /// </summary>
    private static void WriteBackCaptured(IMethodSymbol function, FlowState exit, FlowState state)
    {
        foreach (var pair in exit.Entries)
        {
            if (pair.Key is ILocalSymbol or IParameterSymbol && !IsDeclaredWithin((ISymbol)pair.Key, function))
            {
                state.Add(pair.Key, pair.Value);
            }
        }
    }

    private static bool IsDeclaredWithin(ISymbol symbol, IMethodSymbol function)
    {
        for (var container = symbol.ContainingSymbol; container is not null; container = container.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(container, function))
            {
                return true;
            }

            if (container is INamedTypeSymbol)
            {
                return false;
            }
        }

        return false;
    }
}
