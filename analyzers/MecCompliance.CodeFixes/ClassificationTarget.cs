namespace MecCompliance.CodeFixes;

/// <summary>A member declaration that a fix marks with a classification attribute.</summary>
internal sealed class ClassificationTarget
{
    public ClassificationTarget(DocumentId documentId, SyntaxNode declaration, string attributeName)
    {
        DocumentId = documentId;
        Declaration = declaration;
        AttributeName = attributeName;
    }

    public DocumentId DocumentId { get; }

    /// <summary>A property, field or parameter declaration, from the tree the diagnostic was reported on.</summary>
    public SyntaxNode Declaration { get; }

    /// <summary><c>PatronRecord</c>, <c>PersonalData</c> or <c>OrganizationalData</c>.</summary>
    public string AttributeName { get; }
}
