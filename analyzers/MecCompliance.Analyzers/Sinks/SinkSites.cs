using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// Reading what surrounds a vendor or storage sink call: the member that contains it, its receiver and arguments, and
/// the expressions that gave a local, field or property its value. Works on syntax bound with the site's own semantic
/// model, because the operations the flow engine hands over come from a control-flow graph, where receivers and
/// arguments may be flow captures; syntax in other files is read without binding (literals only).
/// </summary>
internal static class SinkSites
{
    private const int MaxDepth = 4;

    // Every vendor or storage site of a type reads the same type declaration for assignments; the index is syntax only,
    // so it is kept with the (immutable) node and shared by every compilation that holds the tree.
    private static readonly ConditionalWeakTable<SyntaxNode, AssignmentIndex> Assignments = new();

    /// <summary>The method, property or type whose code contains <paramref name="site"/> (lambdas and local functions skipped).</summary>
    public static ISymbol? EnclosingMember(IOperation site, SemanticModel? model)
    {
        if (model is null || model.SyntaxTree != site.Syntax.SyntaxTree)
        {
            return null;
        }

        var symbol = model.GetEnclosingSymbol(site.Syntax.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    /// <summary>The value passed as parameter <paramref name="ordinal"/> at an invocation or object creation.</summary>
    public static IOperation? Argument(IOperation site, int ordinal)
    {
        var arguments = site switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The value passed to the parameter named <paramref name="name"/>.</summary>
    public static IOperation? Argument(IOperation site, string name)
    {
        var method = site switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        return method?.Parameters.FirstOrDefault(p => p.Name == name) is { } parameter ? Argument(site, parameter.Ordinal) : null;
    }

    /// <summary>The object a call is made on: the instance, or the first argument of an extension method; the instance of a property.</summary>
    public static ExpressionSyntax? ReceiverSyntax(IOperation site)
    {
        var receiver = site switch
        {
            IInvocationOperation { Instance: { } instance } => instance,
            IInvocationOperation { TargetMethod.IsExtensionMethod: true } invocation => Argument(invocation, 0),
            IPropertyReferenceOperation { Instance: { } instance } => instance,
            _ => null,
        };

        if (receiver is null || receiver.IsImplicit)
        {
            // Implicit receivers (this, an object initializer's target) are found from the syntax of the access.
            return site.Syntax switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
                MemberAccessExpressionSyntax access => access.Expression,
                _ => null,
            };
        }

        return receiver.Syntax as ExpressionSyntax;
    }

    /// <summary>The type of a receiver expression, from the site's model.</summary>
    public static ITypeSymbol? TypeOf(ExpressionSyntax? expression, SemanticModel? model) =>
        expression is null || model is null || expression.SyntaxTree != model.SyntaxTree ? null : model.GetTypeInfo(expression).Type;

    /// <summary>
    /// The expressions that may have produced the value of <paramref name="expression"/>: the expression itself, and when
    /// it names a local, field or property of this compilation, its initializer and every value assigned to it (in the
    /// enclosing member for a local, in the containing type for a member), followed transitively.
    /// </summary>
    public static IEnumerable<BoundExpression> Origins(ExpressionSyntax expression, SemanticModel? model) =>
        Origins(new BoundExpression(expression, model), 0);

    /// <summary>The values assigned to <c>x.Member</c> where <c>x</c> is one of <paramref name="expression"/>'s names.</summary>
    public static IEnumerable<BoundExpression> MemberAssignments(ExpressionSyntax expression, SemanticModel? model, string member)
    {
        var bound = new BoundExpression(Unwrap(expression), model);
        if (bound.Symbol() is not { } symbol || Scopes(symbol, bound) is not { } scopes)
        {
            yield break;
        }

        foreach (var (scope, scopeModel) in scopes)
        {
            foreach (var assignment in IndexOf(scope).ToMember(member))
            {
                if (Names(((MemberAccessExpressionSyntax)assignment.Left).Expression, symbol, scopeModel))
                {
                    yield return new BoundExpression(assignment.Right, scopeModel);
                }
            }
        }
    }

    /// <summary>A string constant: a literal, a constant, or (with <paramref name="prefixOnly"/>) the literal start of an interpolation or concatenation.</summary>
    public static string? ConstantText(BoundExpression value, out bool prefixOnly)
    {
        prefixOnly = false;
        var expression = Unwrap(value.Expression);
        if (value.Model is { } model && model.GetConstantValue(expression) is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case InterpolatedStringExpressionSyntax interpolated:
                return ConstantPrefix(interpolated, value.Model, out prefixOnly);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                prefixOnly = true;
                return ConstantText(new BoundExpression(binary.Left, value.Model), out _);
            default:
                return null;
        }
    }

    /// <summary>The text and constant holes an interpolation starts with (<c>$"{Api}/patrons/{card}"</c> starts with Api's value).</summary>
    private static string? ConstantPrefix(InterpolatedStringExpressionSyntax interpolated, SemanticModel? model, out bool prefixOnly)
    {
        var text = new System.Text.StringBuilder();
        prefixOnly = false;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax literal)
            {
                text.Append(literal.TextToken.ValueText);
                continue;
            }

            if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole &&
                model?.GetConstantValue(hole.Expression) is { HasValue: true, Value: string constant })
            {
                text.Append(constant);
                continue;
            }

            prefixOnly = true;
            break;
        }

        return text.Length == 0 ? null : text.ToString();
    }

    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    break;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The arguments of an object creation (explicit or target-typed) or invocation syntax.</summary>
    public static SeparatedSyntaxList<ArgumentSyntax> ArgumentsOf(ExpressionSyntax expression) => expression switch
    {
        BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
        InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
        _ => default,
    };

    /// <summary>The value given to <paramref name="member"/> in an object initializer of <paramref name="expression"/>.</summary>
    public static ExpressionSyntax? InitializerValue(ExpressionSyntax expression, string member)
    {
        if (expression is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            foreach (var assignment in initializer.Expressions.OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == member)
                {
                    return assignment.Right;
                }
            }
        }

        return null;
    }

    /// <summary>The simple name of a created type or called method (<c>new StreamWriter(...)</c>, <c>File.CreateText(...)</c>).</summary>
    public static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        ObjectCreationExpressionSyntax creation => SimpleName(creation.Type),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: SimpleNameSyntax name } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The receiver's name of a called method (<c>File</c> in <c>File.CreateText(...)</c>).</summary>
    public static string? CalledOn(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? SimpleName(access.Expression) : null;

    private static string? SimpleName(ExpressionSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static IEnumerable<BoundExpression> Origins(BoundExpression value, int depth)
    {
        var expression = Unwrap(value.Expression);
        var unwrapped = new BoundExpression(expression, value.Model);
        yield return unwrapped;
        if (depth >= MaxDepth || expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            yield break;
        }

        if (unwrapped.Symbol() is not { } symbol || Scopes(symbol, unwrapped) is not { } scopes)
        {
            yield break;
        }

        foreach (var assigned in Assigned(symbol, scopes))
        {
            foreach (var origin in Origins(assigned, depth + 1))
            {
                yield return origin;
            }
        }
    }

    /// <summary>Initializers of, and values assigned to, <paramref name="symbol"/> within <paramref name="scopes"/>.</summary>
    private static IEnumerable<BoundExpression> Assigned(ISymbol symbol, IEnumerable<(SyntaxNode Scope, SemanticModel? Model)> scopes)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            var initializer = declaration switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };

            if (initializer is not null)
            {
                yield return new BoundExpression(initializer, scopes.FirstOrDefault(s => s.Scope.SyntaxTree == initializer.SyntaxTree).Model);
            }
        }

        foreach (var (scope, model) in scopes)
        {
            foreach (var assignment in IndexOf(scope).ToName(symbol.Name))
            {
                if (Names(assignment.Left, symbol, model))
                {
                    yield return new BoundExpression(assignment.Right, model);
                }
            }
        }
    }

    /// <summary>Where values of <paramref name="symbol"/> may be assigned: the enclosing member for a local, the containing type for a member.</summary>
    private static IEnumerable<(SyntaxNode Scope, SemanticModel? Model)>? Scopes(ISymbol symbol, BoundExpression use)
    {
        switch (symbol)
        {
            case ILocalSymbol:
                var body = use.Expression.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or
                    LocalFunctionStatementSyntax or PropertyDeclarationSyntax or GlobalStatementSyntax);
                return body is null ? null : [(body, use.Model)];
            case IFieldSymbol or IPropertySymbol when symbol.ContainingType is { } type && !symbol.DeclaringSyntaxReferences.IsEmpty:
                return type.DeclaringSyntaxReferences
                    .Select(r => (r.GetSyntax(), use.Model is { } model && model.SyntaxTree == r.SyntaxTree ? model : null))
                    .ToList();
            default:
                return null;
        }
    }

    private static AssignmentIndex IndexOf(SyntaxNode scope) => Assignments.GetValue(scope, static s => new AssignmentIndex(s));

    /// <summary>The name <paramref name="expression"/> stands for when it is a plain name or <c>this.Name</c>.</summary>
    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Whether <paramref name="expression"/> names <paramref name="symbol"/> (bound when the model is known, else by name).</summary>
    private static bool Names(ExpressionSyntax expression, ISymbol symbol, SemanticModel? model)
    {
        if (NameOf(expression) != symbol.Name)
        {
            return false;
        }

        return model is null
            ? symbol is not ILocalSymbol
            : SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression).Symbol?.OriginalDefinition, symbol.OriginalDefinition);
    }
}

/// <summary>
/// The simple assignments (<c>=</c>) inside one declaration, in document order, by the name they assign: a plain name or
/// <c>this.Name</c> (<see cref="ToName"/>), and <c>x.Name</c> for any <c>x</c> (<see cref="ToMember"/>).
/// </summary>
internal sealed class AssignmentIndex
{
    private static readonly List<AssignmentExpressionSyntax> None = [];

    private readonly Dictionary<string, List<AssignmentExpressionSyntax>> _toName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AssignmentExpressionSyntax>> _toMember = new(StringComparer.Ordinal);

    public AssignmentIndex(SyntaxNode scope)
    {
        foreach (var node in scope.DescendantNodes())
        {
            if (node is not AssignmentExpressionSyntax assignment || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                continue;
            }

            var left = assignment.Left;
            if (left is IdentifierNameSyntax identifier)
            {
                Add(_toName, identifier.Identifier.ValueText, assignment);
            }
            else if (left is MemberAccessExpressionSyntax access)
            {
                if (access.Expression is ThisExpressionSyntax)
                {
                    Add(_toName, access.Name.Identifier.ValueText, assignment);
                }

                Add(_toMember, access.Name.Identifier.ValueText, assignment);
            }
        }
    }

    /// <summary>Assignments whose target is <c>name</c> or <c>this.name</c>.</summary>
    public List<AssignmentExpressionSyntax> ToName(string name) => _toName.TryGetValue(name, out var found) ? found : None;

    /// <summary>Assignments whose target is <c>x.member</c>.</summary>
    public List<AssignmentExpressionSyntax> ToMember(string member) => _toMember.TryGetValue(member, out var found) ? found : None;

    private static void Add(Dictionary<string, List<AssignmentExpressionSyntax>> map, string name, AssignmentExpressionSyntax assignment)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        list.Add(assignment);
    }
}

/// <summary>An expression with the semantic model of its tree, or <see langword="null"/> when it is in another file.</summary>
internal readonly struct BoundExpression(ExpressionSyntax expression, SemanticModel? model)
{
    public ExpressionSyntax Expression { get; } = expression;

    public SemanticModel? Model { get; } = model is not null && model.SyntaxTree == expression.SyntaxTree ? model : null;

    public ISymbol? Symbol() => Model?.GetSymbolInfo(Expression).Symbol;
}
