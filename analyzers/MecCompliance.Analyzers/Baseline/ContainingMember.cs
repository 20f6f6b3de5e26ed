using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// Names the member that contains a location, from syntax alone (<c>Ns.Type.Method(Patron, string)</c>,
/// <c>Ns.Type.Name.get</c>, <c>&lt;assembly attributes&gt;</c>): the suppressor runs without semantic models, and a name
/// made of declarations survives every edit but a rename or a signature change. Parameter types are part of it, as
/// written, so that overloads are told apart; parameter names are not.
/// </summary>
internal static class ContainingMember
{
    public const string AssemblyAttributes = "<assembly attributes>";

    public static string Of(Location location, CancellationToken cancellationToken)
    {
        if (location.SourceTree is not { } tree)
        {
            return string.Empty;
        }

        var root = tree.GetRoot(cancellationToken);
        if (!root.FullSpan.Contains(location.SourceSpan))
        {
            return string.Empty;
        }

        return Of(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true));
    }

    public static string Of(SyntaxNode node)
    {
        string? member = null;
        var containers = new List<string>();
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeListSyntax { Target.Identifier.ValueText: "assembly" or "module" } when member is null:
                    return AssemblyAttributes;
                case BaseTypeDeclarationSyntax type:
                    containers.Add(type.Identifier.ValueText + Arity(type is TypeDeclarationSyntax { TypeParameterList: { } list } ? list.Parameters.Count : 0));
                    break;
                case DelegateDeclarationSyntax @delegate when member is null:
                    member = @delegate.Identifier.ValueText;
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    containers.Add(Compact(ns.Name.ToString()));
                    break;
                case GlobalStatementSyntax when member is null:
                    member = "<top-level statements>";
                    break;
                case MemberDeclarationSyntax declaration when member is null && NameOf(declaration) is { } name:
                    member = name;
                    break;
                case AccessorDeclarationSyntax accessor when member is null && accessor.Parent?.Parent is MemberDeclarationSyntax owner && NameOf(owner) is { } property:
                    member = property + "." + accessor.Keyword.ValueText;
                    break;
            }
        }

        containers.Reverse();
        var builder = new StringBuilder(string.Join(".", containers));
        if (member is not null)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(member);
        }

        return builder.ToString();
    }

    private static string? NameOf(MemberDeclarationSyntax declaration) => declaration switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText + Arity(method.TypeParameterList?.Parameters.Count ?? 0) + Parameters(method.ParameterList),
        ConstructorDeclarationSyntax constructor => (constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor") + Parameters(constructor.ParameterList),
        DestructorDeclarationSyntax => "Finalize()",
        OperatorDeclarationSyntax @operator => "operator " + @operator.OperatorToken.ValueText + Parameters(@operator.ParameterList),
        ConversionOperatorDeclarationSyntax conversion => "operator " + Compact(conversion.Type.ToString()) + Parameters(conversion.ParameterList),
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        IndexerDeclarationSyntax indexer => "this[" + string.Join(", ", indexer.ParameterList.Parameters.Select(TypeOf)) + "]",
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        BaseFieldDeclarationSyntax field => string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        EnumMemberDeclarationSyntax enumMember => enumMember.Identifier.ValueText,
        _ => null,
    };

    private static string Parameters(BaseParameterListSyntax list) => "(" + string.Join(", ", list.Parameters.Select(TypeOf)) + ")";

    private static string TypeOf(BaseParameterSyntax parameter) =>
        (parameter.Modifiers.Count > 0 ? string.Join(" ", parameter.Modifiers.Select(m => m.ValueText)) + " " : string.Empty) +
        (parameter.Type is { } type ? Compact(type.ToString()) : "?");

    private static string Arity(int count) => count == 0 ? string.Empty : "`" + count;

    // `Dictionary<string, Patron>` and `Dictionary<string,Patron>` are the same signature.
    private static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
