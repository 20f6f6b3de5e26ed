using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The cheap look at a method before any control-flow graph is built: does it read classified data (a classified
/// member, parameter or method return, or an object whose type holds classified members)? Only such methods are analysed
/// eagerly; the others are analysed at compilation end if, and only if, a flow passes through them.
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

    public static SourceScan Run(FlowSession session, ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (session.Symbols.DeclaredOn(parameter) != DataClass.None)
                {
                    return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                }
            }
        }

        var callees = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
                        if (session.DeclaredClasses(member.Member) != DataClass.None || IsWholeUse(session, operation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (member.Member is IPropertySymbol property && session.HasBody(property))
                        {
                            AddAccessors(session, property, callees);
                        }

                        break;
                    case IParameterReferenceOperation parameter:
                        if (session.Symbols.DeclaredOn(parameter.Parameter) != DataClass.None || IsWholeUse(session, operation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        break;
                    case ILocalReferenceOperation local:
                        if (IsWholeUse(session, local))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        break;
                    case IInvocationOperation invocation:
                        if (session.Symbols.DeclaredOn(invocation.TargetMethod) != DataClass.None || IsWholeUse(session, invocation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (session.IsInCompilation(invocation.TargetMethod))
                        {
                            callees.Add(session.SummaryKey(invocation.TargetMethod));
                        }

                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        if (IsWholeUse(session, creation))
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (session.IsInCompilation(constructor))
                        {
                            callees.Add(session.SummaryKey(constructor));
                        }

                        break;
                }
            }
        }

        return new SourceScan(false, callees.ToImmutable());
    }

    /// <summary>
    /// Whether an object whose type holds classified members is used whole here (passed, converted, formatted, stored),
    /// rather than only dereferenced (<c>patron.Id</c>) or tested (<c>patron is null</c>): only a whole use can carry
    /// its contents anywhere.
    /// </summary>
    private static bool IsWholeUse(FlowSession session, IOperation value)
    {
        if (session.WholeObjectClasses(value.Type) == DataClass.None)
        {
            return false;
        }

        switch (value.Parent)
        {
            case IMemberReferenceOperation member when member.Instance == value:
            case IInvocationOperation invocation when invocation.Instance == value && invocation.TargetMethod.Name != "ToString":
            case IIsNullOperation:
            case IIsPatternOperation:
            case IIsTypeOperation:
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                return false;
            case IConversionOperation { Parent: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } }:
                return false;
            default:
                return true;
        }
    }

    private static void AddAccessors(FlowSession session, IPropertySymbol property, ImmutableArray<IMethodSymbol>.Builder callees)
    {
        if (property.GetMethod is { } getter)
        {
            callees.Add(session.SummaryKey(getter));
        }

        if (property.SetMethod is { } setter)
        {
            callees.Add(session.SummaryKey(setter));
        }
    }
}
