using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The intraprocedural part of the engine: a forward, flow-sensitive may-analysis over one method's control-flow graph.
/// Locals, parameters and flow captures hold label sets; an assignment replaces (kills) what a location held, a join
/// unions. Lambdas passed to a call are analysed with their parameters carrying the call's other inputs (so
/// <c>Select(x =&gt; x.Email)</c> is classified and <c>Select(x =&gt; x.Id)</c> is not); local functions are analysed
/// at each call with the arguments' labels. Calls into the compilation are kept as symbolic call-result labels.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    private const int MaxVisitsPerBlock = 24;
    private const int MaxNestedGraphs = 6;

    private readonly FlowSession _session;
    private readonly CancellationToken _cancellationToken;
    // Created on first use: most bodies record no sink, call no method of the compilation, inline nothing.
    private Dictionary<(IOperation Value, SinkKind Kind), SinkEvent>? _sinks;
    private List<SinkEvent>? _sinkOrder;
    private Dictionary<IOperation, CallSite>? _calls;
    private Dictionary<IOperation, CallSite>? _formatCalls;
    private List<CallSite>? _callOrder;
    private HashSet<IMethodSymbol>? _inlining;
    private readonly SemanticModel? _semanticModel;
    private int _nesting;

    // For an instance constructor: what it stores into its own unclassified members, each in that member's slot. The
    // object built carries it by flow (its declarations do not), and callers see it as what the constructor returns.
    private bool _constructs;
    private LabelSet _built = LabelSet.Empty;

    private MethodFlowAnalysis(FlowSession session, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        _session = session;
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    public static MethodFlow Analyze(FlowSession session, ISymbol owner, ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        // Operations of a control-flow graph carry no semantic model; sinks that resolve their target bind syntax with the original's.
        var analysis = new MethodFlowAnalysis(session, graph.OriginalOperation.SemanticModel, cancellationToken) { _constructs = IsInstanceConstructor(owner) };
        var returns = analysis.Run(graph, analysis.EntryState(owner)).Union(analysis._built);
        return new MethodFlow(owner, ToImmutable(analysis._sinkOrder), ToImmutable(analysis._callOrder), returns);
    }

    private static bool IsInstanceConstructor(ISymbol owner) => owner is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false };

    /// <summary>A method's parameters at entry: each its symbolic label (for summaries) and its own classification.</summary>
    private FlowState EntryState(ISymbol owner)
    {
        var entry = new FlowState();
        if (owner is IMethodSymbol method)
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
        var declared = _session.Symbols.DeclaredOn(parameter);
        if (declared != DataClass.None && parameter.Locations.FirstOrDefault() is { } location)
        {
            labels = labels.Add(new SourceLabel(declared, parameter, location, isWholeObject: false));
        }

        return labels;
    }

    private LabelSet Run(ControlFlowGraph cfg, FlowState entry) => Run(cfg, entry, out _);

    /// <param name="exit">Everything any location held at any point: what a caller of this graph may see afterwards.</param>
    private LabelSet Run(ControlFlowGraph cfg, FlowState entry, out FlowState exit)
    {
        var graph = new Graph(cfg);
        var blocks = cfg.Blocks;
        var inStates = new FlowState?[blocks.Length];
        var queued = new bool[blocks.Length];
        var queue = new Queue<int>();
        var everything = new FlowState();

        // Catch and finally blocks have no CFG predecessors: they may start from any state reached inside the method.
        var handlers = new List<int>();
        foreach (var block in blocks)
        {
            if (block.Ordinal != 0 && block.Kind == BasicBlockKind.Block && block.Predecessors.IsEmpty)
            {
                handlers.Add(block.Ordinal);
            }
        }

        void Propagate(BasicBlock? destination, FlowState state)
        {
            // A block only reached under a constant-false condition never runs.
            if (destination is null || !destination.IsReachable)
            {
                return;
            }

            var ordinal = destination.Ordinal;
            if (inStates[ordinal] is not { } existing)
            {
                inStates[ordinal] = state.Clone();
            }
            else if (!existing.JoinWith(state))
            {
                return;
            }

            if (!queued[ordinal])
            {
                queued[ordinal] = true;
                queue.Enqueue(ordinal);
            }
        }

        Propagate(blocks[0], entry);
        var budget = (blocks.Length * MaxVisitsPerBlock) + 16;
        while (queue.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (--budget < 0)
            {
                // Too many revisits: finish flow-insensitively (one state for the whole method), which over-approximates
                // every path; a bound never drops a flow.
                everything.JoinWith(entry);
                exit = everything;
                return RunFlowInsensitive(graph, everything);
            }

            var ordinal = queue.Dequeue();
            queued[ordinal] = false;
            var state = inStates[ordinal]!.Clone();
            Transfer(blocks[ordinal], state, graph);

            if (everything.JoinWith(state))
            {
                foreach (var handler in handlers)
                {
                    Propagate(blocks[handler], everything);
                }
            }

            Propagate(blocks[ordinal].ConditionalSuccessor?.Destination, state);
            Propagate(blocks[ordinal].FallThroughSuccessor?.Destination, state);
        }

        exit = everything;
        return graph.Returns;
    }

    private LabelSet RunFlowInsensitive(Graph graph, FlowState global)
    {
        for (var pass = 0; pass < 64; pass++)
        {
            var changed = false;
            foreach (var block in graph.Cfg!.Blocks)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var state = global.Clone();
                Transfer(block, state, graph);
                changed |= global.JoinWith(state);
            }

            if (!changed)
            {
                break;
            }
        }

        return graph.Returns;
    }

    private void Transfer(BasicBlock block, FlowState state, Graph graph)
    {
        foreach (var operation in block.Operations)
        {
            Evaluate(operation, state, graph);
        }

        if (block.BranchValue is { } branchValue)
        {
            var value = Evaluate(branchValue, state, graph);
            if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                graph.Returns = graph.Returns.Union(value);
            }
        }
    }

    private LabelSet Evaluate(IOperation? operation, FlowState state, Graph graph)
    {
        if (operation is null || operation.ConstantValue.HasValue)
        {
            return LabelSet.Empty;
        }

        switch (operation.Kind)
        {
            case OperationKind.FlowCapture:
                var capture = (IFlowCaptureOperation)operation;
                state.Set(FlowKeys.Of(capture.Id), Evaluate(capture.Value, state, graph));
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
                return ReadMember(field, field.Field, field.Instance, state, graph);
            case OperationKind.PropertyReference:
                var property = (IPropertyReferenceOperation)operation;
                return ReadProperty(property, state, graph);
            case OperationKind.ArrayElementReference:
                var element = (IArrayElementReferenceOperation)operation;
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state, graph);
                }

                return Evaluate(element.ArrayReference, state, graph);
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                return Invoke(invocation, state, graph);
            case OperationKind.ObjectCreation:
                var creation = (IObjectCreationOperation)operation;
                return Create(creation, state, graph);
            case OperationKind.AnonymousObjectCreation:
                var anonymous = (IAnonymousObjectCreationOperation)operation;
                return CreateAnonymous(anonymous, state, graph);
            case OperationKind.SimpleAssignment:
            {
                var assignment = (ISimpleAssignmentOperation)operation;
                var value = Evaluate(assignment.Value, state, graph);
                Assign(assignment.Target, value, assignment.Value, state, graph);
                return value;
            }

            case OperationKind.CompoundAssignment:
            {
                var compound = (ICompoundAssignmentOperation)operation;
                var value = Evaluate(compound.Value, state, graph).Union(Evaluate(compound.Target, state, graph));
                if (TypeShapes.IsMeasure(compound.Type))
                {
                    value = LabelSet.Empty;
                }
                else
                {
                    value = value.Union(WholeObject(compound.Value));
                }

                Assign(compound.Target, value, compound.Value, state, graph);
                return value;
            }

            case OperationKind.DeconstructionAssignment:
            {
                var deconstruction = (IDeconstructionAssignmentOperation)operation;
                var value = Evaluate(deconstruction.Value, state, graph);
                Deconstruct(deconstruction.Target, deconstruction.Value, value, state, graph);
                return value;
            }

            case OperationKind.Conversion:
                var conversion = (IConversionOperation)operation;
                return Convert(conversion, state, graph);
            case OperationKind.InterpolatedString:
            {
                var interpolated = (IInterpolatedStringOperation)operation;
                var labels = LabelSet.Empty;
                foreach (var part in interpolated.Parts)
                {
                    labels = part is IInterpolationOperation interpolation
                        ? labels.Union(Evaluate(interpolation.Expression, state, graph)).Union(WholeObject(interpolation.Expression))
                        : labels.Union(Evaluate(part, state, graph));
                }

                return labels;
            }

            case OperationKind.Binary:
            {
                var binary = (IBinaryOperation)operation;
                var left = Evaluate(binary.LeftOperand, state, graph);
                var right = Evaluate(binary.RightOperand, state, graph);
                return TypeShapes.IsMeasure(binary.Type)
                    ? LabelSet.Empty
                    : left.Union(right).Union(WholeObject(binary.LeftOperand)).Union(WholeObject(binary.RightOperand));
            }

            case OperationKind.Unary:
            {
                var unary = (IUnaryOperation)operation;
                var value = Evaluate(unary.Operand, state, graph);
                return TypeShapes.IsMeasure(unary.Type) ? LabelSet.Empty : value;
            }

            case OperationKind.IsPattern:
                var isPattern = (IIsPatternOperation)operation;
                BindPattern(isPattern.Pattern, Evaluate(isPattern.Value, state, graph), state);
                return LabelSet.Empty;
            case OperationKind.IsNull:
                var isNull = (IIsNullOperation)operation;
                Evaluate(isNull.Operand, state, graph);
                return LabelSet.Empty;
            case OperationKind.IsType:
                var isType = (IIsTypeOperation)operation;
                Evaluate(isType.ValueOperand, state, graph);
                return LabelSet.Empty;
            case OperationKind.Await:
                var await = (IAwaitOperation)operation;
                return Evaluate(await.Operation, state, graph);
            case OperationKind.Tuple:
                var tuple = (ITupleOperation)operation;
                return CreateTuple(tuple, state, graph);
            case OperationKind.ArrayCreation:
                var array = (IArrayCreationOperation)operation;
                foreach (var size in array.DimensionSizes)
                {
                    Evaluate(size, state, graph);
                }

                return Evaluate(array.Initializer, state, graph);
            case OperationKind.ArrayInitializer:
                var initializer = (IArrayInitializerOperation)operation;
                return UnionOf(initializer.ElementValues, state, graph);
            case OperationKind.DelegateCreation:
                var delegateCreation = (IDelegateCreationOperation)operation;
                if (delegateCreation.Target is IMethodReferenceOperation methodGroup)
                {
                    return ReferenceMethodGroup(delegateCreation, methodGroup, state, graph);
                }

                return IsArgument(delegateCreation) ? Evaluate(delegateCreation.Target, state, graph) : CreateStandaloneDelegate(delegateCreation, state, graph);
            case OperationKind.FlowAnonymousFunction:
                var lambda = (IFlowAnonymousFunctionOperation)operation;
                return _nesting >= MaxNestedGraphs
                    ? graph.LambdaContext
                    : AnalyzeLambda(lambda.Symbol, graph.Cfg!.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), null, state, graph);
            case OperationKind.Return:
            case OperationKind.YieldReturn:
            case OperationKind.YieldBreak:
                var returned = (IReturnOperation)operation;
                // yield return: every yielded value is part of what the iterator returns.
                graph.Returns = graph.Returns.Union(Evaluate(returned.ReturnedValue, state, graph));
                return LabelSet.Empty;
            case OperationKind.ExpressionStatement:
                var statement = (IExpressionStatementOperation)operation;
                Evaluate(statement.Operation, state, graph);
                return LabelSet.Empty;
            case OperationKind.Conditional when graph.Cfg is null:
            case OperationKind.Coalesce when graph.Cfg is null:
            case OperationKind.CoalesceAssignment when graph.Cfg is null:
            case OperationKind.ConditionalAccess when graph.Cfg is null:
            case OperationKind.ConditionalAccessInstance when graph.Cfg is null:
            case OperationKind.SwitchExpression when graph.Cfg is null:
            case OperationKind.AnonymousFunction when graph.Cfg is null:
            case OperationKind.Throw when graph.Cfg is null:
                // Only operation trees hold these (a control-flow graph lowers them): structured mode.
                return EvaluateStructured(operation, state, graph);
            case OperationKind.With when graph.Cfg is null:
            case OperationKind.MemberInitializer when graph.Cfg is null:
            case OperationKind.InterpolatedStringHandlerCreation when graph.Cfg is null:
            case OperationKind.Invalid when graph.Cfg is null:
            case OperationKind.None when graph.Cfg is null:
                // Not modelled on the tree: the caller builds the body's graph instead.
                throw new StructuredModeUnsupported();
            default:
            {
                var labels = UnionOf(operation.ChildOperations, state, graph);
                return TypeShapes.IsMeasure(operation.Type) ? LabelSet.Empty : labels;
            }
        }
    }

    /// <summary>
    /// A method group handed to a call (<c>patrons.Select(EmailOf)</c>) is called with what a lambda in its place would
    /// receive; a method of this compilation is followed through its summary, a library method like any library call.
    /// </summary>
    private LabelSet ReferenceMethodGroup(IDelegateCreationOperation creation, IMethodReferenceOperation methodGroup, FlowState state, Graph graph)
    {
        var method = methodGroup.Method;
        var receiver = Evaluate(methodGroup.Instance, state, graph);
        if (_session.IsSanitizer(method) || method.ReturnsVoid && !_session.IsInCompilation(method))
        {
            return LabelSet.Empty;
        }

        if (!_session.IsInCompilation(method) || method.MethodKind == MethodKind.LocalFunction)
        {
            return TypeShapes.IsMeasure(method.ReturnType) ? LabelSet.Empty : receiver.Union(graph.LambdaContext);
        }

        var arguments = new Arguments(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            arguments.AddValue(parameter, creation, graph.LambdaContext);
        }

        return CallInto(method, creation, receiver, arguments, methodGroup.IsVirtual);
    }

    /// <summary>An anonymous object holds each value in its member: a later read of one member sees only that one.</summary>
    private LabelSet CreateAnonymous(IAnonymousObjectCreationOperation anonymous, FlowState state, Graph graph)
    {
        var labels = LabelSet.Empty;
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation member } assignment)
            {
                labels = labels.Union(InSlot(Evaluate(assignment.Value, state, graph), member.Property));
            }
            else
            {
                labels = labels.Union(Evaluate(initializer, state, graph));
            }
        }

        return labels;
    }

    /// <summary>A tuple holds each element in its own slot, as an anonymous object holds its members.</summary>
    private LabelSet CreateTuple(ITupleOperation tuple, FlowState state, Graph graph)
    {
        var elements = (tuple.Type as INamedTypeSymbol)?.TupleElements ?? default;
        var labels = LabelSet.Empty;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var value = Evaluate(tuple.Elements[i], state, graph);
            labels = labels.Union(!elements.IsDefault && i < elements.Length ? InSlot(value, elements[i]) : value);
        }

        return labels;
    }

    /// <summary>Labels of a value placed into <paramref name="member"/> of an object built from it.</summary>
    private static LabelSet InSlot(LabelSet labels, ISymbol member) => labels.IsEmpty ? labels : InSlot(labels, MemberSlot.Of(member));

    private static LabelSet InSlot(LabelSet labels, MemberSlot slot)
    {
        if (labels.IsEmpty)
        {
            return labels;
        }

        var placed = new List<TaintLabel>(labels.Count);
        foreach (var label in labels.Labels)
        {
            // What stands for a parameter, a call's result or a parameter's member goes into the slot as the solver
            // resolves it (summaries keep the slot of what they return).
            placed.Add(label switch
            {
                SourceLabel { IsWholeObject: false } source => source.In(slot),
                ParameterLabel or CallResultLabel or ProjectedLabel or SlottedLabel => new SlottedLabel(label, slot),
                _ => label,
            });
        }

        return LabelSet.From(placed);
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
    private LabelSet CreateStandaloneDelegate(IDelegateCreationOperation creation, FlowState state, Graph graph)
    {
        var saved = graph.LambdaContext;
        graph.LambdaContext = LabelSet.Of(DelegateLabel.Input);
        LabelSet returns;
        try
        {
            returns = Evaluate(creation.Target, state, graph);
        }
        finally
        {
            graph.LambdaContext = saved;
        }

        var passesInput = false;
        foreach (var label in returns.Labels)
        {
            // A call's result may carry the input through the callee's summary: assume it does.
            passesInput |= label is DelegateLabel { PassesArguments: true } or CallResultLabel or ProjectedLabel or SlottedLabel;
        }

        return returns.Where(l => l is not DelegateLabel).Add(passesInput ? DelegateLabel.PassesInput : DelegateLabel.IgnoresInput);
    }

    private LabelSet UnionOf(IEnumerable<IOperation> operations, FlowState state, Graph graph)
    {
        var labels = LabelSet.Empty;
        foreach (var operation in operations)
        {
            labels = labels.Union(Evaluate(operation, state, graph));
        }

        return labels;
    }

    /// <summary>
    /// An object whose type holds classified members (or is classified) carries them whole when it is formatted,
    /// converted to a less specific type or sent somewhere: this is where that content becomes a label.
    /// </summary>
    private LabelSet WholeObject(IOperation? value)
    {
        var labels = LabelSet.Empty;
        for (var current = value; current is not null; current = (current as IConversionOperation)?.Operand)
        {
            var classes = _session.WholeObjectClasses(current.Type);
            if (classes != DataClass.None)
            {
                labels = labels.Union(WholeObjectLabels(classes, current.Type!, current));
            }
        }

        return labels;
    }

    /// <summary>
    /// The whole-object label for a value of <paramref name="type"/>, and, when the type formats itself with its own
    /// <c>ToString</c>, the result of that call: what a log line made from the object really contains.
    /// </summary>
    private LabelSet WholeObjectLabels(DataClass classes, ITypeSymbol type, IOperation value)
    {
        var toString = _session.CustomToString(type);
        var labels = LabelSet.Of(new SourceLabel(classes, type, value.Syntax.GetLocation(), isWholeObject: true, toString));
        if (toString is not null)
        {
            if (!(_formatCalls ??= new()).TryGetValue(value, out var site))
            {
                site = new CallSite(_session.SummaryKey(toString), value, isVirtual: true);
                _formatCalls.Add(value, site);
                (_callOrder ??= []).Add(site);
            }

            labels = labels.Add(site.Result);
        }

        return labels;
    }

    private LabelSet Convert(IConversionOperation conversion, FlowState state, Graph graph)
    {
        var labels = Evaluate(conversion.Operand, state, graph);
        var operandClasses = _session.WholeObjectClasses(conversion.Operand.Type);
        if (operandClasses != DataClass.None && (operandClasses & ~_session.WholeObjectClasses(conversion.Type)) != DataClass.None)
        {
            labels = labels.Union(WholeObjectLabels(operandClasses, conversion.Operand.Type!, conversion.Operand));
        }

        return labels;
    }

    private LabelSet ReadProperty(IPropertyReferenceOperation reference, FlowState state, Graph graph)
    {
        if (!reference.Property.IsIndexer)
        {
            return ReadMember(reference, reference.Property, reference.Instance, state, graph);
        }

        var receiver = Evaluate(reference.Instance, state, graph);
        var arguments = EvaluateArguments(reference.Arguments, receiver, state, graph);
        var property = reference.Property;
        var labels = SourceOf(property, reference);
        if (property.GetMethod is { } getter && _session.HasBody(property))
        {
            return labels.Union(CallInto(getter, reference, receiver, arguments, IsDispatched(property)));
        }

        if (!TypeShapes.IsMeasure(reference.Type) && receiver.Labels.Any(l => l is SourceLabel { Slot.IsKeys: true }))
        {
            // An element of a dictionary or lookup made with a key selector: what the selector gave is in its keys only.
            receiver = receiver.Where(l => l is not SourceLabel { Slot.IsKeys: true });
        }

        return TypeShapes.IsMeasure(reference.Type) ? labels : labels.Union(WithoutWholeObjects(receiver));
    }

    private LabelSet ReadMember(IOperation reference, ISymbol member, IOperation? instance, FlowState state, Graph graph)
    {
        var receiver = Evaluate(instance, state, graph);
        var labels = SourceOf(member, reference);
        if (member is IPropertySymbol { GetMethod: { } getter } property && _session.HasBody(property))
        {
            // A computed property is a method: what it returns comes from its summary.
            labels = labels.Union(CallInto(getter, reference, receiver, Arguments.None, IsDispatched(property)));
        }

        // A member of a labelled value is part of that value (a classified Address's Street), unless it only measures it.
        return TypeShapes.IsMeasure(reference.Type) ? labels : labels.Union(MemberOf(receiver, member));
    }

    /// <summary>
    /// What reading <paramref name="member"/> of a value with labels <paramref name="receiver"/> yields (DESIGN §5).
    /// A member of a data type (an entity, a DTO, an anonymous object, a tuple) yields what is classified by declaration
    /// and what flowed into that member, never its siblings' labels; a symbolic label (a parameter, a call's result) is
    /// projected onto the member until the solver knows what it stands for. A framework member (<c>KeyValuePair.Value</c>,
    /// <c>Task.Result</c>) is a view of the whole value and carries all it carries.
    /// </summary>
    private static LabelSet MemberOf(LabelSet receiver, ISymbol member)
    {
        if (receiver.IsEmpty)
        {
            return receiver;
        }

        var isDataMember = LibraryModels.IsDataMember(member);
        var isKeys = !isDataMember && member.Name is "Key" or "Keys";

        // The key or value of an entry is a part of what the collection holds: data somewhere inside what a call without
        // a model returned is not in it.
        var isEntryPart = !isDataMember && LibraryModels.IsEntryPart(member);
        List<TaintLabel>? changed = null;
        var labels = receiver.Labels;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            TaintLabel? read = label switch
            {
                SourceLabel { IsWholeObject: true } => null,
                SourceLabel source when isDataMember => source.ReadDataMember(member),
                SourceLabel { Slot.IsSomewhere: true } or SlottedLabel { Slot.IsSomewhere: true } when isEntryPart => null,
                SourceLabel { Slot: { } slot } source when (slot.IsKeys && isKeys) || slot.Matches(member) => source.Unwrapped,
                SlottedLabel slotted when isDataMember => slotted.Slot.Matches(member) ? slotted.Inner : null,
                ParameterLabel or CallResultLabel when isDataMember => new ProjectedLabel(label, member.OriginalDefinition),
                _ => label,
            };

            if (changed is null && !ReferenceEquals(read, label))
            {
                changed = new List<TaintLabel>(labels.Length);
                for (var j = 0; j < i; j++)
                {
                    changed.Add(labels[j]);
                }
            }

            if (changed is not null && read is not null)
            {
                changed.Add(read);
            }
        }

        return changed is null ? receiver : LabelSet.From(changed);
    }

    private LabelSet SourceOf(ISymbol member, IOperation reference)
    {
        var classes = _session.DeclaredClasses(member);
        return classes == DataClass.None
            ? LabelSet.Empty
            : LabelSet.Of(new SourceLabel(classes, member, reference.Syntax.GetLocation(), isWholeObject: false));
    }

    /// <summary>The type a method returns, through a task.</summary>
    private static ITypeSymbol DataResult(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : type;

    /// <summary>Whole-object labels as the data of the text made of those objects.</summary>
    private static LabelSet AsText(LabelSet labels) =>
        labels.IsEmpty
            ? labels
            : LabelSet.From(labels.Labels.Select(l => l is SourceLabel { IsWholeObject: true } source
                ? new SourceLabel(source.Classes, source.Origin, source.Location, isWholeObject: false)
                : l).ToList());

    private static LabelSet WithoutWholeObjects(LabelSet labels)
    {
        foreach (var label in labels.Labels)
        {
            if (label is SourceLabel { IsWholeObject: true })
            {
                return labels.Where(l => l is not SourceLabel { IsWholeObject: true });
            }
        }

        return labels;
    }

    private static bool IsDispatched(ISymbol member) =>
        member.IsVirtual || member.IsAbstract || member.IsOverride || member.ContainingType?.TypeKind == TypeKind.Interface;

    private LabelSet Invoke(IInvocationOperation invocation, FlowState state, Graph graph)
    {
        var method = invocation.TargetMethod;
        var receiver = Evaluate(invocation.Instance, state, graph);
        var arguments = EvaluateArguments(invocation.Arguments, receiver, state, graph);

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return InlineLocalFunction(method, arguments, state, graph);
        }

        if (_session.IsSanitizer(method))
        {
            return LabelSet.Empty;
        }

        var isSink = RecordSinks(method, invocation, invocation.Instance, receiver, arguments);
        var declared = _session.Symbols.DeclaredOn(method);
        var labels = declared == DataClass.None
            ? LabelSet.Empty
            : LabelSet.Of(new SourceLabel(declared, method, invocation.Syntax.GetLocation(), isWholeObject: false));

        // A referenced library built with MecCompliance carries its methods' summaries: followed like a method of ours.
        if (_session.IsInCompilation(method) || ReferencedSummaries.For(_session).Has(_session.SummaryKey(method)))
        {
            if (isSink)
            {
                return labels;
            }

            labels = labels.Union(CallInto(method, invocation, receiver, arguments, invocation.IsVirtual));
            foreach (var argument in arguments.Items)
            {
                if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && _calls!.TryGetValue(invocation, out var site))
                {
                    // A ref argument keeps what it held unless the callee overwrites it, which its summary cannot say.
                    var written = LabelSet.Of(site.Result);
                    Assign(argument.Value, parameter.RefKind == RefKind.Ref ? argument.Labels.Union(written) : written, argument.Value, state, graph);
                }
            }

            return labels;
        }

        return labels.Union(PropagateThroughLibrary(method, invocation.Instance, receiver, arguments, state, graph));
    }

    /// <summary>
    /// A library method: its result may carry what its receiver and arguments carry, unless it only measures them;
    /// collections and builders carry what is added to them.
    /// </summary>
    private LabelSet PropagateThroughLibrary(IMethodSymbol method, IOperation? instance, LabelSet receiver, Arguments arguments, FlowState state, Graph graph)
    {
        if (method.MethodKind == MethodKind.DelegateInvoke && receiver.Contains(DelegateLabel.IgnoresInput) && !receiver.Contains(DelegateLabel.PassesInput))
        {
            // Every lambda this delegate may be returns something that does not depend on its arguments.
            return method.ReturnsVoid || TypeShapes.IsMeasure(method.ReturnType) ? LabelSet.Empty : receiver.Where(l => l is not DelegateLabel);
        }

        var dataResult = receiver.IsEmpty && arguments.Union.IsEmpty ? null : LibraryModels.DataResult(method);
        var inputs = LibraryInputs(method, arguments, dataResult);
        if (dataResult is not null && !receiver.IsEmpty && !LibraryModels.Holds(instance?.Type, dataResult))
        {
            receiver = InSlot(receiver, MemberSlot.Somewhere);
        }

        if (instance is not null && !inputs.IsEmpty && TypeShapes.IsAccumulator(method))
        {
            TaintRoot(instance, inputs, arguments.FirstValue ?? instance, state, graph);
        }

        foreach (var argument in arguments.Items)
        {
            // dictionary.TryGetValue(key, out value): the value comes from the receiver, not from the key.
            if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && !TypeShapes.IsMeasure(parameter.Type))
            {
                Assign(argument.Value, receiver, argument.Value, state, graph);
            }
        }

        // Only results that re-express their inputs carry them (text, collections, the receiver's own type); a lookup
        // such as FindByEmailAsync(email) returns a different thing than the key it was given.
        if (method.ReturnsVoid || TypeShapes.IsMeasure(method.ReturnType) || !TypeShapes.ReexpressesInputs(method))
        {
            return LabelSet.Empty;
        }

        if (method.Name == "ToString")
        {
            return receiver.Union(WholeObject(instance)).Union(inputs);
        }

        var labels = receiver.Union(inputs);
        foreach (var argument in arguments.Items)
        {
            // A generic method's parameter receives the object itself (JsonSerializer.Serialize<Patron>(patron)).
            if (argument.Parameter?.OriginalDefinition.Type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method })
            {
                // Text made of the object (its JSON) is the data of all its members, no longer an object whose member
                // declarations keep it classified: stored into an unclassified member, it loses the classification.
                var whole = WholeObject(argument.Value);
                labels = labels.Union(method.ReturnType.SpecialType == SpecialType.System_String ? AsText(whole) : whole);
            }
        }

        // A method without a model returns something made with its inputs, not the inputs: the result as a whole
        // carries them, a member read from it does not.
        if (labels.IsEmpty || LibraryModels.IsModelled(method))
        {
            return labels;
        }

        // Except a copy of its receiver (Clone(), a builder returning itself): the receiver's data stays where it was.
        var returned = DataResult(method.ReturnType);
        return instance?.Type is { } own && SymbolEqualityComparer.Default.Equals(returned, own)
            ? receiver.Union(InSlot(labels, MemberSlot.Somewhere))
            : InSlot(labels, MemberSlot.Somewhere);
    }

    /// <summary>
    /// What the arguments of a library call bring into its result: all of them, except what a LINQ operator's lambda
    /// only decides with (a predicate, an ordering key); a key selector's result is in the keys only.
    /// </summary>
    /// <remarks>
    /// When the call returns an entity or DTO (<paramref name="dataResult"/>), an input that holds values of that type (the
    /// collection <c>First</c> takes an element from) gives it as it is; any other input (the text
    /// <c>JsonSerializer.Deserialize&lt;Member&gt;</c> parses, a lookup key) is only somewhere inside it.
    /// </remarks>
    private static LabelSet LibraryInputs(IMethodSymbol method, Arguments arguments, ITypeSymbol? dataResult)
    {
        if (!arguments.HasLambda && dataResult is null)
        {
            return arguments.Union;
        }

        // A projection (Select, SelectMany, an element or result selector) yields what its selector returns: the source
        // sequence (and a seed, a second sequence) reach the result only through the selector, which receives them.
        var projects = arguments.HasLambda && ProjectsThroughSelector(method, arguments);
        var inputs = LabelSet.Empty;
        foreach (var argument in arguments.Items)
        {
            var labels = argument.Labels;
            if (labels.IsEmpty || (projects && !argument.IsLambda))
            {
                continue;
            }

            if (dataResult is not null && !argument.IsLambda && !LibraryModels.Holds(argument.Value.Type ?? argument.Parameter?.Type, dataResult))
            {
                labels = InSlot(labels, MemberSlot.Somewhere);
            }

            if (argument.IsLambda && argument.Parameter is { } parameter)
            {
                switch (LibraryModels.RoleOf(method, parameter))
                {
                    case LibraryModels.LambdaRole.Decides:
                        continue;
                    case LibraryModels.LambdaRole.Keys:
                        labels = InSlot(labels, MemberSlot.Keys);
                        break;
                }
            }

            inputs = inputs.Union(labels);
        }

        return inputs;
    }

    private static bool ProjectsThroughSelector(IMethodSymbol method, Arguments arguments)
    {
        foreach (var argument in arguments.Items)
        {
            if (argument.IsLambda && argument.Parameter is { } parameter && LibraryModels.IsProjection(method, parameter))
            {
                return true;
            }
        }

        return false;
    }

    private LabelSet Create(IObjectCreationOperation creation, FlowState state, Graph graph)
    {
        var arguments = EvaluateArguments(creation.Arguments, LabelSet.Empty, state, graph);
        var initialized = creation.Initializer is null ? LabelSet.Empty : EvaluateInitializer(creation.Initializer, state, graph);
        if (creation.Constructor is not { } constructor)
        {
            return arguments.Union.Union(initialized);
        }

        var isSink = RecordSinks(constructor, creation, null, LabelSet.Empty, arguments);
        if (_session.IsInCompilation(constructor))
        {
            // An object of a type declared here keeps what it holds in its members: their declarations carry the
            // classification (MEC006 guarantees it), and the whole-object rule reads them from the type.
            // What its constructor stored into its unclassified members, though, it carries by flow.
            return isSink
                ? LabelSet.Empty
                : CallInto(constructor, creation, LabelSet.Empty, arguments, isVirtual: false).Union(StorePositionalProperties(constructor, creation, arguments));
        }

        if (TypeShapes.IsMeasure(creation.Type))
        {
            return LabelSet.Empty;
        }

        // An object built by a constructor without a model holds its arguments somewhere, not in every member.
        var passed = arguments.Union.IsEmpty || LibraryModels.IsModelled(constructor) ? arguments.Union : InSlot(arguments.Union, MemberSlot.Somewhere);
        return passed.Union(initialized);
    }

    /// <summary>
    /// A record's primary constructor stores each argument into the positional property of the same name, in code the
    /// compiler writes: the store is reported here, at the argument.
    /// </summary>
    /// <returns>What the unclassified positional properties now hold, each in its slot.</returns>
    private LabelSet StorePositionalProperties(IMethodSymbol constructor, IOperation creation, Arguments arguments)
    {
        var built = LabelSet.Empty;
        if (!constructor.ContainingType.IsRecord ||
            constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax)
        {
            return built;
        }

        foreach (var argument in arguments.Items)
        {
            if (argument.Parameter is { } parameter && !argument.Labels.IsEmpty &&
                constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                RecordUnclassifiedStore(property, argument.Labels, argument.Value, creation, allowSynthesized: true);
                if (_session.Symbols.ClassOf(property) == DataClass.None)
                {
                    built = built.Union(InSlot(WithoutWholeObjects(argument.Labels), property));
                }
            }
        }

        return built;
    }

    private LabelSet CallInto(IMethodSymbol callee, IOperation operation, LabelSet receiver, Arguments arguments, bool isVirtual)
    {
        if (!(_calls ??= new()).TryGetValue(operation, out var site))
        {
            site = new CallSite(_session.SummaryKey(callee), operation, isVirtual);
            _calls.Add(operation, site);
            (_callOrder ??= []).Add(site);
        }

        site.MergeReceiver(receiver);
        foreach (var argument in arguments.Items)
        {
            if (argument.Parameter is { } parameter)
            {
                site.MergeArgument(parameter.Ordinal, argument.Labels, argument.Value);
            }
        }

        return site.ReturnsValue ? LabelSet.Of(site.Result) : LabelSet.Empty;
    }

    private LabelSet InlineLocalFunction(IMethodSymbol function, Arguments arguments, FlowState state, Graph graph)
    {
        var definition = function.OriginalDefinition;
        if ((_inlining?.Contains(definition) ?? false) || _nesting >= MaxNestedGraphs)
        {
            // Recursion or deep nesting: assume the result carries every input.
            return function.ReturnsVoid || TypeShapes.IsMeasure(function.ReturnType) ? LabelSet.Empty : arguments.Union;
        }

        // The local function's own graph, or in structured mode its body in the method's tree.
        ControlFlowGraph? cfg = null;
        IOperation? body = null;
        if (graph.Cfg is not null)
        {
            cfg = LocalFunctionGraph(graph.Cfg, definition);
        }
        else if (graph.Tree?.LocalFunction(definition) is { } declaration)
        {
            body = (IOperation?)declaration.Body ?? declaration.IgnoredBody;
        }

        if (cfg is null && body is null)
        {
            return arguments.Union;
        }

        var entry = state.Clone();
        foreach (var parameter in definition.Parameters)
        {
            entry.Set(parameter, ParameterLabels(parameter, null).Union(arguments.ForOrdinal(parameter.Ordinal)));
        }

        (_inlining ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(definition);
        _nesting++;
        try
        {
            var returns = RunNested(cfg, body, entry, graph, out var exit);
            WriteBackCaptured(definition, exit, state);
            return function.ReturnsVoid || TypeShapes.IsMeasure(function.ReturnType) ? LabelSet.Empty : returns;
        }
        finally
        {
            _nesting--;
            _inlining!.Remove(definition);
        }
    }

    /// <summary>Runs a lambda's or local function's body: over its graph, or structurally over its operation tree.</summary>
    private LabelSet RunNested(ControlFlowGraph? cfg, IOperation? body, FlowState entry, Graph graph, out FlowState exit) =>
        cfg is not null ? Run(cfg, entry, out exit) : RunStructured(body!, entry, new Graph(null) { Tree = graph.Tree }, out exit, tracksEverything: true);

    private ControlFlowGraph? LocalFunctionGraph(ControlFlowGraph cfg, IMethodSymbol function)
    {
        for (var scope = cfg; scope is not null; scope = scope.Parent)
        {
            if (scope.LocalFunctions.Contains(function, SymbolEqualityComparer.Default))
            {
                return scope.GetLocalFunctionControlFlowGraph(function, _cancellationToken);
            }
        }

        return null;
    }

    /// <summary>A lambda is run where it is created, its parameters receiving what its call hands to its elements.</summary>
    private LabelSet AnalyzeLambda(IMethodSymbol lambda, ControlFlowGraph? cfg, IOperation? body, FlowState state, Graph graph)
    {
        var entry = state.Clone();
        foreach (var parameter in lambda.Parameters)
        {
            entry.Set(parameter, ParameterLabels(parameter, null).Union(graph.LambdaContext));
        }

        _nesting++;
        try
        {
            var returns = RunNested(cfg, body, entry, graph, out var exit);
            WriteBackCaptured(lambda, exit, state);
            return returns;
        }
        finally
        {
            _nesting--;
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

    /// <summary>
    /// Evaluates arguments in order; lambdas last, with their parameters carrying the receiver's and the other
    /// arguments' labels (the elements a LINQ operator hands to its selector).
    /// </summary>
    private Arguments EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, LabelSet receiver, FlowState state, Graph graph)
    {
        var result = new Arguments(arguments.Length);
        var context = receiver;
        List<IArgumentOperation>? lambdas = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out)
            {
                result.Add(argument, LabelSet.Empty);
                continue;
            }

            if (IsLambda(argument.Value))
            {
                (lambdas ??= []).Add(argument);
                continue;
            }

            LabelSet labels;
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                labels = LabelSet.Empty;
                foreach (var element in elements.ElementValues)
                {
                    var elementLabels = Evaluate(element, state, graph);
                    result.AddElement(element, elementLabels);
                    labels = labels.Union(elementLabels);
                }
            }
            else
            {
                labels = Evaluate(argument.Value, state, graph);
            }

            result.Add(argument, labels);
            context = context.Union(labels);
        }

        if (lambdas is not null)
        {
            var saved = graph.LambdaContext;
            graph.LambdaContext = WithoutWholeObjects(context);
            foreach (var argument in lambdas)
            {
                result.Add(argument, Evaluate(argument.Value, state, graph), isLambda: true);
            }

            graph.LambdaContext = saved;
        }

        return result;
    }

    private static bool IsLambda(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or IMethodReferenceOperation };
    }

    /// <summary>Records every payload of a catalogued sink; returns whether the call is a sink here.</summary>
    private bool RecordSinks(IMethodSymbol method, IOperation site, IOperation? instance, LabelSet receiver, Arguments arguments)
    {
        if (_session.Sinks.Find(method) is not { } sinkMethod)
        {
            return false;
        }

        // Where the call sends or stores (its vendor, its sink) is resolved only once a labelled value enters it: most
        // sends carry nothing classified, and resolving reads the surrounding code.
        var lazy = new LazySink(sinkMethod, site, _semanticModel);
        foreach (var payload in sinkMethod.Payloads)
        {
            if (payload.Ordinal == SinkPayload.Receiver)
            {
                if (instance is not null)
                {
                    RecordSink(ref lazy, instance, receiver, payload.Sanctioned);
                }

                continue;
            }

            foreach (var argument in arguments.Items)
            {
                if (argument.Parameter?.Ordinal != payload.Ordinal)
                {
                    continue;
                }

                if (argument.Kind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                {
                    // One finding per logged argument, not one for the whole params array.
                    foreach (var element in elements.ElementValues)
                    {
                        RecordSink(ref lazy, element, arguments.ElementLabels(element) ?? argument.Labels, payload.Sanctioned);
                    }
                }
                else
                {
                    RecordSink(ref lazy, argument.Value, argument.Labels, payload.Sanctioned);
                }
            }
        }

        // Only a method of this compilation asks: a sink there is not followed into (its body is the sink's business).
        return !_session.IsInCompilation(method) || lazy.Sink is not null;
    }

    private void RecordSink(ref LazySink site, IOperation value, LabelSet labels, DataClass sanctioned)
    {
        labels = labels.Union(WholeObject(value));
        if (!labels.IsEmpty && site.Sink is { } sink)
        {
            RecordSinkEvent(sink, value, labels, site.Operation, sanctioned);
        }
    }

    /// <summary>A sink call's resolution (vendor, storage target), made on first use.</summary>
    private struct LazySink(SinkMethod method, IOperation operation, SemanticModel? model)
    {
        private Sink? _sink;
        private bool _resolved;

        public readonly IOperation Operation => operation;

        public Sink? Sink
        {
            get
            {
                if (!_resolved)
                {
                    _sink = method.SinkAt(operation, model);
                    _resolved = true;
                }

                return _sink;
            }
        }
    }

    private void RecordSinkEvent(Sink sink, IOperation value, LabelSet labels, IOperation site, DataClass sanctioned)
    {
        var key = (value, sink.Kind);
        if (!(_sinks ??= new()).TryGetValue(key, out var sinkEvent))
        {
            sinkEvent = new SinkEvent(sink, value, site, sanctioned);
            _sinks.Add(key, sinkEvent);
            (_sinkOrder ??= []).Add(sinkEvent);
        }

        sinkEvent.Merge(labels);
    }

    private void Assign(IOperation target, LabelSet value, IOperation valueOperation, FlowState state, Graph graph)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                state.Set(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                state.Set(parameter.Parameter, value);
                if (parameter.Parameter.RefKind is RefKind.Out or RefKind.Ref)
                {
                    // What a method writes to an out or ref parameter leaves through it, as a return does: the summary's
                    // return carries it, and callers give it to the argument.
                    graph.Returns = graph.Returns.Union(value);
                }

                break;
            case IFlowCaptureReferenceOperation capture:
                state.Set(FlowKeys.Of(capture.Id), value);
                break;
            case IFieldReferenceOperation field:
                Evaluate(field.Instance, state, graph);
                Store(field.Field, field.Instance, value, valueOperation, target, state, graph);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
            {
                var receiver = Evaluate(property.Instance, state, graph);
                if (property.Property.SetMethod is { } setter && _session.HasBody(property.Property))
                {
                    var arguments = new Arguments(1);
                    arguments.AddValue(setter.Parameters.FirstOrDefault(), valueOperation, value);
                    CallInto(setter, target, receiver, arguments, IsDispatched(property.Property));
                }
                else
                {
                    Store(property.Property, property.Instance, value, valueOperation, target, state, graph);
                }

                break;
            }

            case IPropertyReferenceOperation indexer:
            {
                var receiver = Evaluate(indexer.Instance, state, graph);
                EvaluateArguments(indexer.Arguments, receiver, state, graph);
                if (indexer.Property.SetMethod is { } setter && _session.HasBody(indexer.Property))
                {
                    var arguments = new Arguments(1);
                    arguments.AddValue(setter.Parameters.LastOrDefault(), valueOperation, value);
                    CallInto(setter, target, receiver, arguments, IsDispatched(indexer.Property));
                }
                else
                {
                    RecordSetterSink(indexer.Property, target, indexer.Instance, valueOperation, value);
                    TaintRoot(indexer.Instance, value, valueOperation, state, graph);
                }

                break;
            }

            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state, graph);
                }

                TaintRoot(element.ArrayReference, value, valueOperation, state, graph);
                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value, valueOperation, state, graph);
                break;
            case ITupleOperation tuple:
            {
                var elements = (tuple.Type as INamedTypeSymbol)?.TupleElements ?? default;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    var element = !elements.IsDefault && i < elements.Length ? MemberOf(value, elements[i]) : value;
                    Assign(tuple.Elements[i], element, valueOperation, state, graph);
                }

                break;
            }
        }
    }

    /// <summary>A field or property of a type declared here keeps the value's class only if it is classified itself.</summary>
    private void Store(ISymbol member, IOperation? instance, LabelSet value, IOperation valueOperation, IOperation target, FlowState state, Graph graph)
    {
        if (member.ContainingType is { IsAnonymousType: true } or { IsTupleType: true })
        {
            return;
        }

        if (_session.IsInCompilation(member))
        {
            RecordUnclassifiedStore(member, value, valueOperation, target);
            return;
        }

        // A library object (a request, a builder, a message) holds what is stored in it.
        if (member is IPropertySymbol property)
        {
            RecordSetterSink(property, target, instance, valueOperation, value);
        }

        if (_session.DeclaredClasses(member) != DataClass.None)
        {
            // A classified member keeps the value's class in its declaration (and so does the object as a whole, by its
            // type): its siblings receive nothing.
            return;
        }

        // Stored straight into an object held here: in that member only, where a later read of it finds it.
        TaintRoot(instance, IsHeldHere(instance) ? InSlot(value, member) : value, valueOperation, state, graph);
    }

    private static bool IsHeldHere(IOperation? instance)
    {
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        return instance is ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation or
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };
    }

    private void RecordSetterSink(IPropertySymbol property, IOperation target, IOperation? instance, IOperation valueOperation, LabelSet value)
    {
        if (property.SetMethod is { } setter && _session.Sinks.Find(setter) is { } sinkMethod)
        {
            // Resolved only when a labelled value is set, as for calls.
            var labels = value.Union(WholeObject(valueOperation));
            if (!labels.IsEmpty && sinkMethod.SinkAt(target, _semanticModel) is { } sink)
            {
                var sanctioned = sinkMethod.Payloads.FirstOrDefault(p => p.Ordinal != SinkPayload.Receiver).Sanctioned;
                RecordSinkEvent(sink, valueOperation, labels, target, sanctioned);
            }
        }
    }

    private void RecordUnclassifiedStore(ISymbol member, LabelSet value, IOperation valueOperation, IOperation target, bool allowSynthesized = false)
    {
        if (_session.Symbols.ClassOf(member) != DataClass.None || (member.IsImplicitlyDeclared && !allowSynthesized))
        {
            return;
        }

        // Storing an object whose type already carries its classified members loses nothing.
        var stored = WithoutWholeObjects(value);
        if (stored.IsEmpty)
        {
            return;
        }

        if (_constructs && target is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } })
        {
            _built = _built.Union(InSlot(stored, member));
        }

        var sink = new Sink(SinkKind.UnclassifiedMember, FlowDisplay.Source(member, isWholeObject: false), member: member);
        var key = (valueOperation, SinkKind.UnclassifiedMember);
        if (!(_sinks ??= new()).TryGetValue(key, out var sinkEvent))
        {
            sinkEvent = new SinkEvent(sink, valueOperation, target, DataClass.None);
            _sinks.Add(key, sinkEvent);
            (_sinkOrder ??= []).Add(sinkEvent);
        }

        sinkEvent.Merge(stored);
    }

    /// <summary>
    /// A mutation (collection add, indexer set, property of a library object) adds the value to the object it mutates:
    /// to the local that holds it, or, when that object lives in a field or property of this compilation, to that member.
    /// </summary>
    private void TaintRoot(IOperation? target, LabelSet value, IOperation valueOperation, FlowState state, Graph graph)
    {
        var current = target;
        while (current is not null)
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    continue;
                case ILocalReferenceOperation local:
                    state.Add(local.Local, value);
                    return;
                case IParameterReferenceOperation parameter:
                    state.Add(parameter.Parameter, value);
                    return;
                case IFlowCaptureReferenceOperation capture:
                    state.Add(FlowKeys.Of(capture.Id), value);
                    return;
                case IFieldReferenceOperation field when _session.IsInCompilation(field.Field):
                    RecordUnclassifiedStore(field.Field, value, valueOperation, current);
                    return;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property when _session.IsInCompilation(property.Property):
                    RecordUnclassifiedStore(property.Property, value, valueOperation, current);
                    return;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } when graph.InInitializer:
                    // An object or collection initializer of a library type: the object being initialized holds it.
                    graph.ImplicitReceivers.Push(graph.ImplicitReceivers.Pop().Union(value));
                    return;
                case IMemberReferenceOperation member:
                    current = member.Instance;
                    continue;
                case IArrayElementReferenceOperation element:
                    current = element.ArrayReference;
                    continue;
                case IInvocationOperation { Instance: { } receiver } fluent when TypeShapes.IsAccumulator(fluent.TargetMethod) &&
                                                                                SymbolEqualityComparer.Default.Equals(fluent.TargetMethod.ReturnType, receiver.Type):
                    // sb.Append("card:").Append(number): each call returns the builder it was called on.
                    current = receiver;
                    continue;
                default:
                    return;
            }
        }
    }

    private void Deconstruct(IOperation target, IOperation valueOperation, LabelSet value, FlowState state, Graph graph)
    {
        while (valueOperation is IConversionOperation conversion)
        {
            valueOperation = conversion.Operand;
        }

        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is ITupleOperation targets && valueOperation is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
        {
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                Deconstruct(targets.Elements[i], values.Elements[i], Evaluate(values.Elements[i], state, graph), state, graph);
            }

            return;
        }

        Assign(target, value, valueOperation, state, graph);
    }

    private static void BindPattern(IPatternOperation pattern, LabelSet value, FlowState state)
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

    /// <summary>
    /// One body being analysed: the method's own, a lambda's or a local function's; either a control-flow graph or, in
    /// structured mode, the operation tree itself (<see cref="Cfg"/> is then <see langword="null"/>).
    /// </summary>
    private sealed partial class Graph(ControlFlowGraph? cfg)
    {
        public ControlFlowGraph? Cfg { get; } = cfg;

        public LabelSet Returns { get; set; } = LabelSet.Empty;

        /// <summary>Labels handed to the parameters of a lambda being evaluated as a call argument.</summary>
        public LabelSet LambdaContext { get; set; } = LabelSet.Empty;
    }

    /// <summary>One value passed to a parameter, with its labels.</summary>
    private readonly struct ArgumentValue(IParameterSymbol? parameter, IOperation value, ArgumentKind kind, LabelSet labels, bool isLambda)
    {
        /// <summary>Whether the value is a lambda or method group: its labels are what it returns.</summary>
        public bool IsLambda { get; } = isLambda;

        public IParameterSymbol? Parameter { get; } = parameter;

        public IOperation Value { get; } = value;

        public ArgumentKind Kind { get; } = kind;

        public LabelSet Labels { get; } = labels;
    }

    /// <summary>The arguments recorded for one call, enumerated without allocating.</summary>
    private readonly struct ArgumentList(ArgumentValue[] items, int count)
    {
        public int Count => count;

        public Enumerator GetEnumerator() => new(items, count);

        public struct Enumerator(ArgumentValue[] items, int count)
        {
            private int _index = -1;

            public readonly ArgumentValue Current => items[_index];

            public bool MoveNext() => ++_index < count;
        }
    }

    /// <summary>Argument labels of one call, by argument and (for params arrays) by element.</summary>
    private sealed class Arguments(int capacity)
    {
        /// <summary>No arguments (never added to).</summary>
        public static readonly Arguments None = new(0);

        // Elements of a params array, by element: a handful at most, searched in order.
        private List<KeyValuePair<IOperation, LabelSet>>? _elements;

        // One array per call, sized by the call's argument count (a list would add a second object).
        private ArgumentValue[] _items = capacity == 0 ? [] : new ArgumentValue[capacity];
        private int _count;

        public ArgumentList Items => new(_items, _count);

        public LabelSet Union { get; private set; } = LabelSet.Empty;

        public IOperation? FirstValue => _count == 0 ? null : _items[0].Value;

        public bool HasLambda { get; private set; }

        public void Add(IArgumentOperation argument, LabelSet labels, bool isLambda = false) =>
            AddValue(argument.Parameter, argument.Value, labels, argument.ArgumentKind, isLambda);

        public void AddValue(IParameterSymbol? parameter, IOperation value, LabelSet labels, ArgumentKind kind = ArgumentKind.Explicit, bool isLambda = false)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, Math.Max(4, _count * 2));
            }

            HasLambda |= isLambda;
            _items[_count++] = new ArgumentValue(parameter, value, kind, labels, isLambda);
            Union = Union.Union(labels);
        }

        public void AddElement(IOperation element, LabelSet labels) => (_elements ??= []).Add(new KeyValuePair<IOperation, LabelSet>(element, labels));

        public LabelSet? ElementLabels(IOperation element)
        {
            if (_elements is not null)
            {
                foreach (var pair in _elements)
                {
                    if (pair.Key == element)
                    {
                        return pair.Value;
                    }
                }
            }

            return null;
        }

        public LabelSet ForOrdinal(int ordinal)
        {
            var labels = LabelSet.Empty;
            foreach (var item in Items)
            {
                if (item.Parameter?.Ordinal == ordinal)
                {
                    labels = labels.Union(item.Labels);
                }
            }

            return labels;
        }
    }
}
