using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// One analysed body (a method, constructor, accessor or member initializer, with the lambdas and local functions inside
/// it): what it is, the facts it is judged by, and what its analysis produces — the sinks it reaches and the calls it
/// makes into the compilation. Shared by the evaluator and every walk over the body; never shared between bodies.
/// </summary>
internal sealed class BodyContext(SymbolFacts facts, ISymbol owner, SemanticModel? semanticModel, CancellationToken cancellationToken)
{
    // Created on first use: most bodies call no method of the compilation and inline nothing.
    private Dictionary<IOperation, CallSite>? _calls;
    private Dictionary<IOperation, CallSite>? _formatCalls;
    private List<CallSite>? _callOrder;
    private HashSet<IMethodSymbol>? _inlining;

    public SymbolFacts Facts { get; } = facts;

    /// <summary>The method (or member) whose code this is; its parameters start the analysis.</summary>
    public ISymbol Owner { get; } = owner;

    /// <summary>
    /// The semantic model of the body's syntax: operations of a control-flow graph carry none, and sinks that resolve
    /// their target bind syntax with it.
    /// </summary>
    public SemanticModel? SemanticModel { get; } = semanticModel;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public SinkRecorder Sinks { get; } = new();

    /// <summary>How many lambdas and local functions deep the evaluation is.</summary>
    public int Nesting { get; set; }

    /// <summary>Whether the body is an instance constructor's: what it stores into its own members, the object it builds carries.</summary>
    public bool Constructs { get; } = owner is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false };

    /// <summary>
    /// For an instance constructor: what it stores into its own unclassified members, each in that member's slot. The
    /// object built carries it by flow (its declarations do not), and callers see it as what the constructor returns.
    /// </summary>
    public LabelSet Built { get; private set; } = LabelSet.Empty;

    public void AddBuilt(LabelSet labels) => Built = Built.Union(labels);

    /// <summary>The call site of <paramref name="callee"/> at <paramref name="operation"/>, created at its first evaluation.</summary>
    public CallSite CallAt(IMethodSymbol callee, IOperation operation, bool isVirtual)
    {
        if (!(_calls ??= new()).TryGetValue(operation, out var site))
        {
            site = new CallSite(Facts.SummaryKey(callee), operation, isVirtual);
            _calls.Add(operation, site);
            (_callOrder ??= []).Add(site);
        }

        return site;
    }

    public bool TryGetCall(IOperation operation, out CallSite site) => _calls!.TryGetValue(operation, out site!);

    /// <summary>The call of a type's own <c>ToString</c> that formatting <paramref name="value"/> makes.</summary>
    public CallSite FormatCallAt(IMethodSymbol toString, IOperation value)
    {
        if (!(_formatCalls ??= new()).TryGetValue(value, out var site))
        {
            site = new CallSite(Facts.SummaryKey(toString), value, isVirtual: true);
            _formatCalls.Add(value, site);
            (_callOrder ??= []).Add(site);
        }

        return site;
    }

    public bool IsInlining(IMethodSymbol function) => _inlining?.Contains(function) ?? false;

    public void BeginInlining(IMethodSymbol function) => (_inlining ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(function);

    public void EndInlining(IMethodSymbol function) => _inlining!.Remove(function);

    /// <summary>The body's analysis, once a walk has run it to the end (a constructor also returns what it built).</summary>
    public MethodFlow ToFlow(LabelSet returns) =>
        new(Owner, Sinks.ToImmutable(), _callOrder is null || _callOrder.Count == 0 ? ImmutableArray<CallSite>.Empty : _callOrder.ToImmutableArray(), returns.Union(Built));
}
