namespace MecCompliance.Analyzers.Flow;

/// <summary>Forms only an operation tree holds (a control-flow graph lowers them), and object or collection initializers.</summary>
internal sealed partial class OperationEvaluator
{
    /// <summary>The operations a control-flow graph lowers into branches and captures, as an operation tree holds them.</summary>
    private LabelSet EvaluateTreeForm(IOperation operation, FlowState state, BodyWalk walk)
    {
        switch (operation)
        {
            case IConditionalOperation conditional:
            {
                Evaluate(conditional.Condition, state, walk);
                var whenTrue = state.Clone();
                var labels = Evaluate(conditional.WhenTrue, whenTrue, walk).Union(Evaluate(conditional.WhenFalse, state, walk));
                state.JoinWith(whenTrue);
                return labels;
            }

            case ICoalesceOperation coalesce:
            {
                var value = Evaluate(coalesce.Value, state, walk);
                var whenNull = state.Clone();
                var labels = value.Union(Evaluate(coalesce.WhenNull, whenNull, walk));
                state.JoinWith(whenNull);
                return labels;
            }

            case ICoalesceAssignmentOperation coalesceAssignment:
            {
                var current = Evaluate(coalesceAssignment.Target, state, walk);
                var value = Evaluate(coalesceAssignment.Value, state, walk).Union(current);
                Assign(coalesceAssignment.Target, value, coalesceAssignment.Value, state, walk);
                return value;
            }

            case IConditionalAccessOperation access:
            {
                var receiver = Evaluate(access.Operation, state, walk);
                var whenNotNull = state.Clone();
                walk.ConditionalReceivers.Push(receiver);
                try
                {
                    var labels = Evaluate(access.WhenNotNull, whenNotNull, walk);
                    state.JoinWith(whenNotNull);
                    return labels;
                }
                finally
                {
                    walk.ConditionalReceivers.Pop();
                }
            }

            case IConditionalAccessInstanceOperation:
                return walk.ConditionalReceivers.Count > 0 ? walk.ConditionalReceivers.Peek() : Unmodelled(operation, state, walk);
            case ISwitchExpressionOperation @switch:
            {
                var value = Evaluate(@switch.Value, state, walk);
                var joined = state.Clone();
                var labels = LabelSet.Empty;
                foreach (var arm in @switch.Arms)
                {
                    var current = state.Clone();
                    BindPattern(arm.Pattern, value, current);
                    Evaluate(arm.Guard, current, walk);
                    labels = labels.Union(Evaluate(arm.Value, current, walk));
                    joined.JoinWith(current);
                }

                state.ReplaceWith(joined);
                return labels;
            }

            case IThrowOperation thrown:
                Evaluate(thrown.Exception, state, walk);
                return LabelSet.Empty;
            default:
                return Unmodelled(operation, state, walk);
        }
    }

    /// <summary>An object or collection initializer: what it assigns, and what it adds to the object it initializes.</summary>
    private LabelSet EvaluateInitializer(IObjectOrCollectionInitializerOperation initializer, FlowState state, BodyWalk walk)
    {
        // The object holds what the initializer stores into it or adds to it (gathered on the implicit receiver), not
        // every value its assignments evaluate to: a classified member keeps its value's class to itself.
        walk.ImplicitReceivers.Push(LabelSet.Empty);
        Evaluate(initializer, state, walk);
        return walk.ImplicitReceivers.Pop();
    }
}
