using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// Structured mode: the same analysis run over the operation tree itself instead of a control-flow graph. Statements
/// are interpreted in order (branches analysed on copies of the state and joined, loops iterated to a fixpoint,
/// <c>break</c>/<c>continue</c>/<c>return</c>/<c>throw</c> ending their path, handlers starting from every state reached),
/// which gives the flow-sensitive result the graph gives without building the graph — the dominant cost of analysing
/// a body. Code the interpreter does not model (<c>goto case</c>, a label outside a block, <c>with</c>, nested member
/// initializers, interpolated-string handlers, invalid code) or a loop that does not settle within its budget abandons structured
/// mode, and the body is analysed over its control-flow graph as before.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    private const int MaxStructuredStepsPerOperation = 24;
    private const int MaxStatementDepth = 128;

    private int _structuredBudget;
    private int _statementDepth;

    /// <summary>
    /// Analyses a method, constructor or block body over its operation tree; <see langword="null"/> when the body holds
    /// something structured mode does not model (the caller then builds the control-flow graph).
    /// </summary>
    public static MethodFlow? AnalyzeStructured(FlowSession session, ISymbol owner, IOperation root, CancellationToken cancellationToken)
    {
        var body = root switch
        {
            IMethodBodyOperation methodBody => (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody,
            IConstructorBodyOperation constructor => constructor,
            IBlockOperation block => block,
            IFieldInitializerOperation initializer => initializer,
            IPropertyInitializerOperation initializer when !initializer.InitializedProperties.Any(session.HasBody) => initializer,
            _ => null,
        };

        if (body is null || root.SemanticModel is null)
        {
            return null;
        }

        var analysis = new MethodFlowAnalysis(session, root.SemanticModel, cancellationToken)
        {
            _structuredBudget = 4096,
            _constructs = IsInstanceConstructor(owner),
        };

        try
        {
            var graph = new Graph(null) { Tree = new StructuredTree(root) };
            var returns = analysis.RunStructured(body, analysis.EntryState(owner), graph, out _).Union(analysis._built);
            return new MethodFlow(owner, ToImmutable(analysis._sinkOrder), ToImmutable(analysis._callOrder), returns);
        }
        catch (StructuredModeUnsupported)
        {
            return null;
        }
    }

    private static ImmutableArray<T> ToImmutable<T>(List<T>? items) => items is null || items.Count == 0 ? ImmutableArray<T>.Empty : items.ToImmutableArray();

    /// <param name="exit">
    /// For a lambda or local function (<paramref name="tracksEverything"/>): everything any location held at any point,
    /// what the enclosing code may see after a call. Otherwise the state at the end.
    /// </param>
    private LabelSet RunStructured(IOperation body, FlowState entry, Graph graph, out FlowState exit, bool tracksEverything = false)
    {
        graph.Everything = tracksEverything ? entry.Clone() : null;
        var state = entry.Clone();
        if (body is ISymbolInitializerOperation memberInitializer)
        {
            // A member initializer stores its value into the member, as the constructor would.
            var value = Evaluate(memberInitializer.Value, state, graph);
            var members = memberInitializer switch
            {
                IFieldInitializerOperation field => field.InitializedFields.CastArray<ISymbol>(),
                IPropertyInitializerOperation property => property.InitializedProperties.CastArray<ISymbol>(),
                _ => ImmutableArray<ISymbol>.Empty,
            };

            foreach (var member in members)
            {
                Store(member, null, value, memberInitializer.Value, memberInitializer, state, graph);
            }
        }
        else if (body is IConstructorBodyOperation constructor)
        {
            if (constructor.Initializer is { } initializer)
            {
                Evaluate(initializer, state, graph);
            }

            var constructorBody = (IOperation?)constructor.BlockBody ?? constructor.ExpressionBody;
            if (constructorBody is not null)
            {
                Exec(constructorBody, state, graph);
            }
        }
        else
        {
            Exec(body, state, graph);
        }

        exit = graph.Everything ?? state;
        return graph.Returns;
    }

    /// <summary>Interprets one statement; returns whether the code after it is reachable.</summary>
    private bool Exec(IOperation statement, FlowState state, Graph graph)
    {
        _cancellationToken.ThrowIfCancellationRequested();

        // Statements nest by recursion here (a graph is flat): pathologically deep code goes to the graph instead.
        if (--_structuredBudget < 0 || _statementDepth >= MaxStatementDepth)
        {
            throw new StructuredModeUnsupported();
        }

        _statementDepth++;
        try
        {
            return ExecStatement(statement, state, graph);
        }
        finally
        {
            _statementDepth--;
        }
    }

    private bool ExecStatement(IOperation statement, FlowState state, Graph graph)
    {
        bool reachable;
        switch (statement)
        {
            case IBlockOperation block:
                return ExecBlock(block, state, graph);
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation, state, graph);
                reachable = expression.Operation is not IThrowOperation;
                break;
            case IVariableDeclarationGroupOperation group:
                Declare(group, state, graph);
                reachable = true;
                break;
            case IUsingDeclarationOperation usingDeclaration:
                Declare(usingDeclaration.DeclarationGroup, state, graph);
                reachable = true;
                break;
            case IReturnOperation returned:
                Evaluate(returned, state, graph);
                reachable = returned.Kind == OperationKind.YieldReturn;
                break;
            case IThrowOperation thrown:
                Evaluate(thrown.Exception, state, graph);
                reachable = false;
                break;
            case IConditionalOperation branch:
                reachable = ExecIf(branch, state, graph);
                break;
            case ILoopOperation loop:
                reachable = ExecLoop(loop, state, graph);
                break;
            case ISwitchOperation @switch:
                reachable = ExecSwitch(@switch, state, graph);
                break;
            case ITryOperation @try:
                reachable = ExecTry(@try, state, graph);
                break;
            case IUsingOperation @using:
                if (@using.Resources is IVariableDeclarationGroupOperation resources)
                {
                    Declare(resources, state, graph);
                }
                else
                {
                    Evaluate(@using.Resources, state, graph);
                }

                reachable = Exec(@using.Body, state, graph);
                break;
            case ILockOperation @lock:
                Evaluate(@lock.LockedValue, state, graph);
                reachable = Exec(@lock.Body, state, graph);
                break;
            case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } jump:
                Jump(jump, state, graph);
                return false;
            case ILocalFunctionOperation:
            case IEmptyOperation:
                return true;
            case IBranchOperation { BranchKind: BranchKind.GoTo } jump when graph.Tree!.DeclaresLabel(jump.Target):
                graph.GoTo(jump.Target, state);
                return false;
            case ILabeledOperation { Parent: not IBlockOperation }:
                throw new StructuredModeUnsupported();
            case ILabeledOperation labeled:
                // Reached by falling into it (when the code before it is reachable) or by a goto: Exec's caller joins those.
                return labeled.Operation is null || Exec(labeled.Operation, state, graph);
            case IBranchOperation:
                throw new StructuredModeUnsupported();
            default:
                Evaluate(statement, state, graph);
                reachable = true;
                break;
        }

        graph.Everything?.JoinWith(state);
        graph.TryStates?.JoinWith(state);
        return reachable;
    }

    /// <summary>
    /// A block runs its statements in order; code after a jump is dead unless it carries a label a <c>goto</c> reaches.
    /// A block holding labels runs again from its entry until the states its gotos carry stop growing.
    /// </summary>
    private bool ExecBlock(IBlockOperation block, FlowState state, Graph graph)
    {
        var hasLabels = false;
        foreach (var inner in block.Operations)
        {
            hasLabels |= inner is ILabeledOperation;
        }

        var entry = hasLabels ? state.Clone() : null;
        for (var round = 0; ; round++)
        {
            if (round > MaxStructuredStepsPerOperation)
            {
                throw new StructuredModeUnsupported();
            }

            var version = graph.GoToVersion;
            var reachable = true;
            foreach (var inner in block.Operations)
            {
                if (inner is ILabeledOperation labeled && graph.GoToState(labeled.Label) is { } jumped)
                {
                    reachable = Merge(state, reachable, jumped, otherReachable: true);
                }

                if (!reachable)
                {
                    if (!hasLabels)
                    {
                        // Dead code (a local function declared after a return is reached only by calls).
                        break;
                    }

                    continue;
                }

                reachable = Exec(inner, state, graph);
            }

            if (entry is null || graph.GoToVersion == version)
            {
                return reachable;
            }

            state.ReplaceWith(entry);
        }
    }

    private void Declare(IVariableDeclarationGroupOperation group, FlowState state, Graph graph)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var dimension in declaration.IgnoredDimensions)
            {
                Evaluate(dimension, state, graph);
            }

            foreach (var declarator in declaration.Declarators)
            {
                var initializer = declarator.Initializer ?? declaration.Initializer;
                state.Set(declarator.Symbol, initializer is null ? LabelSet.Empty : Evaluate(initializer.Value, state, graph));
            }
        }
    }

    private bool ExecIf(IConditionalOperation branch, FlowState state, Graph graph)
    {
        Evaluate(branch.Condition, state, graph);
        if (branch.Condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            // A branch under a constant condition either always or never runs (if (1 == 2) { … }).
            return constant ? Exec(branch.WhenTrue, state, graph) : branch.WhenFalse is null || Exec(branch.WhenFalse, state, graph);
        }

        var whenTrue = state.Clone();
        var trueReachable = Exec(branch.WhenTrue, whenTrue, graph);
        var falseReachable = branch.WhenFalse is null || Exec(branch.WhenFalse, state, graph);
        return Merge(state, falseReachable, whenTrue, trueReachable);
    }

    /// <summary>The state after two paths meet: only paths that reach the join point contribute.</summary>
    private static bool Merge(FlowState state, bool stateReachable, FlowState other, bool otherReachable)
    {
        if (!otherReachable)
        {
            return stateReachable;
        }

        if (stateReachable)
        {
            state.JoinWith(other);
        }
        else
        {
            state.ReplaceWith(other);
        }

        return true;
    }

    private bool ExecLoop(ILoopOperation loop, FlowState state, Graph graph)
    {
        var elements = LabelSet.Empty;
        switch (loop)
        {
            case IForLoopOperation @for:
                foreach (var before in @for.Before)
                {
                    Exec(before, state, graph);
                }

                break;
            case IForEachLoopOperation forEach:
                if (forEach.Collection.Type is { } collectionType && _session.IsInCompilation(collectionType.OriginalDefinition))
                {
                    // A collection type of this compilation enumerates through its own GetEnumerator: the graph follows it.
                    throw new StructuredModeUnsupported();
                }

                elements = ElementsOf(forEach, Evaluate(forEach.Collection, state, graph));
                break;
            case IWhileLoopOperation:
                break;
            default:
                throw new StructuredModeUnsupported();
        }

        var target = new JumpTarget(loop.ExitLabel, loop.ContinueLabel);
        graph.JumpTargets.Push(target);
        try
        {
            var head = state.Clone();
            var exit = new FlowState();
            var exitReachable = false;
            for (var round = 0; ; round++)
            {
                if (round > MaxStructuredStepsPerOperation)
                {
                    throw new StructuredModeUnsupported();
                }

                var current = head.Clone();
                switch (loop)
                {
                    case IWhileLoopOperation { ConditionIsTop: true } top:
                        Evaluate(top.Condition, current, graph);
                        exitReachable |= top.Condition is not { ConstantValue: { HasValue: true, Value: true } } && Join(exit, current);
                        break;
                    case IForLoopOperation @for:
                        Evaluate(@for.Condition, current, graph);
                        exitReachable |= @for.Condition is not null && @for.Condition is not { ConstantValue: { HasValue: true, Value: true } } && Join(exit, current);
                        break;
                    case IForEachLoopOperation forEach:
                        exitReachable |= Join(exit, current);
                        AssignLoopVariable(forEach, elements, current, graph);
                        break;
                }

                var reachable = Exec(loop.Body, current, graph);
                reachable = Merge(current, reachable, target.Continues, target.ContinueReached);
                if (reachable)
                {
                    switch (loop)
                    {
                        case IForLoopOperation @for:
                            foreach (var bottom in @for.AtLoopBottom)
                            {
                                Exec(bottom, current, graph);
                            }

                            break;
                        case IWhileLoopOperation { ConditionIsTop: false } bottomTested:
                            Evaluate(bottomTested.Condition, current, graph);
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
            graph.JumpTargets.Pop();
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
            : WithoutWholeObjects(collection);
    }

    private void AssignLoopVariable(IForEachLoopOperation forEach, LabelSet elements, FlowState state, Graph graph)
    {
        switch (forEach.LoopControlVariable)
        {
            case IVariableDeclaratorOperation declarator:
                state.Set(declarator.Symbol, elements);
                break;
            default:
                Assign(forEach.LoopControlVariable, elements, forEach.Collection, state, graph);
                break;
        }
    }

    private void Jump(IBranchOperation jump, FlowState state, Graph graph)
    {
        foreach (var target in graph.JumpTargets)
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

        throw new StructuredModeUnsupported();
    }

    private bool ExecSwitch(ISwitchOperation @switch, FlowState state, Graph graph)
    {
        var value = Evaluate(@switch.Value, state, graph);
        var target = new JumpTarget(@switch.ExitLabel, null);
        graph.JumpTargets.Push(target);
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
                            BindPattern(pattern.Pattern, value, current);
                            Evaluate(pattern.Guard, current, graph);
                            hasDefault |= pattern.Pattern is IDiscardPatternOperation && pattern.Guard is null;
                            break;
                        case ISingleValueCaseClauseOperation single:
                            Evaluate(single.Value, current, graph);
                            break;
                        case IRelationalCaseClauseOperation relational:
                            Evaluate(relational.Value, current, graph);
                            break;
                        case IRangeCaseClauseOperation range:
                            Evaluate(range.MinimumValue, current, graph);
                            Evaluate(range.MaximumValue, current, graph);
                            break;
                    }
                }

                var reachable = true;
                foreach (var inner in section.Body)
                {
                    if (!Exec(inner, current, graph))
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
            graph.JumpTargets.Pop();
        }
    }

    /// <summary>
    /// A handler may start after any statement of the <c>try</c>, and <c>finally</c> after any statement of the
    /// <c>try</c> or a handler: each starts from every state reached in them (an over-approximation, as the handler
    /// blocks of a graph are, but limited to the <c>try</c> statement itself).
    /// </summary>
    private bool ExecTry(ITryOperation @try, FlowState state, Graph graph)
    {
        var outer = graph.TryStates;
        var reached = state.Clone();
        graph.TryStates = reached;
        try
        {
            var reachable = Exec(@try.Body, state, graph);
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
                    Evaluate(expression, current, graph);
                }

                Evaluate(handler.Filter, current, graph);
                reachable = Merge(state, reachable, current, Exec(handler.Handler, current, graph));
            }

            if (@try.Finally is { } @finally)
            {
                reached.JoinWith(state);
                var current = reached.Clone();
                var finallyReachable = Exec(@finally, current, graph);
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
            graph.TryStates = outer;
            outer?.JoinWith(reached);
        }
    }

    /// <summary>The operations a control-flow graph would have lowered into branches and captures.</summary>
    private LabelSet EvaluateStructured(IOperation operation, FlowState state, Graph graph)
    {
        switch (operation)
        {
            case IConditionalOperation conditional:
            {
                Evaluate(conditional.Condition, state, graph);
                var whenTrue = state.Clone();
                var labels = Evaluate(conditional.WhenTrue, whenTrue, graph).Union(Evaluate(conditional.WhenFalse, state, graph));
                state.JoinWith(whenTrue);
                return labels;
            }

            case ICoalesceOperation coalesce:
            {
                var value = Evaluate(coalesce.Value, state, graph);
                var whenNull = state.Clone();
                var labels = value.Union(Evaluate(coalesce.WhenNull, whenNull, graph));
                state.JoinWith(whenNull);
                return labels;
            }

            case ICoalesceAssignmentOperation coalesceAssignment:
            {
                var current = Evaluate(coalesceAssignment.Target, state, graph);
                var value = Evaluate(coalesceAssignment.Value, state, graph).Union(current);
                Assign(coalesceAssignment.Target, value, coalesceAssignment.Value, state, graph);
                return value;
            }

            case IConditionalAccessOperation access:
            {
                var receiver = Evaluate(access.Operation, state, graph);
                var whenNotNull = state.Clone();
                graph.ConditionalReceivers.Push(receiver);
                try
                {
                    var labels = Evaluate(access.WhenNotNull, whenNotNull, graph);
                    state.JoinWith(whenNotNull);
                    return labels;
                }
                finally
                {
                    graph.ConditionalReceivers.Pop();
                }
            }

            case IConditionalAccessInstanceOperation:
                return graph.ConditionalReceivers.Count > 0 ? graph.ConditionalReceivers.Peek() : throw new StructuredModeUnsupported();
            case ISwitchExpressionOperation @switch:
            {
                var value = Evaluate(@switch.Value, state, graph);
                var joined = state.Clone();
                var labels = LabelSet.Empty;
                foreach (var arm in @switch.Arms)
                {
                    var current = state.Clone();
                    BindPattern(arm.Pattern, value, current);
                    Evaluate(arm.Guard, current, graph);
                    labels = labels.Union(Evaluate(arm.Value, current, graph));
                    joined.JoinWith(current);
                }

                state.ReplaceWith(joined);
                return labels;
            }

            case IAnonymousFunctionOperation lambda:
                return _nesting >= MaxNestedGraphs ? graph.LambdaContext : AnalyzeLambda(lambda.Symbol, null, lambda.Body, state, graph);
            case IThrowOperation thrown:
                Evaluate(thrown.Exception, state, graph);
                return LabelSet.Empty;
            default:
                throw new StructuredModeUnsupported();
        }
    }

    /// <summary>An object or collection initializer: what it assigns, and what it adds to the object it initializes.</summary>
    private LabelSet EvaluateInitializer(IObjectOrCollectionInitializerOperation initializer, FlowState state, Graph graph)
    {
        // The object holds what the initializer stores into it or adds to it (gathered on the implicit receiver), not
        // every value its assignments evaluate to: a classified member keeps its value's class to itself.
        graph.ImplicitReceivers.Push(LabelSet.Empty);
        Evaluate(initializer, state, graph);
        return graph.ImplicitReceivers.Pop();
    }

    private sealed partial class Graph
    {
        private Stack<JumpTarget>? _jumpTargets;
        private Stack<LabelSet>? _conditionalReceivers;
        private Stack<LabelSet>? _implicitReceivers;
        private Dictionary<ILabelSymbol, FlowState>? _goToStates;

        /// <summary>The method's whole operation tree (structured mode), shared by the graphs of its lambdas and local functions.</summary>
        public StructuredTree? Tree { get; set; }

        /// <summary>Every state reached so far in a lambda or local function: what it may leave behind for the code after a call.</summary>
        public FlowState? Everything { get; set; }

        /// <summary>Every state reached so far in the enclosing <c>try</c> statement: where its handlers start.</summary>
        public FlowState? TryStates { get; set; }

        public Stack<JumpTarget> JumpTargets => _jumpTargets ??= new Stack<JumpTarget>();

        /// <summary>Labels of the receivers of enclosing <c>?.</c> accesses.</summary>
        public Stack<LabelSet> ConditionalReceivers => _conditionalReceivers ??= new Stack<LabelSet>();

        /// <summary>Labels added to the objects of enclosing initializers.</summary>
        public Stack<LabelSet> ImplicitReceivers => _implicitReceivers ??= new Stack<LabelSet>();

        public bool InInitializer => _implicitReceivers is { Count: > 0 };

        /// <summary>Grows whenever a goto brings a label a state it did not hold: blocks with labels run again.</summary>
        public int GoToVersion { get; private set; }

        public void GoTo(ILabelSymbol label, FlowState state)
        {
            _goToStates ??= new Dictionary<ILabelSymbol, FlowState>(SymbolEqualityComparer.Default);
            if (!_goToStates.TryGetValue(label, out var existing))
            {
                _goToStates[label] = state.Clone();
                GoToVersion++;
            }
            else if (existing.JoinWith(state))
            {
                GoToVersion++;
            }
        }

        public FlowState? GoToState(ILabelSymbol label) => _goToStates is not null && _goToStates.TryGetValue(label, out var state) ? state : null;
    }

    /// <summary>What structured mode looks up in the whole tree of a method: its local functions and its labels.</summary>
    private sealed class StructuredTree(IOperation root)
    {
        private Dictionary<IMethodSymbol, ILocalFunctionOperation>? _localFunctions;
        private HashSet<ILabelSymbol>? _labels;

        /// <summary>Whether <paramref name="label"/> is a labelled statement of the method (not a switch case of <c>goto case</c>).</summary>
        public bool DeclaresLabel(ILabelSymbol label)
        {
            if (_labels is null)
            {
                _labels = new HashSet<ILabelSymbol>(SymbolEqualityComparer.Default);
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is ILabeledOperation labeled)
                    {
                        _labels.Add(labeled.Label);
                    }
                }
            }

            return _labels.Contains(label);
        }

        public ILocalFunctionOperation? LocalFunction(IMethodSymbol definition)
        {
            if (_localFunctions is null)
            {
                _localFunctions = new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is ILocalFunctionOperation declared)
                    {
                        _localFunctions[declared.Symbol] = declared;
                    }
                }
            }

            return _localFunctions.TryGetValue(definition, out var declaration) ? declaration : null;
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

    /// <summary>Thrown inside structured mode when the body needs its control-flow graph.</summary>
    private sealed class StructuredModeUnsupported : Exception
    {
    }
}
