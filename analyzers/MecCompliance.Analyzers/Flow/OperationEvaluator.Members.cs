using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Member reads: what a field or property yields, by declaration and by what flowed into it (DESIGN §5).</summary>
internal sealed partial class OperationEvaluator
{
    private LabelSet ReadProperty(IPropertyReferenceOperation reference, FlowState state, BodyWalk walk)
    {
        if (!reference.Property.IsIndexer)
        {
            return ReadMember(reference, reference.Property, reference.Instance, state, walk);
        }

        var receiver = Evaluate(reference.Instance, state, walk);
        var arguments = EvaluateArguments(reference.Arguments, receiver, state, walk);
        var property = reference.Property;
        var labels = SourceOf(property, reference);
        if (property.GetMethod is { } getter && _facts.HasBody(property))
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

    private LabelSet ReadMember(IOperation reference, ISymbol member, IOperation? instance, FlowState state, BodyWalk walk)
    {
        var receiver = Evaluate(instance, state, walk);
        var labels = SourceOf(member, reference);
        if (member is IPropertySymbol { GetMethod: { } getter } property && _facts.HasBody(property))
        {
            // A computed property is a method: what it returns comes from its summary.
            labels = labels.Union(CallInto(getter, reference, receiver, CallArguments.None, IsDispatched(property)));
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
        var classes = _facts.DeclaredClasses(member);
        return classes == DataClass.None
            ? LabelSet.Empty
            : LabelSet.Of(new SourceLabel(classes, member, reference.Syntax.GetLocation(), isWholeObject: false));
    }

    /// <summary>The type a method returns, through a task.</summary>
    private static ITypeSymbol DataResult(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : type;

    private static bool IsDispatched(ISymbol member) =>
        member.IsVirtual || member.IsAbstract || member.IsOverride || member.ContainingType?.TypeKind == TypeKind.Interface;
}
