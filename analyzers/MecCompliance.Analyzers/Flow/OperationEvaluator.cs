using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// What each operation yields as labels, given the state before it: the transfer of the forward, flow-sensitive
/// may-analysis, for one analysed body (<see cref="BodyContext"/>). Locals, parameters and flow captures hold label sets;
/// an assignment replaces (kills) what a location held, a join unions. Lambdas passed to a call are analysed with their
/// parameters carrying the call's other inputs (so <c>Select(x =&gt; x.Email)</c> is classified and
/// <c>Select(x =&gt; x.Id)</c> is not); local functions are analysed at each call with the arguments' labels. Calls into
/// the compilation are kept as symbolic call-result labels; sinks are reported to the body's <see cref="SinkRecorder"/>.
/// </summary>
/// <remarks>
/// The evaluator does not know which walk drives it: the walk (<see cref="BodyWalk"/>) orders the statements and joins
/// the states; the evaluator asks it only for the body of a nested function and whether to take an operation it has no
/// transfer for as the union of its children.
/// </remarks>
internal sealed partial class OperationEvaluator
{
    private const int MaxNestedFunctions = 6;

    private readonly BodyContext _context;
    private readonly SymbolFacts _facts;

    public OperationEvaluator(BodyContext context)
    {
        _context = context;
        _facts = context.Facts;
    }

    public SymbolFacts Facts => _facts;

    /// <summary>A method's parameters at entry: each its symbolic label (for summaries) and its own classification.</summary>
    public FlowState EntryState()
    {
        var entry = new FlowState();
        if (_context.Owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                entry.Set(parameter, ParameterLabels(parameter, ParameterLabel.For(parameter.Ordinal)));
            }
        }

        return entry;
    }

    private LabelSet ParameterLabels(IParameterSymbol parameter, TaintLabel? symbolic)
    {
        var labels = symbolic is null ? LabelSet.Empty : LabelSet.Of(symbolic);
        var declared = _facts.Symbols.DeclaredOn(parameter);
        if (declared != DataClass.None && parameter.Locations.FirstOrDefault() is { } location)
        {
            labels = labels.Add(new SourceLabel(declared, parameter, location, isWholeObject: false));
        }

        return labels;
    }

    public LabelSet Evaluate(IOperation? operation, FlowState state, BodyWalk walk)
    {
        if (operation is null || operation.ConstantValue.HasValue)
        {
            return LabelSet.Empty;
        }

        switch (operation.Kind)
        {
            case OperationKind.FlowCapture:
                var capture = (IFlowCaptureOperation)operation;
                state.Set(FlowKeys.Of(capture.Id), Evaluate(capture.Value, state, walk));
                return LabelSet.Empty;
            case OperationKind.FlowCaptureReference:
                var captureReference = (IFlowCaptureReferenceOperation)operation;
                return state.Get(FlowKeys.Of(captureReference.Id));
            case OperationKind.LocalReference:
                var local = (ILocalReferenceOperation)operation;
                return state.Get(local.Local);
            case OperationKind.ParameterReference:
                var parameter = (IParameterReferenceOperation)operation;
                return state.Get(parameter.Parameter);
            case OperationKind.InstanceReference:
            case OperationKind.Literal:
            case OperationKind.DefaultValue:
            case OperationKind.NameOf:
            case OperationKind.TypeOf:
            case OperationKind.SizeOf:
            case OperationKind.CaughtException:
            case OperationKind.MethodReference:
            case OperationKind.Discard:
                return LabelSet.Empty;
            case OperationKind.FieldReference:
                var field = (IFieldReferenceOperation)operation;
                return ReadMember(field, field.Field, field.Instance, state, walk);
            case OperationKind.PropertyReference:
                var property = (IPropertyReferenceOperation)operation;
                return ReadProperty(property, state, walk);
            case OperationKind.ArrayElementReference:
                var element = (IArrayElementReferenceOperation)operation;
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state, walk);
                }

                return Evaluate(element.ArrayReference, state, walk);
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                return Invoke(invocation, state, walk);
            case OperationKind.ObjectCreation:
                var creation = (IObjectCreationOperation)operation;
                return Create(creation, state, walk);
            case OperationKind.AnonymousObjectCreation:
                var anonymous = (IAnonymousObjectCreationOperation)operation;
                return CreateAnonymous(anonymous, state, walk);
            case OperationKind.SimpleAssignment:
            {
                var assignment = (ISimpleAssignmentOperation)operation;
                var value = Evaluate(assignment.Value, state, walk);
                Assign(assignment.Target, value, assignment.Value, state, walk);
                return value;
            }

            case OperationKind.CompoundAssignment:
            {
                var compound = (ICompoundAssignmentOperation)operation;
                var value = Evaluate(compound.Value, state, walk).Union(Evaluate(compound.Target, state, walk));
                if (TypeShapes.IsMeasure(compound.Type))
                {
                    value = LabelSet.Empty;
                }
                else
                {
                    value = value.Union(WholeObject(compound.Value));
                }

                Assign(compound.Target, value, compound.Value, state, walk);
                return value;
            }

            case OperationKind.DeconstructionAssignment:
            {
                var deconstruction = (IDeconstructionAssignmentOperation)operation;
                var value = Evaluate(deconstruction.Value, state, walk);
                Deconstruct(deconstruction.Target, deconstruction.Value, value, state, walk);
                return value;
            }

            case OperationKind.Conversion:
                var conversion = (IConversionOperation)operation;
                return Convert(conversion, state, walk);
            case OperationKind.InterpolatedString:
            {
                var interpolated = (IInterpolatedStringOperation)operation;
                var labels = LabelSet.Empty;
                foreach (var part in interpolated.Parts)
                {
                    labels = part is IInterpolationOperation interpolation
                        ? labels.Union(Evaluate(interpolation.Expression, state, walk)).Union(WholeObject(interpolation.Expression))
                        : labels.Union(Evaluate(part, state, walk));
                }

                return labels;
            }

            case OperationKind.Binary:
            {
                var binary = (IBinaryOperation)operation;
                var left = Evaluate(binary.LeftOperand, state, walk);
                var right = Evaluate(binary.RightOperand, state, walk);
                return TypeShapes.IsMeasure(binary.Type)
                    ? LabelSet.Empty
                    : left.Union(right).Union(WholeObject(binary.LeftOperand)).Union(WholeObject(binary.RightOperand));
            }

            case OperationKind.Unary:
            {
                var unary = (IUnaryOperation)operation;
                var value = Evaluate(unary.Operand, state, walk);
                return TypeShapes.IsMeasure(unary.Type) ? LabelSet.Empty : value;
            }

            case OperationKind.IsPattern:
                var isPattern = (IIsPatternOperation)operation;
                BindPattern(isPattern.Pattern, Evaluate(isPattern.Value, state, walk), state);
                return LabelSet.Empty;
            case OperationKind.IsNull:
                var isNull = (IIsNullOperation)operation;
                Evaluate(isNull.Operand, state, walk);
                return LabelSet.Empty;
            case OperationKind.IsType:
                var isType = (IIsTypeOperation)operation;
                Evaluate(isType.ValueOperand, state, walk);
                return LabelSet.Empty;
            case OperationKind.Await:
                var await = (IAwaitOperation)operation;
                return Evaluate(await.Operation, state, walk);
            case OperationKind.Tuple:
                var tuple = (ITupleOperation)operation;
                return CreateTuple(tuple, state, walk);
            case OperationKind.ArrayCreation:
                var array = (IArrayCreationOperation)operation;
                foreach (var size in array.DimensionSizes)
                {
                    Evaluate(size, state, walk);
                }

                return Evaluate(array.Initializer, state, walk);
            case OperationKind.ArrayInitializer:
                var initializer = (IArrayInitializerOperation)operation;
                return UnionOf(initializer.ElementValues, state, walk);
            case OperationKind.DelegateCreation:
                var delegateCreation = (IDelegateCreationOperation)operation;
                if (delegateCreation.Target is IMethodReferenceOperation methodGroup)
                {
                    return ReferenceMethodGroup(delegateCreation, methodGroup, state, walk);
                }

                return IsArgument(delegateCreation) ? Evaluate(delegateCreation.Target, state, walk) : CreateStandaloneDelegate(delegateCreation, state, walk);
            case OperationKind.FlowAnonymousFunction:
            case OperationKind.AnonymousFunction:
                // A graph holds a lambda as a flow anonymous function, an operation tree as the function itself.
                if (_context.Nesting >= MaxNestedFunctions)
                {
                    return walk.LambdaContext;
                }

                if (walk.Lambda(operation) is { } lambdaWalk)
                {
                    var symbol = operation is IFlowAnonymousFunctionOperation flowLambda ? flowLambda.Symbol : ((IAnonymousFunctionOperation)operation).Symbol;
                    return AnalyzeLambda(symbol, lambdaWalk, state, walk);
                }

                return Unmodelled(operation, state, walk);
            case OperationKind.Return:
            case OperationKind.YieldReturn:
            case OperationKind.YieldBreak:
                var returned = (IReturnOperation)operation;
                // yield return: every yielded value is part of what the iterator returns.
                walk.Returns = walk.Returns.Union(Evaluate(returned.ReturnedValue, state, walk));
                return LabelSet.Empty;
            case OperationKind.ExpressionStatement:
                var statement = (IExpressionStatementOperation)operation;
                Evaluate(statement.Operation, state, walk);
                return LabelSet.Empty;
            case OperationKind.Conditional:
            case OperationKind.Coalesce:
            case OperationKind.CoalesceAssignment:
            case OperationKind.ConditionalAccess:
            case OperationKind.ConditionalAccessInstance:
            case OperationKind.SwitchExpression:
            case OperationKind.Throw:
                // Only operation trees hold these: a control-flow graph lowers them into branches and captures.
                return EvaluateTreeForm(operation, state, walk);
            case OperationKind.With:
            case OperationKind.MemberInitializer:
            case OperationKind.InterpolatedStringHandlerCreation:
            case OperationKind.None:
                return Unmodelled(operation, state, walk);
            case OperationKind.Invalid:
                return walk.AcceptsChildrenFor(operation) ? EvaluateUnbound(operation, UnionOf(operation.ChildOperations, state, walk)) : LabelSet.Empty;
            default:
                return UnionOfChildren(operation, state, walk);
        }
    }

    private LabelSet UnionOfChildren(IOperation operation, FlowState state, BodyWalk walk)
    {
        var labels = UnionOf(operation.ChildOperations, state, walk);
        return TypeShapes.IsMeasure(operation.Type) ? LabelSet.Empty : labels;
    }

    /// <summary>
    /// An operation without a transfer of its own (invalid code, a form only a graph lowers): the union of its children
    /// where the walk accepts it, nothing where the walk gives up on the body.
    /// </summary>
    private LabelSet Unmodelled(IOperation operation, FlowState state, BodyWalk walk) =>
        walk.AcceptsChildrenFor(operation) ? UnionOfChildren(operation, state, walk) : LabelSet.Empty;

    private LabelSet UnionOf(IEnumerable<IOperation> operations, FlowState state, BodyWalk walk)
    {
        var labels = LabelSet.Empty;
        foreach (var operation in operations)
        {
            labels = labels.Union(Evaluate(operation, state, walk));
        }

        return labels;
    }

    private static bool IsArgument(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation;
    }

    /// <summary>
    /// A lambda kept in a variable (<c>Func&lt;string, string&gt; f = s =&gt; "x";</c>) runs later with arguments not known
    /// here: it is analysed with its parameters carrying <see cref="DelegateLabel.Input"/>, and its value records whether
    /// what it returns may carry that input. A call of it then gives the arguments to the result only when it may.
    /// </summary>
    private LabelSet CreateStandaloneDelegate(IDelegateCreationOperation creation, FlowState state, BodyWalk walk)
    {
        var saved = walk.LambdaContext;
        walk.LambdaContext = LabelSet.Of(DelegateLabel.Input);
        LabelSet returns;
        try
        {
            returns = Evaluate(creation.Target, state, walk);
        }
        finally
        {
            walk.LambdaContext = saved;
        }

        var passesInput = false;
        foreach (var label in returns.Labels)
        {
            // A call's result may carry the input through the callee's summary: assume it does.
            passesInput |= label is DelegateLabel { PassesArguments: true } or CallResultLabel or ProjectedLabel or SlottedLabel;
        }

        return returns.Where(l => l is not DelegateLabel).Add(passesInput ? DelegateLabel.PassesInput : DelegateLabel.IgnoresInput);
    }

    private LabelSet Convert(IConversionOperation conversion, FlowState state, BodyWalk walk)
    {
        var labels = Evaluate(conversion.Operand, state, walk);
        var operandClasses = _facts.WholeObjectClasses(conversion.Operand.Type);
        if (operandClasses != DataClass.None && (operandClasses & ~_facts.WholeObjectClasses(conversion.Type)) != DataClass.None)
        {
            labels = labels.Union(WholeObjectLabels(operandClasses, conversion.Operand.Type!, conversion.Operand));
        }

        return labels;
    }

    public static void BindPattern(IPatternOperation pattern, LabelSet value, FlowState state)
    {
        foreach (var operation in pattern.DescendantsAndSelf())
        {
            var declared = operation switch
            {
                IDeclarationPatternOperation declarationPattern => declarationPattern.DeclaredSymbol,
                IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                IListPatternOperation list => list.DeclaredSymbol,
                _ => null,
            };

            if (declared is ILocalSymbol local)
            {
                state.Set(local, value);
            }
        }
    }
}
