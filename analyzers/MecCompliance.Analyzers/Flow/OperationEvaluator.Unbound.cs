using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Code the compiler could not bind (a package that is not referenced): calls without a model, member reads.</summary>
internal sealed partial class OperationEvaluator
{
    /// <summary>
    /// Code the compiler could not bind (a type of a library that is not referenced): a call is a call without a model,
    /// whose result as a whole carries its inputs; a member read yields none of what sits somewhere inside its receiver.
    /// </summary>
    private static LabelSet EvaluateUnbound(IOperation operation, LabelSet labels)
    {
        if (labels.IsEmpty || TypeShapes.IsMeasure(operation.Type))
        {
            return LabelSet.Empty;
        }

        switch (operation.Syntax)
        {
            case InvocationExpressionSyntax:
            case BaseObjectCreationExpressionSyntax:
                return InSlot(labels, MemberSlot.Somewhere);
            case MemberAccessExpressionSyntax or MemberBindingExpressionSyntax
                when operation.Syntax.Parent is not InvocationExpressionSyntax invoked || invoked.Expression != operation.Syntax:
                return ReadUnboundMember(operation, labels);
            default:
                return labels;
        }
    }

    /// <summary>
    /// A member the compiler could not bind, read from a value with <paramref name="labels"/>: like a data member, it yields
    /// no whole-object label and nothing held in a slot; a parameter or call result is projected onto it (the receiver's
    /// unresolved type stands for the member: no slot matches it).
    /// </summary>
    private static LabelSet ReadUnboundMember(IOperation operation, LabelSet labels)
    {
        ISymbol? member = null;
        foreach (var child in operation.ChildOperations)
        {
            member ??= child.Type;
        }

        var read = new List<TaintLabel>(labels.Count);
        foreach (var label in labels.Labels)
        {
            switch (label)
            {
                case SourceLabel { IsWholeObject: true } or SourceLabel { Slot: not null } or SlottedLabel:
                    break;
                case ParameterLabel or CallResultLabel when member is not null:
                    read.Add(new ProjectedLabel(label, member));
                    break;
                default:
                    read.Add(label);
                    break;
            }
        }

        return LabelSet.From(read);
    }
}
