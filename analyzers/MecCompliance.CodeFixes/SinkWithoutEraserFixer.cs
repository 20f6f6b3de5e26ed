using System.Composition;
using System.Text;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace MecCompliance.CodeFixes;

/// <summary>
/// MEC007: adds an eraser stub marked <c>[ErasesPersonalData("sink")]</c> to the class marked <c>[DataSink("sink")]</c>
/// (the sink's <c>DbContext</c> or repository), or to a new file when the project has none. The stub's body is an
/// <c>#error</c> directive saying what to write: the project does not build until someone has written the deletion, so
/// the fix never leaves an eraser that silently does nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SinkWithoutEraserFixer))]
[Shared]
public sealed class SinkWithoutEraserFixer : CodeFixProvider
{
    private const string MethodName = "ErasePersonalDataAsync";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SinkWithoutEraser);

    // Each sink gets its own eraser, written where that sink's code lives: there is nothing to batch.
    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Sink, out var sink) || string.IsNullOrWhiteSpace(sink))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add an eraser for '{sink}'",
                    cancellationToken => AddEraserAsync(context.Document, sink!, cancellationToken),
                    equivalenceKey: RuleIdentifiers.SinkWithoutEraser + ":" + sink),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> AddEraserAsync(Document document, string sink, CancellationToken cancellationToken)
    {
        var project = document.Project;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is not null && FindSinkClass(compilation, sink, cancellationToken) is { } target &&
            project.Solution.GetDocument(target.SyntaxTree) is { } targetDocument)
        {
            var root = await targetDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await targetDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not null && model?.GetDeclaredSymbol(target, cancellationToken) is { } type)
            {
                var endOfLine = root.ToFullString().Contains("\r\n") ? "\r\n" : "\n";
                var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(Stub(sink, FreeName(type, MethodName)).Replace("\n", endOfLine))!;

                // A blank line between the sink's last member and the eraser, as between any two members.
                method = method
                    .WithLeadingTrivia(method.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(endOfLine)))
                    .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
                var updated = root.ReplaceNode(target, target.AddMembers(method));
                return project.Solution.WithDocumentSyntaxRoot(targetDocument.Id, updated);
            }
        }

        var className = Identifier(sink) + "Erasure";
        if (compilation is not null)
        {
            for (var suffix = 2; compilation.GetSymbolsWithName(className, SymbolFilter.Type, cancellationToken).Any(); suffix++)
            {
                className = Identifier(sink) + "Erasure" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // Beside the policy file, named for the sink, with the folders and the naming the policy document has.
        var fileName = className + ".cs";
        var name = document.Name.Substring(0, document.Name.Length - System.IO.Path.GetFileName(document.Name).Length) + fileName;
        var path = document.FilePath is { } policyPath && System.IO.Path.GetDirectoryName(policyPath) is { } folder ? System.IO.Path.Combine(folder, fileName) : null;
        return project.Solution.AddDocument(DocumentId.CreateNewId(project.Id), name, NewFile(project.DefaultNamespace, className, sink), document.Folders, path);
    }

    /// <summary>A class of the compilation that carries <c>[DataSink("sink")]</c> itself, preferring an EF Core context.</summary>
    private static ClassDeclarationSyntax? FindSinkClass(Compilation compilation, string sink, CancellationToken cancellationToken)
    {
        var candidates = new List<(INamedTypeSymbol Type, ClassDeclarationSyntax Syntax)>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol @namespace)
                {
                    pending.Push(@namespace);
                }
                else if (member is INamedTypeSymbol type)
                {
                    pending.Push(type);
                    if (type.TypeKind == TypeKind.Class && IsMarkedFor(type, sink) &&
                        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<ClassDeclarationSyntax>().FirstOrDefault() is { } syntax)
                    {
                        candidates.Add((type, syntax));
                    }
                }
            }
        }

        return candidates
            .OrderByDescending(c => IsDbContext(c.Type))
            .ThenBy(c => c.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(c => c.Syntax.SpanStart)
            .Select(c => c.Syntax)
            .FirstOrDefault();
    }

    private static bool IsMarkedFor(INamedTypeSymbol type, string sink) =>
        type.GetAttributes().Any(a =>
            a.AttributeClass.HasFullName(MetadataNames.DataSinkAttribute) &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value is string name &&
            string.Equals(name, sink, StringComparison.OrdinalIgnoreCase));

    private static bool IsDbContext(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.HasFullName("Microsoft.EntityFrameworkCore.DbContext"))
            {
                return true;
            }
        }

        return false;
    }

    private static string FreeName(INamedTypeSymbol type, string name)
    {
        var candidate = name;
        for (var suffix = 2; type.GetMembers(candidate).Length > 0; suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>The stub; its <c>#error</c> line names the sink, the duty and the policy sentence it serves.</summary>
    private static string Stub(string sink, string methodName)
    {
        var literal = SyntaxFactory.Literal(sink).Text;
        return
            $"/// <summary>Deletes or anonymises one data subject's personal data in sink {Escape(sink)} (the privacy policy's \"Updating or Removing Information\").</summary>\n" +
            $"[MecCompliance.ErasesPersonalData({literal})]\n" +
            $"public System.Threading.Tasks.ValueTask {methodName}(string subjectId, System.Threading.CancellationToken cancellationToken)\n" +
            "{\n" +
            $"#error Fill in: delete or anonymise this data subject's data in {OneLine(sink)}, through the sink's code (MEC008 checks it is reached), then remove this line\n" +
            "    throw new System.NotImplementedException();\n" +
            "}\n";
    }

    private static string NewFile(string? @namespace, string className, string sink)
    {
        var builder = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(@namespace))
        {
            builder.Append("namespace ").Append(@namespace).Append(";\n\n");
        }

        builder.Append("/// <summary>Erasure for sink ").Append(Escape(sink))
            .Append(". No class of this project is marked for it: the eraser must call into the code that stores in it (MEC008).</summary>\n")
            .Append("public sealed class ").Append(className).Append('\n')
            .Append("{\n");
        foreach (var line in Stub(sink, MethodName).Split('\n').Where(l => l.Length > 0))
        {
            builder.Append(line.StartsWith("#", StringComparison.Ordinal) ? line : "    " + line).Append('\n');
        }

        return builder.Append("}\n").ToString();
    }

    private static string Escape(string text) => "'" + OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") + "'";

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private static string Identifier(string sink)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in sink)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.Length == 0 || char.IsDigit(builder[0]) ? "Sink" + builder : builder.ToString();
    }
}
