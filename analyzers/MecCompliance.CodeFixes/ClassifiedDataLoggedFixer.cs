using System.Composition;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MecCompliance.CodeFixes;

/// <summary>
/// MEC001: moves the logging call to a generated <c>[LoggerMessage]</c> method whose classified values are
/// classified parameters, so the logging pipeline redacts them (see <see cref="LoggerMessageConversion"/>).
/// Offered for <c>ILogger</c> extension calls with a constant or interpolated message, when the project references the
/// redaction-aware logging generator (Microsoft.Extensions.Telemetry.Abstractions, brought by MecCompliance.Redaction).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassifiedDataLoggedFixer))]
[Shared]
public sealed class ClassifiedDataLoggedFixer : CodeFixProvider
{
    private const string Title = "Log through a [LoggerMessage] method that redacts classified values";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClassifiedDataLogged);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new ConvertAll();

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null || root is null || !LoggerMessageConversion.IsAvailable(model.Compilation))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (LoggerMessageConversion.CanConvert(root, model, diagnostic, context.CancellationToken))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => LoggerMessageConversion.ApplyAsync(document, [diagnostic], ct), RuleIdentifiers.ClassifiedDataLogged),
                    diagnostic);
            }
        }
    }

    /// <summary>Converts every call in a document in one edit: calls share the partial type and need distinct method names.</summary>
    private sealed class ConvertAll : DocumentBasedFixAllProvider
    {
        protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var model = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            return model is null || !LoggerMessageConversion.IsAvailable(model.Compilation)
                ? document
                : await LoggerMessageConversion.ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
