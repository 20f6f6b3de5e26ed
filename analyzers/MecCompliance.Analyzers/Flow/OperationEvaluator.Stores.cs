using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Assignments and stores: where a value goes, and what storing it into a member of this compilation loses (MEC006).</summary>
internal sealed partial class OperationEvaluator
{
    public void Assign(IOperation target, LabelSet value, IOperation valueOperation, FlowState state, BodyWalk walk)
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
                    walk.Returns = walk.Returns.Union(value);
                }

                break;
            case IFlowCaptureReferenceOperation capture:
                state.Set(FlowKeys.Of(capture.Id), value);
                break;
            case IFieldReferenceOperation field:
                Evaluate(field.Instance, state, walk);
                Store(field.Field, field.Instance, value, valueOperation, target, state, walk);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
            {
                var receiver = Evaluate(property.Instance, state, walk);
                if (property.Property.SetMethod is { } setter && _facts.HasBody(property.Property))
                {
                    var arguments = new CallArguments(1);
                    arguments.AddValue(setter.Parameters.FirstOrDefault(), valueOperation, value);
                    CallInto(setter, target, receiver, arguments, IsDispatched(property.Property));
                }
                else
                {
                    Store(property.Property, property.Instance, value, valueOperation, target, state, walk);
                }

                break;
            }

            case IPropertyReferenceOperation indexer:
            {
                var receiver = Evaluate(indexer.Instance, state, walk);
                EvaluateArguments(indexer.Arguments, receiver, state, walk);
                if (indexer.Property.SetMethod is { } setter && _facts.HasBody(indexer.Property))
                {
                    var arguments = new CallArguments(1);
                    arguments.AddValue(setter.Parameters.LastOrDefault(), valueOperation, value);
                    CallInto(setter, target, receiver, arguments, IsDispatched(indexer.Property));
                }
                else
                {
                    RecordSetterSink(indexer.Property, target, indexer.Instance, valueOperation, value);
                    TaintRoot(indexer.Instance, value, valueOperation, state, walk);
                }

                break;
            }

            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state, walk);
                }

                TaintRoot(element.ArrayReference, value, valueOperation, state, walk);
                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value, valueOperation, state, walk);
                break;
            case ITupleOperation tuple:
            {
                var elements = (tuple.Type as INamedTypeSymbol)?.TupleElements ?? default;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    var element = !elements.IsDefault && i < elements.Length ? MemberOf(value, elements[i]) : value;
                    Assign(tuple.Elements[i], element, valueOperation, state, walk);
                }

                break;
            }
        }
    }

    /// <summary>A field or property of a type declared here keeps the value's class only if it is classified itself.</summary>
    public void Store(ISymbol member, IOperation? instance, LabelSet value, IOperation valueOperation, IOperation target, FlowState state, BodyWalk walk)
    {
        if (member.ContainingType is { IsAnonymousType: true } or { IsTupleType: true })
        {
            return;
        }

        if (_facts.IsInCompilation(member))
        {
            RecordUnclassifiedStore(member, value, valueOperation, target);
            return;
        }

        // A library object (a request, a builder, a message) holds what is stored in it.
        if (member is IPropertySymbol property)
        {
            RecordSetterSink(property, target, instance, valueOperation, value);
        }

        if (_facts.DeclaredClasses(member) != DataClass.None)
        {
            // A classified member keeps the value's class in its declaration (and so does the object as a whole, by its
            // type): its siblings receive nothing.
            return;
        }

        // Stored straight into an object held here: in that member only, where a later read of it finds it.
        TaintRoot(instance, IsHeldHere(instance) ? InSlot(value, member) : value, valueOperation, state, walk);
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

    private void RecordUnclassifiedStore(ISymbol member, LabelSet value, IOperation valueOperation, IOperation target, bool allowSynthesized = false)
    {
        if (_facts.Symbols.ClassOf(member) != DataClass.None || (member.IsImplicitlyDeclared && !allowSynthesized))
        {
            return;
        }

        // Storing an object whose type already carries its classified members loses nothing.
        var stored = WithoutWholeObjects(value);
        if (stored.IsEmpty)
        {
            return;
        }

        if (_context.Constructs && target is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } })
        {
            _context.AddBuilt(InSlot(stored, member));
        }

        var sink = new Sink(SinkKind.UnclassifiedMember, FlowDisplay.Source(member, isWholeObject: false), member: member);
        _context.Sinks.Record(sink, valueOperation, stored, target, DataClass.None);
    }

    /// <summary>
    /// A mutation (collection add, indexer set, property of a library object) adds the value to the object it mutates:
    /// to the local that holds it, or, when that object lives in a field or property of this compilation, to that member.
    /// </summary>
    private void TaintRoot(IOperation? target, LabelSet value, IOperation valueOperation, FlowState state, BodyWalk walk)
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
                case IFieldReferenceOperation field when _facts.IsInCompilation(field.Field):
                    RecordUnclassifiedStore(field.Field, value, valueOperation, current);
                    return;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property when _facts.IsInCompilation(property.Property):
                    RecordUnclassifiedStore(property.Property, value, valueOperation, current);
                    return;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } when walk.InInitializer:
                    // An object or collection initializer of a library type: the object being initialized holds it.
                    walk.ImplicitReceivers.Push(walk.ImplicitReceivers.Pop().Union(value));
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

    private void Deconstruct(IOperation target, IOperation valueOperation, LabelSet value, FlowState state, BodyWalk walk)
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
                Deconstruct(targets.Elements[i], values.Elements[i], Evaluate(values.Elements[i], state, walk), state, walk);
            }

            return;
        }

        Assign(target, value, valueOperation, state, walk);
    }
}
