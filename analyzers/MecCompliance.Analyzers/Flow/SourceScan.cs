using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The cheap look at a method before any control-flow graph is built: does it read classified data (a classified
/// member, parameter or method return, or an object whose type holds classified members)? Only such methods are analysed
/// eagerly; the others are analysed if, and only if, a flow may pass through them.
/// </summary>
internal readonly struct SourceScan
{
    private SourceScan(bool hasSource, ImmutableArray<IMethodSymbol> callees)
    {
        HasSource = hasSource;
        Callees = callees;
    }

    public bool HasSource { get; }

    public ImmutableArray<IMethodSymbol> Callees { get; }

    [ThreadStatic]
    private static Stack<IOperation>? t_pending;

    public static SourceScan Run(SymbolFacts facts, ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var pending = t_pending ??= new Stack<IOperation>();
        try
        {
            return Scan(facts, owner, blocks, pending, cancellationToken);
        }
        finally
        {
            // An early answer leaves operations behind: the thread's stack must not keep a compilation alive.
            pending.Clear();
        }
    }

    private static SourceScan Scan(SymbolFacts facts, ISymbol owner, ImmutableArray<IOperation> blocks, Stack<IOperation> pending, CancellationToken cancellationToken)
    {
        if (owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (facts.Symbols.DeclaredOn(parameter) != DataClass.None)
                {
                    return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                }
            }
        }

        // Walked with one reusable stack (every body of the compilation passes here; an iterator per node adds up).
        var callees = new List<IMethodSymbol>();
        foreach (var block in blocks)
        {
            pending.Clear();
            pending.Push(block);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }

                cancellationToken.ThrowIfCancellationRequested();
                switch (operation.Kind)
                {
                    case OperationKind.FieldReference:
                    case OperationKind.PropertyReference:
                        var member = (IMemberReferenceOperation)operation;
                        if ((facts.DeclaredClasses(member.Member) != DataClass.None && !IsOnlyMeasured(facts, operation)) || IsWholeUse(facts, operation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (member.Member is IPropertySymbol property && facts.HasBody(property))
                        {
                            AddAccessors(facts, property, callees);
                        }

                        break;
                    case OperationKind.ParameterReference:
                        var parameter = (IParameterReferenceOperation)operation;
                        if ((facts.Symbols.DeclaredOn(parameter.Parameter) != DataClass.None && !IsOnlyMeasured(facts, operation)) || IsWholeUse(facts, operation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        break;
                    case OperationKind.LocalReference:
                        var local = (ILocalReferenceOperation)operation;
                        if (IsWholeUse(facts, local))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        break;
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)operation;
                        if (facts.Symbols.DeclaredOn(invocation.TargetMethod) != DataClass.None || IsWholeUse(facts, invocation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        // A method of a referenced library with a summary counts: its summary may return classified data.
                        if (facts.IsFollowed(invocation.TargetMethod))
                        {
                            callees.Add(facts.SummaryKey(invocation.TargetMethod));
                        }

                        break;
                    case OperationKind.ObjectCreation when ((IObjectCreationOperation)operation).Constructor is { } constructor:
                        var creation = (IObjectCreationOperation)operation;
                        if (IsWholeUse(facts, creation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (facts.IsInCompilation(constructor))
                        {
                            callees.Add(facts.SummaryKey(constructor));
                        }

                        break;
                }
            }
        }

        return new SourceScan(false, callees.Count == 0 ? ImmutableArray<IMethodSymbol>.Empty : callees.ToImmutableArray());
    }

    /// <summary>
    /// Whether an object whose type holds classified members is used whole here (passed, converted, formatted, stored),
    /// rather than only dereferenced (<c>patron.Id</c>) or tested (<c>patron is null</c>): only a whole use can carry
    /// its contents anywhere.
    /// </summary>
    private static bool IsWholeUse(SymbolFacts facts, IOperation value)
    {
        switch (value.Parent)
        {
            case IMemberReferenceOperation member when member.Instance == value:
            case IIsNullOperation:
            case IIsPatternOperation:
            case IIsTypeOperation:
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
            case IReturnOperation:
            case IVariableInitializerOperation:
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation } assignment when assignment.Value == value:
                // Dereferenced, tested, or moved into a local or the caller, whose own uses are scanned.
                return false;
            case IInvocationOperation invocation when invocation.Instance == value:
                if (invocation.TargetMethod.Name != "ToString" && facts.IsInCompilation(invocation.TargetMethod))
                {
                    return false;
                }

                break;
            case IArgumentOperation { Parameter: { } parameter } argument:
                // Passed as itself to a method of this compilation: the callee scans its own parameter. Unless the
                // callee is itself a sink (a [Vendor] or [DataSink] member declared here): then this call is the use.
                var callee = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                };
                if (callee is not null && facts.IsInCompilation(callee) && SymbolEqualityComparer.Default.Equals(parameter.Type, value.Type) &&
                    facts.Sinks.Find(callee) is null)
                {
                    return false;
                }

                break;
        }

        return facts.WholeObjectClasses(value.Type) != DataClass.None;
    }

    /// <summary>
    /// Whether a classified value read here is only measured or tested (<c>p.Email.Length</c>,
    /// <c>string.IsNullOrEmpty(p.Email)</c>, <c>p.Email == q</c>): such a read carries nothing anywhere.
    /// </summary>
    private static bool IsOnlyMeasured(SymbolFacts facts, IOperation value)
    {
        switch (value.Parent)
        {
            case IMemberReferenceOperation member when member.Instance == value:
                return TypeShapes.IsMeasure(member.Type);
            case IInvocationOperation invocation when invocation.Instance == value:
                return IsMeasuringCall(facts, invocation);
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsMeasuringCall(facts, invocation);
            case IBinaryOperation binary:
                return TypeShapes.IsMeasure(binary.Type);
            case IIsNullOperation:
            case IIsPatternOperation:
            case IIsTypeOperation:
                return true;
            default:
                return false;
        }
    }

    private static bool IsMeasuringCall(SymbolFacts facts, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return TypeShapes.IsMeasure(method.ReturnType) && !method.ReturnsVoid && !facts.IsFollowed(method) &&
               facts.Sinks.Find(method) is null && !method.Parameters.Any(p => p.RefKind != RefKind.None);
    }

    private static void AddAccessors(SymbolFacts facts, IPropertySymbol property, List<IMethodSymbol> callees)
    {
        if (property.GetMethod is { } getter)
        {
            callees.Add(facts.SummaryKey(getter));
        }

        if (property.SetMethod is { } setter)
        {
            callees.Add(facts.SummaryKey(setter));
        }
    }
}
