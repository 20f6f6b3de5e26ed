using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Cli.Analysis;

/// <summary>Every classification written in a project's source: types, properties, fields, parameters, return values.</summary>
internal static class ClassifiedMemberCatalog
{
    public static IReadOnlyList<ClassifiedMember> Collect(Compilation compilation, ComplianceSymbols symbols, SourcePaths paths, CancellationToken cancellationToken)
    {
        var members = new List<ClassifiedMember>();
        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var project = compilation.AssemblyName ?? "";
            var typeName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

            var ownClass = symbols.DeclaredOn(type);
            if (ownClass != DataClass.None)
            {
                members.Add(new ClassifiedMember(project, typeName, "type", ClassNames.Of(ownClass), paths.PointOf(type.Locations[0])));
            }

            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || !member.Locations.Any(l => l.IsInSource))
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol or IFieldSymbol:
                        Add(members, project, $"{typeName}.{member.Name}", member is IPropertySymbol ? "property" : "field", symbols.DeclaredOn(member), member, paths);
                        break;
                    case IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor:
                        Add(members, project, $"{typeName}.{method.Name}() return value", "return value", symbols.DeclaredOn(method), method, paths);
                        foreach (var parameter in method.Parameters)
                        {
                            var name = method.MethodKind == MethodKind.Constructor ? $"{typeName}({parameter.Name})" : $"{typeName}.{method.Name}({parameter.Name})";
                            Add(members, project, name, "parameter", symbols.DeclaredOn(parameter), parameter, paths);
                        }

                        break;
                }
            }
        }

        return members;
    }

    private static void Add(List<ClassifiedMember> members, string project, string name, string kind, DataClass declared, ISymbol symbol, SourcePaths paths)
    {
        if (declared != DataClass.None && symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
        {
            members.Add(new ClassifiedMember(project, name, kind, ClassNames.Of(declared), paths.PointOf(location)));
        }
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type && !type.IsImplicitlyDeclared && type.Locations.Any(l => l.IsInSource))
                {
                    pending.Push(type);
                    yield return type;
                }
            }
        }
    }
}

/// <summary>The report's names for classes: the attribute names a developer writes.</summary>
internal static class ClassNames
{
    public static IReadOnlyList<string> Of(DataClass value)
    {
        var names = new List<string>(3);
        if ((value & DataClass.PatronRecord) != 0)
        {
            names.Add("PatronRecord");
        }

        if ((value & DataClass.PersonalData) != 0)
        {
            names.Add("PersonalData");
        }

        if ((value & DataClass.OrganizationalData) != 0)
        {
            names.Add("OrganizationalData");
        }

        return names;
    }

    public static DataClass Parse(IEnumerable<string> names) => names.Aggregate(DataClass.None, (all, name) => all | name switch
    {
        "PatronRecord" => DataClass.PatronRecord,
        "PersonalData" => DataClass.PersonalData,
        "OrganizationalData" => DataClass.OrganizationalData,
        _ => DataClass.None,
    });
}
