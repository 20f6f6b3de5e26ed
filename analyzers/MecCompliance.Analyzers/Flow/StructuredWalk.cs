using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The walk over the operation tree itself, no control-flow graph built (building it is the dominant cost of analysing
/// a body). Statements are interpreted in order: branches on copies of the state, joined; loops iterated to a fixpoint;
/// <c>break</c>/<c>continue</c>/<c>return</c>/<c>throw</c> ending their path; handlers starting from every state
/// reached. It gives the flow-sensitive result the graph walk gives. Code it does not model (<c>goto case</c>, a label
/// outside a block, <c>with</c>, nested member initializers, interpolated-string handlers, invalid code) or a loop that
/// does not settle within its budget makes it give up: <see cref="TryAnalyze"/> then answers <see langword="null"/>
/// and the body is walked over its control-flow graph (<see cref="BodyAnalysis"/>).
/// </summary>
internal sealed partial class StructuredWalk : BodyWalk
{
    private const int MaxStructuredStepsPerOperation = 24;
    private const int MaxStatementDepth = 128;

    private readonly IOperation _body;
    private readonly Shared _shared;
    private readonly bool _tracksEverything;
    private Stack<JumpTarget>? _jumpTargets;
    private Dictionary<ILabelSymbol, FlowState>? _goToStates;

    private StructuredWalk(OperationEvaluator evaluator, IOperation body, Shared shared, bool tracksEverything)
        : base(evaluator)
    {
        _body = body;
        _shared = shared;
        _tracksEverything = tracksEverything;
    }

    /// <summary>
    /// Analyses a method, constructor, block body or member initializer over its operation tree; <see langword="null"/>
    /// when the body holds something this walk does not model, or does not settle within its budget (the caller then
    /// walks the body's control-flow graph instead).
    /// </summary>
    public static MethodFlow? TryAnalyze(SymbolFacts facts, ISymbol owner, IOperation root, CancellationToken cancellationToken)
    {
        var body = root switch
        {
            IMethodBodyOperation methodBody => (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody,
            IConstructorBodyOperation constructor => constructor,
            IBlockOperation block => block,
            IFieldInitializerOperation initializer => initializer,
            IPropertyInitializerOperation initializer when !initializer.InitializedProperties.Any(facts.HasBody) => initializer,
            _ => null,
        };

        if (body is null || root.SemanticModel is null)
        {
            return null;
        }

        var context = new BodyContext(facts, owner, root.SemanticModel, cancellationToken);
        var evaluator = new OperationEvaluator(context);
        var walk = new StructuredWalk(evaluator, body, new Shared(root, cancellationToken), tracksEverything: false);
        var returns = walk.Run(evaluator.EntryState(), out _);
        return walk._shared.GaveUp ? null : context.ToFlow(returns);
    }

    /// <summary>Every state reached so far in a lambda or local function: what it may leave behind for the code after a call.</summary>
    private FlowState? Everything { get; set; }

    /// <summary>Every state reached so far in the enclosing <c>try</c> statement: where its handlers start.</summary>
    private FlowState? TryStates { get; set; }

    private Stack<JumpTarget> JumpTargets => _jumpTargets ??= new Stack<JumpTarget>();

    /// <summary>Grows whenever a goto brings a label a state it did not hold: blocks with labels run again.</summary>
    private int GoToVersion { get; set; }

    public override BodyWalk? Lambda(IOperation lambda) =>
        lambda is IAnonymousFunctionOperation function ? new StructuredWalk(Evaluator, function.Body, _shared, tracksEverything: true) : null;

    public override BodyWalk? LocalFunction(IMethodSymbol definition) =>
        _shared.Tree.LocalFunction(definition) is { } declaration && ((IOperation?)declaration.Body ?? declaration.IgnoredBody) is { } body
            ? new StructuredWalk(Evaluator, body, _shared, tracksEverything: true)
            : null;

    /// <summary>Not modelled on the tree (<c>with</c>, nested member initializers, interpolated-string handlers, invalid code): the graph walk takes the body.</summary>
    public override bool AcceptsChildrenFor(IOperation operation) => _shared.GiveUp();

    /// <param name="exit">
    /// For a lambda or local function: everything any location held at any point, what the enclosing code may see after
    /// a call. Otherwise the state at the end.
    /// </param>
    public override LabelSet Run(FlowState entry, out FlowState exit)
    {
        var body = _body;
        Everything = _tracksEverything ? entry.Clone() : null;
        var state = entry.Clone();
        if (body is ISymbolInitializerOperation memberInitializer)
        {
            // A member initializer stores its value into the member, as the constructor would.
            var value = Evaluate(memberInitializer.Value, state);
            var members = memberInitializer switch
            {
                IFieldInitializerOperation field => field.InitializedFields.CastArray<ISymbol>(),
                IPropertyInitializerOperation property => property.InitializedProperties.CastArray<ISymbol>(),
                _ => ImmutableArray<ISymbol>.Empty,
            };

            foreach (var member in members)
            {
                Evaluator.Store(member, null, value, memberInitializer.Value, memberInitializer, state, this);
            }
        }
        else if (body is IConstructorBodyOperation constructor)
        {
            if (constructor.Initializer is { } initializer)
            {
                Evaluate(initializer, state);
            }

            var constructorBody = (IOperation?)constructor.BlockBody ?? constructor.ExpressionBody;
            if (constructorBody is not null)
            {
                Exec(constructorBody, state);
            }
        }
        else
        {
            Exec(body, state);
        }

        exit = Everything ?? state;
        return Returns;
    }

    /// <summary>Interprets one statement; returns whether the code after it is reachable.</summary>
    private bool Exec(IOperation statement, FlowState state)
    {
        _shared.CancellationToken.ThrowIfCancellationRequested();

        // Statements nest by recursion here (a graph is flat): pathologically deep code goes to the graph instead.
        if (_shared.GaveUp || --_shared.Budget < 0 || _shared.StatementDepth >= MaxStatementDepth)
        {
            return _shared.GiveUp();
        }

        _shared.StatementDepth++;
        try
        {
            return ExecStatement(statement, state);
        }
        finally
        {
            _shared.StatementDepth--;
        }
    }

    private bool ExecStatement(IOperation statement, FlowState state)
    {
        bool reachable;
        switch (statement)
        {
            case IBlockOperation block:
                return ExecBlock(block, state);
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation, state);
                reachable = expression.Operation is not IThrowOperation;
                break;
            case IVariableDeclarationGroupOperation group:
                Declare(group, state);
                reachable = true;
                break;
            case IUsingDeclarationOperation usingDeclaration:
                Declare(usingDeclaration.DeclarationGroup, state);
                reachable = true;
                break;
            case IReturnOperation returned:
                Evaluate(returned, state);
                reachable = returned.Kind == OperationKind.YieldReturn;
                break;
            case IThrowOperation thrown:
                Evaluate(thrown.Exception, state);
                reachable = false;
                break;
            case IConditionalOperation branch:
                reachable = ExecIf(branch, state);
                break;
            case ILoopOperation loop:
                reachable = ExecLoop(loop, state);
                break;
            case ISwitchOperation @switch:
                reachable = ExecSwitch(@switch, state);
                break;
            case ITryOperation @try:
                reachable = ExecTry(@try, state);
                break;
            case IUsingOperation @using:
                if (@using.Resources is IVariableDeclarationGroupOperation resources)
                {
                    Declare(resources, state);
                }
                else
                {
                    Evaluate(@using.Resources, state);
                }

                reachable = Exec(@using.Body, state);
                break;
            case ILockOperation @lock:
                Evaluate(@lock.LockedValue, state);
                reachable = Exec(@lock.Body, state);
                break;
            case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } jump:
                Jump(jump, state);
                return false;
            case ILocalFunctionOperation:
            case IEmptyOperation:
                return true;
            case IBranchOperation { BranchKind: BranchKind.GoTo } jump when _shared.Tree.DeclaresLabel(jump.Target):
                GoTo(jump.Target, state);
                return false;
            case ILabeledOperation { Parent: not IBlockOperation }:
                return _shared.GiveUp();
            case ILabeledOperation labeled:
                // Reached by falling into it (when the code before it is reachable) or by a goto: Exec's caller joins those.
                return labeled.Operation is null || Exec(labeled.Operation, state);
            case IBranchOperation:
                // goto case, goto default, a goto to a label of no statement.
                return _shared.GiveUp();
            default:
                Evaluate(statement, state);
                reachable = true;
                break;
        }

        Everything?.JoinWith(state);
        TryStates?.JoinWith(state);
        return reachable;
    }

    /// <summary>
    /// A block runs its statements in order; code after a jump is dead unless it carries a label a <c>goto</c> reaches.
    /// A block holding labels runs again from its entry until the states its gotos carry stop growing.
    /// </summary>
    private bool ExecBlock(IBlockOperation block, FlowState state)
    {
        var hasLabels = false;
        foreach (var inner in block.Operations)
        {
            hasLabels |= inner is ILabeledOperation;
        }

        var entry = hasLabels ? state.Clone() : null;
        for (var round = 0; ; round++)
        {
            if (round > MaxStructuredStepsPerOperation || _shared.GaveUp)
            {
                return _shared.GiveUp();
            }

            var version = GoToVersion;
            var reachable = true;
            foreach (var inner in block.Operations)
            {
                if (inner is ILabeledOperation labeled && GoToState(labeled.Label) is { } jumped)
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

                reachable = Exec(inner, state);
            }

            if (entry is null || GoToVersion == version)
            {
                return reachable;
            }

            state.ReplaceWith(entry);
        }
    }

    private void Declare(IVariableDeclarationGroupOperation group, FlowState state)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var dimension in declaration.IgnoredDimensions)
            {
                Evaluate(dimension, state);
            }

            foreach (var declarator in declaration.Declarators)
            {
                var initializer = declarator.Initializer ?? declaration.Initializer;
                state.Set(declarator.Symbol, initializer is null ? LabelSet.Empty : Evaluate(initializer.Value, state));
            }
        }
    }

    private bool ExecIf(IConditionalOperation branch, FlowState state)
    {
        Evaluate(branch.Condition, state);
        if (branch.Condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            // A branch under a constant condition either always or never runs (if (1 == 2) { … }).
            return constant ? Exec(branch.WhenTrue, state) : branch.WhenFalse is null || Exec(branch.WhenFalse, state);
        }

        var whenTrue = state.Clone();
        var trueReachable = Exec(branch.WhenTrue, whenTrue);
        var falseReachable = branch.WhenFalse is null || Exec(branch.WhenFalse, state);
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

    private void GoTo(ILabelSymbol label, FlowState state)
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

    private FlowState? GoToState(ILabelSymbol label) => _goToStates is not null && _goToStates.TryGetValue(label, out var state) ? state : null;

    private LabelSet Evaluate(IOperation? operation, FlowState state) => Evaluator.Evaluate(operation, state, this);
}
