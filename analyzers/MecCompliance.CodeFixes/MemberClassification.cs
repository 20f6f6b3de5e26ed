using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.CodeFixes;

/// <summary>
/// Writes classification attributes onto member declarations, with the <c>using MecCompliance;</c> they need. One
/// engine for every fix that classifies, so a single fix and Fix All produce the same code.
/// </summary>
internal static class MemberClassification
{
    private const string AttributesNamespace = "MecCompliance";

    /// <summary>The classes from strictest to weakest: a member asked for twice keeps the strictest.</summary>
    private static readonly string[] Strictness = ["PatronRecord", "PersonalData", "OrganizationalData"];

    /// <summary>The declaration that carries attributes for the member declared at <paramref name="node"/>.</summary>
    public static SyntaxNode? DeclarationOf(SyntaxNode? node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case PropertyDeclarationSyntax or ParameterSyntax:
                    return current;
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field }:
                    return field;
                case FieldDeclarationSyntax:
                    return current;
                case StatementSyntax or BaseTypeDeclarationSyntax or ExpressionSyntax:
                    return null;
            }
        }

        return null;
    }

    public static string CodeActionTitle(string memberName, string attributeName) => $"Classify '{memberName}' as [{attributeName}]";

    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<ClassificationTarget> targets, CancellationToken cancellationToken)
    {
        foreach (var document in targets.GroupBy(t => t.DocumentId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var original = solution.GetDocument(document.Key);
            if (original is null)
            {
                continue;
            }

            // Keyed by span: the same member reached through two diagnostics may come as two node instances.
            var attributeBySpan = new Dictionary<Microsoft.CodeAnalysis.Text.TextSpan, string>();
            foreach (var target in document)
            {
                var span = target.Declaration.Span;
                attributeBySpan[span] = attributeBySpan.TryGetValue(span, out var existing) ? Stricter(existing, target.AttributeName) : target.AttributeName;
            }

            var root = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                continue;
            }

            var attributeByDeclaration = new Dictionary<SyntaxNode, string>();
            foreach (var pair in attributeBySpan)
            {
                if (pair.Key.End <= root.FullSpan.End &&
                    root.FindNode(pair.Key).AncestorsAndSelf().FirstOrDefault(n => n.Span == pair.Key && DeclarationOf(n) == n) is { } declaration)
                {
                    attributeByDeclaration[declaration] = pair.Value;
                }
            }

            var declarations = attributeByDeclaration.Keys.ToList();
            if (declarations.Count == 0)
            {
                continue;
            }

            var needsUsing = declarations.Any(d => !Resolves(model, d.SpanStart, attributeByDeclaration[d]));
            var rewritten = unit.ReplaceNodes(declarations, (before, after) => WithAttribute(after, attributeByDeclaration[before]));
            if (needsUsing)
            {
                rewritten = WithUsing(rewritten, await EndOfLineAsync(original, root, cancellationToken).ConfigureAwait(false));
            }

            solution = solution.WithDocumentSyntaxRoot(original.Id, rewritten);
        }

        return solution;
    }

    private static string Stricter(string left, string right)
    {
        var leftRank = Array.IndexOf(Strictness, left);
        var rightRank = Array.IndexOf(Strictness, right);
        return rightRank >= 0 && (leftRank < 0 || rightRank < leftRank) ? right : left;
    }

    /// <summary>Whether <c>[Name]</c> already binds to the MecCompliance attribute at <paramref name="position"/> (usings, global usings, namespace).</summary>
    public static bool Resolves(SemanticModel model, int position, string attributeName) =>
        model.LookupNamespacesAndTypes(position, name: attributeName + "Attribute")
            .Any(s => s is INamedTypeSymbol { ContainingNamespace: { Name: AttributesNamespace, ContainingNamespace.IsGlobalNamespace: true } });

    private static SyntaxNode WithAttribute(SyntaxNode declaration, string attributeName)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(attributeName))))
            .WithLeadingTrivia(declaration.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.Space);

        // The new list goes first and takes over the declaration's indentation, so existing attributes keep their lines.
        return declaration switch
        {
            MemberDeclarationSyntax member when !HasAttribute(member.AttributeLists, attributeName) =>
                member.WithoutLeadingTrivia().WithAttributeLists(member.WithoutLeadingTrivia().AttributeLists.Insert(0, list)),
            ParameterSyntax parameter when !HasAttribute(parameter.AttributeLists, attributeName) =>
                parameter.WithoutLeadingTrivia().WithAttributeLists(parameter.WithoutLeadingTrivia().AttributeLists.Insert(0, list)),
            _ => declaration,
        };
    }

    private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string attributeName) =>
        lists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is var name &&
            (name == attributeName || name == attributeName + "Attribute" || name.EndsWith("." + attributeName, StringComparison.Ordinal)));

    /// <summary>The file's own line ending; for a one-line file, the one the workspace formats with.</summary>
    public static async Task<SyntaxTrivia> EndOfLineAsync(Document document, SyntaxNode root, CancellationToken cancellationToken)
    {
        var existing = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (existing.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            return existing;
        }

        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        return SyntaxFactory.EndOfLine(options.GetOption(Microsoft.CodeAnalysis.Formatting.FormattingOptions.NewLine));
    }

    public static CompilationUnitSyntax WithUsing(CompilationUnitSyntax unit, SyntaxTrivia endOfLine)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(AttributesNamespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);

        if (unit.Usings.Count == 0)
        {
            // Before the first declaration, after any file header, separated by a blank line.
            var first = unit.GetFirstToken();
            directive = directive.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine, endOfLine);
            return unit.ReplaceToken(first, first.WithLeadingTrivia()).WithUsings(SyntaxFactory.SingletonList(directive));
        }

        // System directives first, then ordinal order: the position `dotnet format` would give it.
        var index = unit.Usings.Count;
        for (var i = 0; i < unit.Usings.Count; i++)
        {
            var existing = unit.Usings[i];
            if (existing.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || existing.Alias is not null || existing.Name is null)
            {
                index = i;
                break;
            }

            var name = existing.Name.ToString();
            var isSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
            if (!isSystem && string.CompareOrdinal(name, AttributesNamespace) > 0)
            {
                index = i;
                break;
            }
        }

        if (index == 0)
        {
            var first = unit.Usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            unit = unit.ReplaceNode(first, first.WithoutLeadingTrivia());
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }
}
