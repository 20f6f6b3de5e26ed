using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Objects and their content: anonymous objects and tuples by member, whole objects when formatted or sent.</summary>
internal sealed partial class OperationEvaluator
{
    /// <summary>An anonymous object holds each value in its member: a later read of one member sees only that one.</summary>
    private LabelSet CreateAnonymous(IAnonymousObjectCreationOperation anonymous, FlowState state, BodyWalk walk)
    {
        var labels = LabelSet.Empty;
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation member } assignment)
            {
                labels = labels.Union(InSlot(Evaluate(assignment.Value, state, walk), member.Property));
            }
            else
            {
                labels = labels.Union(Evaluate(initializer, state, walk));
            }
        }

        return labels;
    }

    /// <summary>A tuple holds each element in its own slot, as an anonymous object holds its members.</summary>
    private LabelSet CreateTuple(ITupleOperation tuple, FlowState state, BodyWalk walk)
    {
        var elements = (tuple.Type as INamedTypeSymbol)?.TupleElements ?? default;
        var labels = LabelSet.Empty;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var value = Evaluate(tuple.Elements[i], state, walk);
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

    /// <summary>
    /// An object whose type holds classified members (or is classified) carries them whole when it is formatted,
    /// converted to a less specific type or sent somewhere: this is where that content becomes a label.
    /// </summary>
    private LabelSet WholeObject(IOperation? value)
    {
        var labels = LabelSet.Empty;
        for (var current = value; current is not null; current = (current as IConversionOperation)?.Operand)
        {
            var classes = _facts.WholeObjectClasses(current.Type);
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
        var toString = _facts.CustomToString(type);
        var labels = LabelSet.Of(new SourceLabel(classes, type, value.Syntax.GetLocation(), isWholeObject: true, toString));
        if (toString is not null)
        {
            labels = labels.Add(_context.FormatCallAt(toString, value).Result);
        }

        return labels;
    }

    /// <summary>Whole-object labels as the data of the text made of those objects.</summary>
    private static LabelSet AsText(LabelSet labels) =>
        labels.IsEmpty
            ? labels
            : LabelSet.From(labels.Labels.Select(l => l is SourceLabel { IsWholeObject: true } source
                ? new SourceLabel(source.Classes, source.Origin, source.Location, isWholeObject: false)
                : l).ToList());

    public static LabelSet WithoutWholeObjects(LabelSet labels)
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
}
