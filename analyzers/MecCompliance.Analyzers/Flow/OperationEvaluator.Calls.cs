using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Calls and object creations: into the compilation (a call site the solver resolves), through a library, or a sink.</summary>
internal sealed partial class OperationEvaluator
{
    private LabelSet Invoke(IInvocationOperation invocation, FlowState state, BodyWalk walk)
    {
        var method = invocation.TargetMethod;
        var receiver = Evaluate(invocation.Instance, state, walk);
        var arguments = EvaluateArguments(invocation.Arguments, receiver, state, walk);

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return InlineLocalFunction(method, arguments, state, walk);
        }

        if (_facts.IsSanitizer(method))
        {
            return LabelSet.Empty;
        }

        var isSink = RecordSinks(method, invocation, invocation.Instance, receiver, arguments);
        var declared = _facts.Symbols.DeclaredOn(method);
        var labels = declared == DataClass.None
            ? LabelSet.Empty
            : LabelSet.Of(new SourceLabel(declared, method, invocation.Syntax.GetLocation(), isWholeObject: false));

        // A referenced library built with MecCompliance carries its methods' summaries: followed like a method of ours.
        if (_facts.IsFollowed(method))
        {
            if (isSink)
            {
                return labels;
            }

            labels = labels.Union(CallInto(method, invocation, receiver, arguments, invocation.IsVirtual));

            // A referenced library's summary says nothing of the receiver: a copy of it (Clone(), a builder returning
            // itself) keeps the receiver's data, as it does for any library method.
            if (!_facts.IsInCompilation(method) && CopiesReceiver(method, invocation.Instance))
            {
                labels = labels.Union(receiver);
            }

            foreach (var argument in arguments.Items)
            {
                if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && _context.TryGetCall(invocation, out var site))
                {
                    // A ref argument keeps what it held unless the callee overwrites it, which its summary cannot say.
                    var written = LabelSet.Of(site.Result);
                    Assign(argument.Value, parameter.RefKind == RefKind.Ref ? argument.Labels.Union(written) : written, argument.Value, state, walk);
                }
            }

            return labels;
        }

        return labels.Union(PropagateThroughLibrary(method, invocation.Instance, receiver, arguments, state, walk));
    }

    /// <summary>
    /// A library method: its result may carry what its receiver and arguments carry, unless it only measures them;
    /// collections and builders carry what is added to them.
    /// </summary>
    private LabelSet PropagateThroughLibrary(IMethodSymbol method, IOperation? instance, LabelSet receiver, CallArguments arguments, FlowState state, BodyWalk walk)
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
            TaintRoot(instance, inputs, arguments.FirstValue ?? instance, state, walk);
        }

        foreach (var argument in arguments.Items)
        {
            // dictionary.TryGetValue(key, out value): the value comes from the receiver, not from the key.
            if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && !TypeShapes.IsMeasure(parameter.Type))
            {
                Assign(argument.Value, receiver, argument.Value, state, walk);
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
        return CopiesReceiver(method, instance)
            ? receiver.Union(InSlot(labels, MemberSlot.Somewhere))
            : InSlot(labels, MemberSlot.Somewhere);
    }

    /// <summary>Whether the call returns its receiver's own type (<c>Clone()</c>, a builder returning itself): a copy of it.</summary>
    private static bool CopiesReceiver(IMethodSymbol method, IOperation? instance) =>
        instance?.Type is { } own && SymbolEqualityComparer.Default.Equals(DataResult(method.ReturnType), own);

    /// <summary>
    /// What the arguments of a library call bring into its result: all of them, except what a LINQ operator's lambda
    /// only decides with (a predicate, an ordering key); a key selector's result is in the keys only.
    /// </summary>
    /// <remarks>
    /// When the call returns an entity or DTO (<paramref name="dataResult"/>), an input that holds values of that type (the
    /// collection <c>First</c> takes an element from) gives it as it is; any other input (the text
    /// <c>JsonSerializer.Deserialize&lt;Member&gt;</c> parses, a lookup key) is only somewhere inside it.
    /// </remarks>
    private static LabelSet LibraryInputs(IMethodSymbol method, CallArguments arguments, ITypeSymbol? dataResult)
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

    private static bool ProjectsThroughSelector(IMethodSymbol method, CallArguments arguments)
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

    private LabelSet Create(IObjectCreationOperation creation, FlowState state, BodyWalk walk)
    {
        var arguments = EvaluateArguments(creation.Arguments, LabelSet.Empty, state, walk);
        var initialized = creation.Initializer is null ? LabelSet.Empty : EvaluateInitializer(creation.Initializer, state, walk);
        if (creation.Constructor is not { } constructor)
        {
            return arguments.Union.Union(initialized);
        }

        var isSink = RecordSinks(constructor, creation, null, LabelSet.Empty, arguments);
        if (_facts.IsInCompilation(constructor))
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
    private LabelSet StorePositionalProperties(IMethodSymbol constructor, IOperation creation, CallArguments arguments)
    {
        var built = LabelSet.Empty;
        if (!constructor.ContainingType.IsRecord ||
            constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_context.CancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax)
        {
            return built;
        }

        foreach (var argument in arguments.Items)
        {
            if (argument.Parameter is { } parameter && !argument.Labels.IsEmpty &&
                constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                RecordUnclassifiedStore(property, argument.Labels, argument.Value, creation, allowSynthesized: true);
                if (_facts.Symbols.ClassOf(property) == DataClass.None)
                {
                    built = built.Union(InSlot(WithoutWholeObjects(argument.Labels), property));
                }
            }
        }

        return built;
    }

    private LabelSet CallInto(IMethodSymbol callee, IOperation operation, LabelSet receiver, CallArguments arguments, bool isVirtual)
    {
        var site = _context.CallAt(callee, operation, isVirtual);
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

    /// <summary>
    /// Evaluates arguments in order; lambdas last, with their parameters carrying the receiver's and the other
    /// arguments' labels (the elements a LINQ operator hands to its selector).
    /// </summary>
    private CallArguments EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, LabelSet receiver, FlowState state, BodyWalk walk)
    {
        var result = new CallArguments(arguments.Length);
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
                    var elementLabels = Evaluate(element, state, walk);
                    result.AddElement(element, elementLabels);
                    labels = labels.Union(elementLabels);
                }
            }
            else
            {
                labels = Evaluate(argument.Value, state, walk);
            }

            result.Add(argument, labels);
            context = context.Union(labels);
        }

        if (lambdas is not null)
        {
            var saved = walk.LambdaContext;
            walk.LambdaContext = WithoutWholeObjects(context);
            foreach (var argument in lambdas)
            {
                result.Add(argument, Evaluate(argument.Value, state, walk), isLambda: true);
            }

            walk.LambdaContext = saved;
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

    /// <summary>
    /// A method group handed to a call (<c>patrons.Select(EmailOf)</c>) is called with what a lambda in its place would
    /// receive; a method of this compilation is followed through its summary, a library method like any library call.
    /// </summary>
    private LabelSet ReferenceMethodGroup(IDelegateCreationOperation creation, IMethodReferenceOperation methodGroup, FlowState state, BodyWalk walk)
    {
        var method = methodGroup.Method;
        var receiver = Evaluate(methodGroup.Instance, state, walk);
        if (_facts.IsSanitizer(method) || method.ReturnsVoid && !_facts.IsInCompilation(method))
        {
            return LabelSet.Empty;
        }

        if (!_facts.IsInCompilation(method) || method.MethodKind == MethodKind.LocalFunction)
        {
            return TypeShapes.IsMeasure(method.ReturnType) ? LabelSet.Empty : receiver.Union(walk.LambdaContext);
        }

        var arguments = new CallArguments(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            arguments.AddValue(parameter, creation, walk.LambdaContext);
        }

        return CallInto(method, creation, receiver, arguments, methodGroup.IsVirtual);
    }
}
