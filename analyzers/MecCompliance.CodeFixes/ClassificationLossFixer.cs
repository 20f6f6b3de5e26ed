using System.Composition;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MecCompliance.CodeFixes;

/// <summary>
/// MEC006: classifies the unclassified field or property that receives a classified value, with the value's
/// (strictest) class, wherever in the solution the member is declared. The value then keeps its classification and
/// every other rule follows it through the member.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassificationLossFixer))]
[Shared]
public sealed class ClassificationLossFixer : ClassificationFixer
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClassificationLost);

    /// <inheritdoc/>
    protected override string EquivalenceKey => RuleIdentifiers.ClassificationLost;

    internal override async Task<ClassificationTarget?> FindTargetAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Member, out var memberId) || string.IsNullOrEmpty(memberId) ||
            !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Classification, out var classes) || string.IsNullOrEmpty(classes))
        {
            return null;
        }

        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var member = compilation is null ? null : DocumentationCommentId.GetFirstSymbolForDeclarationId(memberId!, compilation);
        if (member is not (IFieldSymbol or IPropertySymbol))
        {
            return null;
        }

        // A member of a referenced assembly cannot be edited here; its owners must classify it.
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var declaration = MemberClassification.DeclarationOf(await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false));
            if (declaration is not null && document.Project.Solution.GetDocument(declaration.SyntaxTree) is { } declaringDocument)
            {
                return new ClassificationTarget(declaringDocument.Id, declaration, classes!.Split(',')[0].Trim());
            }
        }

        return null;
    }
}
