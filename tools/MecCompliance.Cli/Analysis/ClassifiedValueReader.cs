using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MecCompliance.Cli.Analysis;

/// <summary>
/// Names the classified data an expression hands over where it enters a sink (<c>patron.CardNumber</c>,
/// <c>new CollectionReferral { ... }</c>), for the report's "what data" column. This reads the expression itself; how
/// the value got there is the analyzer's business.
/// </summary>
internal static class ClassifiedValueReader
{
    public static ClassifiedValue Read(IOperation? operation, ComplianceSymbols symbols)
    {
        var names = new List<string>();
        var classes = DataClass.None;
        if (operation is not null)
        {
            Visit(operation, symbols, names, ref classes);
        }

        return new ClassifiedValue(string.Join(", ", names.Distinct()), classes);
    }

    private static void Visit(IOperation operation, ComplianceSymbols symbols, List<string> names, ref DataClass classes)
    {
        switch (operation)
        {
            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member:
            {
                var memberType = member.Member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member.Member).Type;
                var carried = symbols.ClassOf(member.Member) | symbols.ContentsOf(memberType);
                if (carried != DataClass.None)
                {
                    names.Add($"{member.Member.ContainingType.Name}.{member.Member.Name}");
                    classes |= carried;
                }

                // Reading an unclassified member (patron.Id) carries nothing of the object it is read from.
                return;
            }

            case IParameterReferenceOperation parameter:
                Record(parameter.Parameter.Type, symbols.ClassOf(parameter.Parameter) | symbols.ContentsOf(parameter.Parameter.Type), parameter.Parameter.Name, names, ref classes);
                return;

            case ILocalReferenceOperation local:
                Record(local.Local.Type, symbols.ContentsOf(local.Local.Type), local.Local.Name, names, ref classes);
                return;

            case IObjectCreationOperation creation when creation.Type is { } created && symbols.ContentsOf(created) is var contents && contents != DataClass.None:
                names.Add(created.Name);
                classes |= contents;
                return;

            case IInvocationOperation invocation when symbols.ClassOf(invocation.TargetMethod) is var returned && returned != DataClass.None:
                names.Add($"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}()");
                classes |= returned;
                return;

            case INameOfOperation or ILiteralOperation or ITypeOfOperation:
                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Visit(child, symbols, names, ref classes);
        }
    }

    private static void Record(ITypeSymbol type, DataClass carried, string variable, List<string> names, ref DataClass classes)
    {
        if (carried == DataClass.None)
        {
            return;
        }

        // A variable of a model type is named by its type (what the reader knows); a classified string by its name.
        names.Add(type.SpecialType == SpecialType.None ? type.Name : variable);
        classes |= carried;
    }
}

/// <summary>The classified data in an expression: the members or types it reads, and their classes.</summary>
internal readonly record struct ClassifiedValue(string Names, DataClass Classes)
{
    public bool IsClassified => Classes != DataClass.None;
}
