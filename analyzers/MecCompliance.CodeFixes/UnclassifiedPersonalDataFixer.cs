using System.Composition;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MecCompliance.CodeFixes;

/// <summary>
/// MEC005: classifies the member whose name says personal data, with the class the rule suggests
/// (<c>[PatronRecord]</c> for library-record words such as card or patron, <c>[PersonalData]</c> otherwise).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnclassifiedPersonalDataFixer))]
[Shared]
public sealed class UnclassifiedPersonalDataFixer : ClassificationFixer
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnclassifiedPersonalData);

    /// <inheritdoc/>
    protected override string EquivalenceKey => RuleIdentifiers.UnclassifiedPersonalData;

    internal override async Task<ClassificationTarget?> FindTargetAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var declaration = MemberClassification.DeclarationOf(root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
        if (declaration is null)
        {
            return null;
        }

        var attribute = diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Classification, out var suggested) && !string.IsNullOrEmpty(suggested)
            ? suggested!
            : "PersonalData";
        return new ClassificationTarget(document.Id, declaration, attribute);
    }
}
