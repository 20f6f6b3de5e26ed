using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.CodeFixes;

/// <summary>
/// The shape shared by the fixes that classify a member: find the member a diagnostic is about and the class it needs,
/// then write the attribute. Fix All gathers every target first and writes each document once, so members in other
/// documents (MEC006 flags the assignment, the member is declared elsewhere) and members flagged twice are handled.
/// </summary>
public abstract class ClassificationFixer : CodeFixProvider
{
    /// <summary>The member to classify for <paramref name="diagnostic"/>, or <see langword="null"/> when none can be written in source.</summary>
    internal abstract Task<ClassificationTarget?> FindTargetAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Identifies the fix for Fix All.</summary>
    protected abstract string EquivalenceKey { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => new ClassifyAll(this);

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var target = await FindTargetAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (target is null)
            {
                continue;
            }

            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(
                    MemberClassification.CodeActionTitle(MemberName(target.Declaration), target.AttributeName),
                    ct => MemberClassification.ApplyAsync(solution, [target], ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static string MemberName(SyntaxNode declaration) => declaration switch
    {
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        ParameterSyntax p => p.Identifier.ValueText,
        FieldDeclarationSyntax f => string.Join(", ", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        _ => declaration.ToString(),
    };

    private sealed class ClassifyAll(ClassificationFixer fixer) : FixAllProvider
    {
        public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            var diagnostics = await DiagnosticsInScopeAsync(context).ConfigureAwait(false);
            if (diagnostics.IsDefaultOrEmpty)
            {
                return null;
            }

            var solution = context.Solution;
            return CodeAction.Create(
                "Classify every flagged member",
                async ct =>
                {
                    var targets = new List<ClassificationTarget>();
                    foreach (var diagnostic in diagnostics)
                    {
                        ct.ThrowIfCancellationRequested();
                        if (solution.GetDocument(diagnostic.Location.SourceTree) is { } document &&
                            await fixer.FindTargetAsync(document, diagnostic, ct).ConfigureAwait(false) is { } target)
                        {
                            targets.Add(target);
                        }
                    }

                    return await MemberClassification.ApplyAsync(solution, targets, ct).ConfigureAwait(false);
                },
                context.CodeActionEquivalenceKey);
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsInScopeAsync(FixAllContext context)
        {
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document is not null:
                    return await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
                case FixAllScope.Project:
                    return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
                case FixAllScope.Solution:
                    var builder = ImmutableArray.CreateBuilder<Diagnostic>();
                    foreach (var project in context.Solution.Projects)
                    {
                        builder.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    return builder.ToImmutable();
                default:
                    return ImmutableArray<Diagnostic>.Empty;
            }
        }
    }
}
