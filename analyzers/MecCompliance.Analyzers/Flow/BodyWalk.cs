namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// How one body (a method's, a lambda's, a local function's) is walked: the order its operations are evaluated in and
/// how states meet. Two strategies over the one <see cref="OperationEvaluator"/>: <see cref="GraphWalk"/> over a
/// control-flow graph, <see cref="StructuredWalk"/> over the operation tree. A walk also holds what the evaluator keeps
/// per body while it runs: what the body returns, the labels handed to a lambda, the receivers of enclosing
/// <c>?.</c> accesses and initializers.
/// </summary>
internal abstract class BodyWalk(OperationEvaluator evaluator)
{
    private Stack<LabelSet>? _conditionalReceivers;
    private Stack<LabelSet>? _implicitReceivers;

    protected OperationEvaluator Evaluator { get; } = evaluator;

    /// <summary>What the body returns (or yields, or writes to an <c>out</c>/<c>ref</c> parameter).</summary>
    public LabelSet Returns { get; set; } = LabelSet.Empty;

    /// <summary>Labels handed to the parameters of a lambda being evaluated as a call argument.</summary>
    public LabelSet LambdaContext { get; set; } = LabelSet.Empty;

    /// <summary>Labels of the receivers of enclosing <c>?.</c> accesses.</summary>
    public Stack<LabelSet> ConditionalReceivers => _conditionalReceivers ??= new Stack<LabelSet>();

    /// <summary>Labels added to the objects of enclosing initializers.</summary>
    public Stack<LabelSet> ImplicitReceivers => _implicitReceivers ??= new Stack<LabelSet>();

    public bool InInitializer => _implicitReceivers is { Count: > 0 };

    /// <summary>Runs the body from <paramref name="entry"/>; returns what it returns.</summary>
    /// <param name="exit">For a lambda or local function, everything any location held at any point: what the code after a call may see.</param>
    public abstract LabelSet Run(FlowState entry, out FlowState exit);

    /// <summary>A walk of the same kind over the lambda <paramref name="lambda"/> creates; <see langword="null"/> when this walk holds no such body.</summary>
    public abstract BodyWalk? Lambda(IOperation lambda);

    /// <summary>A walk of the same kind over the local function <paramref name="definition"/>; <see langword="null"/> when its body is not found.</summary>
    public abstract BodyWalk? LocalFunction(IMethodSymbol definition);

    /// <summary>
    /// Whether the evaluator may go on from the children of <paramref name="operation"/>, which it has no tree transfer
    /// for (unbound code, a form only a control-flow graph lowers). A walk that cannot answer for it gives up the body here.
    /// </summary>
    public abstract bool AcceptsChildrenFor(IOperation operation);
}
