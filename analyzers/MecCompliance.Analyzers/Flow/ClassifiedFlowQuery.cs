using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The engine outside an analyzer (the <c>mec report</c> CLI, benchmarks): every flow of classified data into a sink in
/// a compilation, approved or not, with the same per-method analysis and summaries the rules use. Rules decide what
/// is a violation; this lists everything.
/// </summary>
internal static class ClassifiedFlowQuery
{
    /// <summary>
    /// Analyses every member body of every syntax tree of <paramref name="compilation"/>. The caller provides semantic
    /// models (analyzers may not create them; a tool may).
    /// </summary>
    public static ImmutableArray<ClassifiedFlow> FindAll(Compilation compilation, Func<SyntaxTree, SemanticModel> semanticModel, CancellationToken cancellationToken = default)
    {
        if (FlowSession.CreateIsolated(compilation) is not { } session)
        {
            return ImmutableArray<ClassifiedFlow>.Empty;
        }

        var entries = new List<MethodEntry>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = semanticModel(tree);
            foreach (var (owner, operation) in Bodies(model, tree.GetRoot(cancellationToken), cancellationToken))
            {
                entries.Add(session.Register(owner, ImmutableArray.Create(operation), cancellationToken));
            }
        }

        var builder = ImmutableArray.CreateBuilder<ClassifiedFlow>();
        foreach (var entry in entries)
        {
            builder.AddRange(entry.LocalFlows);
        }

        builder.AddRange(session.Solve(cancellationToken).Flows);
        return builder.ToImmutable();
    }

    internal static IEnumerable<(ISymbol Owner, IOperation Operation)> Bodies(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
    {
        if (root is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax) &&
            model.GetDeclaredSymbol(unit, cancellationToken) is { } entryPoint && model.GetOperation(unit, cancellationToken) is { } program)
        {
            yield return (entryPoint, program);
        }

        foreach (var node in root.DescendantNodes(n => n is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            SyntaxNode? body = null;
            ISymbol? owner = null;
            switch (node)
            {
                case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    owner = model.GetDeclaredSymbol(method, cancellationToken);
                    body = method;
                    break;
                case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                    owner = model.GetDeclaredSymbol(accessor, cancellationToken);
                    body = accessor;
                    break;
                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } arrow:
                    owner = (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod;
                    body = arrow;
                    break;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } declarator } initializer:
                    owner = model.GetDeclaredSymbol(declarator, cancellationToken);
                    body = initializer;
                    break;
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } initializer:
                    owner = model.GetDeclaredSymbol(property, cancellationToken);
                    body = initializer;
                    break;
            }

            if (owner is not null && body is not null && model.GetOperation(body, cancellationToken) is { } operation)
            {
                while (operation.Parent is not null)
                {
                    operation = operation.Parent;
                }

                yield return (owner, operation);
            }
        }
    }
}
