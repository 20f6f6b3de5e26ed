using MecCompliance.Analyzers.Policy;

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
                if (session.Symbols.DeclaredOn(parameter) != DataClass.None || session.WholeObjectClasses(parameter.Type) != DataClass.None)
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
                        if (session.DeclaredClasses(member.Member) != DataClass.None || session.WholeObjectClasses(operation.Type) != DataClass.None)
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (member.Member is IPropertySymbol property && session.HasBody(property))
                        {
                            AddAccessors(session, property, callees);
                        }

                        break;
                    case IParameterReferenceOperation parameter:
                        if (session.Symbols.DeclaredOn(parameter.Parameter) != DataClass.None || session.WholeObjectClasses(parameter.Type) != DataClass.None)
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        break;
                    case ILocalReferenceOperation local:
                        if (session.WholeObjectClasses(local.Type) != DataClass.None)
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        break;
                    case IInvocationOperation invocation:
                        if (session.Symbols.DeclaredOn(invocation.TargetMethod) != DataClass.None || session.WholeObjectClasses(invocation.Type) != DataClass.None)
                        {
                            return new SourceScan(true, ImmutableArray<IMethodSymbol>.Empty);
                        }

                        if (session.IsInCompilation(invocation.TargetMethod))
                        {
                            callees.Add(session.SummaryKey(invocation.TargetMethod));
                        }

                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        if (session.WholeObjectClasses(creation.Type) != DataClass.None)
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
