namespace MecCompliance.Analyzers.Flow;

/// <summary>Loops, <c>switch</c> and <c>try</c>: statements whose paths meet again, and the jumps that leave them.</summary>
internal sealed partial class StructuredWalk
{
    private bool ExecLoop(ILoopOperation loop, FlowState state)
    {
        var elements = LabelSet.Empty;
        switch (loop)
        {
            case IForLoopOperation @for:
                foreach (var before in @for.Before)
                {
                    Exec(before, state);
                }

                break;
            case IForEachLoopOperation forEach:
                if (forEach.Collection.Type is { } collectionType && Evaluator.Facts.IsInCompilation(collectionType.OriginalDefinition))
                {
                    // A collection type of this compilation enumerates through its own GetEnumerator: the graph follows it.
                    return _shared.GiveUp();
                }

                elements = ElementsOf(forEach, Evaluate(forEach.Collection, state));
                break;
            case IWhileLoopOperation:
                break;
            default:
                return _shared.GiveUp();
        }

        var target = new JumpTarget(loop.ExitLabel, loop.ContinueLabel);
        JumpTargets.Push(target);
        try
        {
            var head = state.Clone();
            var exit = new FlowState();
            var exitReachable = false;
            for (var round = 0; ; round++)
            {
                if (round > MaxStructuredStepsPerOperation || _shared.GaveUp)
                {
                    return _shared.GiveUp();
                }

                var current = head.Clone();
                switch (loop)
                {
                    case IWhileLoopOperation { ConditionIsTop: true } top:
                        Evaluate(top.Condition, current);
                        exitReachable |= top.Condition is not { ConstantValue: { HasValue: true, Value: true } } && Join(exit, current);
                        break;
                    case IForLoopOperation @for:
                        Evaluate(@for.Condition, current);
                        exitReachable |= @for.Condition is not null && @for.Condition is not { ConstantValue: { HasValue: true, Value: true } } && Join(exit, current);
                        break;
                    case IForEachLoopOperation forEach:
                        exitReachable |= Join(exit, current);
                        AssignLoopVariable(forEach, elements, current);
                        break;
                }

                var reachable = Exec(loop.Body, current);
                reachable = Merge(current, reachable, target.Continues, target.ContinueReached);
                if (reachable)
                {
                    switch (loop)
                    {
                        case IForLoopOperation @for:
                            foreach (var bottom in @for.AtLoopBottom)
                            {
                                Exec(bottom, current);
                            }

                            break;
                        case IWhileLoopOperation { ConditionIsTop: false } bottomTested:
                            Evaluate(bottomTested.Condition, current);
                            exitReachable |= bottomTested.Condition is not { ConstantValue: { HasValue: true, Value: true } } && Join(exit, current);
                            break;
                    }
                }

                if (!reachable || !head.JoinWith(current))
                {
                    break;
                }
            }

            if (target.BreakReached)
            {
                exit.JoinWith(target.Breaks);
                exitReachable = true;
            }

            state.ReplaceWith(exit);
            return exitReachable;
        }
        finally
        {
            JumpTargets.Pop();
        }
    }

    private static bool Join(FlowState into, FlowState state)
    {
        into.JoinWith(state);
        return true;
    }

    /// <summary>
    /// What the loop variable receives: the collection's labels without its whole-object labels (the element's own type
    /// says what it holds), as the graph's <c>GetEnumerator().Current</c> gives; nothing for elements that only measure.
    /// </summary>
    private static LabelSet ElementsOf(IForEachLoopOperation forEach, LabelSet collection)
    {
        var elementType = forEach.LoopControlVariable switch
        {
            IVariableDeclaratorOperation declarator => declarator.Symbol.Type,
            _ => forEach.LoopControlVariable.Type,
        };

        if (TypeShapes.IsMeasure(elementType))
        {
            return LabelSet.Empty;
        }

        return forEach.Collection.Type is IArrayTypeSymbol || forEach.Collection is IConversionOperation { Operand.Type: IArrayTypeSymbol }
            ? collection
            : OperationEvaluator.WithoutWholeObjects(collection);
    }

    private void AssignLoopVariable(IForEachLoopOperation forEach, LabelSet elements, FlowState state)
    {
        switch (forEach.LoopControlVariable)
        {
            case IVariableDeclaratorOperation declarator:
                state.Set(declarator.Symbol, elements);
                break;
            default:
                Evaluator.Assign(forEach.LoopControlVariable, elements, forEach.Collection, state, this);
                break;
        }
    }

    private void Jump(IBranchOperation jump, FlowState state)
    {
        foreach (var target in JumpTargets)
        {
            if (SymbolEqualityComparer.Default.Equals(target.Exit, jump.Target))
            {
                target.Break(state);
                return;
            }

            if (target.Continue is { } continueLabel && SymbolEqualityComparer.Default.Equals(continueLabel, jump.Target))
            {
                target.ContinueWith(state);
                return;
            }
        }

        // A jump out of no enclosing loop or switch (invalid code).
        _shared.GiveUp();
    }

    private bool ExecSwitch(ISwitchOperation @switch, FlowState state)
    {
        var value = Evaluate(@switch.Value, state);
        var target = new JumpTarget(@switch.ExitLabel, null);
        JumpTargets.Push(target);
        try
        {
            var exit = new FlowState();
            var exitReachable = false;
            var hasDefault = false;
            foreach (var section in @switch.Cases)
            {
                var current = state.Clone();
                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case IDefaultCaseClauseOperation:
                            hasDefault = true;
                            break;
                        case IPatternCaseClauseOperation pattern:
                            OperationEvaluator.BindPattern(pattern.Pattern, value, current);
                            Evaluate(pattern.Guard, current);
                            hasDefault |= pattern.Pattern is IDiscardPatternOperation && pattern.Guard is null;
                            break;
                        case ISingleValueCaseClauseOperation single:
                            Evaluate(single.Value, current);
                            break;
                        case IRelationalCaseClauseOperation relational:
                            Evaluate(relational.Value, current);
                            break;
                        case IRangeCaseClauseOperation range:
                            Evaluate(range.MinimumValue, current);
                            Evaluate(range.MaximumValue, current);
                            break;
                    }
                }

                var reachable = true;
                foreach (var inner in section.Body)
                {
                    if (!Exec(inner, current))
                    {
                        reachable = false;
                        break;
                    }
                }

                if (reachable)
                {
                    exitReachable |= Join(exit, current);
                }
            }

            if (!hasDefault)
            {
                exitReachable |= Join(exit, state);
            }

            if (target.BreakReached)
            {
                exit.JoinWith(target.Breaks);
                exitReachable = true;
            }

            state.ReplaceWith(exit);
            return exitReachable;
        }
        finally
        {
            JumpTargets.Pop();
        }
    }

    /// <summary>
    /// A handler may start after any statement of the <c>try</c>, and <c>finally</c> after any statement of the
    /// <c>try</c> or a handler: each starts from every state reached in them (an over-approximation, as the handler
    /// blocks of a graph are, but limited to the <c>try</c> statement itself).
    /// </summary>
    private bool ExecTry(ITryOperation @try, FlowState state)
    {
        var outer = TryStates;
        var reached = state.Clone();
        TryStates = reached;
        try
        {
            var reachable = Exec(@try.Body, state);
            var handlerEntry = reached.Clone();
            foreach (var handler in @try.Catches)
            {
                var current = handlerEntry.Clone();
                if (handler.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation exception)
                {
                    current.Set(exception.Symbol, LabelSet.Empty);
                }
                else if (handler.ExceptionDeclarationOrExpression is { } expression)
                {
                    Evaluate(expression, current);
                }

                Evaluate(handler.Filter, current);
                reachable = Merge(state, reachable, current, Exec(handler.Handler, current));
            }

            if (@try.Finally is { } @finally)
            {
                reached.JoinWith(state);
                var current = reached.Clone();
                var finallyReachable = Exec(@finally, current);
                if (reachable)
                {
                    state.JoinWith(current);
                }

                return reachable && finallyReachable;
            }

            return reachable;
        }
        finally
        {
            TryStates = outer;
            outer?.JoinWith(reached);
        }
    }

    /// <summary>Where <c>break</c> and <c>continue</c> of one loop or switch go, with the states that reach them.</summary>
    private sealed class JumpTarget(ILabelSymbol exit, ILabelSymbol? @continue)
    {
        public ILabelSymbol Exit { get; } = exit;

        public ILabelSymbol? Continue { get; } = @continue;

        public FlowState Breaks { get; } = new();

        public bool BreakReached { get; private set; }

        public FlowState Continues { get; } = new();

        public bool ContinueReached { get; private set; }

        public void Break(FlowState state)
        {
            Breaks.JoinWith(state);
            BreakReached = true;
        }

        public void ContinueWith(FlowState state)
        {
            Continues.JoinWith(state);
            ContinueReached = true;
        }
    }
}
