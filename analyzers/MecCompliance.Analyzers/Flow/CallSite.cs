using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// A call from an analysed method into a method of this compilation, with the labels of its arguments (by parameter
/// ordinal) and receiver. Resolved at compilation end against the callee's summary: what the callee returns, and which
/// of its parameters reach a sink. Labels only grow while the caller's fixpoint runs.
/// </summary>
internal sealed class CallSite
{
    // Syntax, not operations: a call site lives until compilation end, and keeping its operations would keep the
    // body's whole operation tree reachable after the body is analysed.
    private readonly SyntaxNode _syntax;
    private readonly SyntaxNode?[] _argumentValues;

    public CallSite(IMethodSymbol callee, IOperation operation, bool isVirtual)
    {
        Callee = callee;
        _syntax = operation.Syntax;
        IsVirtual = isVirtual;
        Result = new CallResultLabel(this);
        Arguments = new LabelSet[callee.Parameters.Length];
        _argumentValues = new SyntaxNode?[callee.Parameters.Length];
        for (var i = 0; i < Arguments.Length; i++)
        {
            Arguments[i] = LabelSet.Empty;
        }
    }

    /// <summary>The method called (its original definition), or the virtual/interface member dispatched on.</summary>
    public IMethodSymbol Callee { get; }

    /// <summary>Whether the call dispatches: the targets are the callee and every implementation in the compilation.</summary>
    public bool IsVirtual { get; }

    /// <summary>The label standing for this call's return value until the callee's summary is known.</summary>
    public CallResultLabel Result { get; }

    public LabelSet Receiver { get; private set; } = LabelSet.Empty;

    public LabelSet[] Arguments { get; }

    /// <summary>Where the argument for parameter <paramref name="ordinal"/> is written (the call when it is implicit).</summary>
    public Location ArgumentLocation(int ordinal) =>
        (ordinal >= 0 && ordinal < _argumentValues.Length ? _argumentValues[ordinal] : null)?.GetLocation() ?? Location;

    public Location Location => _syntax.GetLocation();

    /// <summary>Whether the call yields a value that may carry data: a result that is not a measure, or the object a constructor builds.</summary>
    public bool ReturnsValue => Callee.MethodKind == MethodKind.Constructor || (!Callee.ReturnsVoid && !TypeShapes.IsMeasure(Callee.ReturnType));

    public bool HasLabelledInput => !Receiver.IsEmpty || Arguments.Any(a => !a.IsEmpty);

    public void MergeReceiver(LabelSet labels) => Receiver = Receiver.Union(labels);

    public void MergeArgument(int ordinal, LabelSet labels, IOperation value)
    {
        if (ordinal >= 0 && ordinal < Arguments.Length)
        {
            Arguments[ordinal] = Arguments[ordinal].Union(labels);
            _argumentValues[ordinal] = value.Syntax;
        }
    }
}
