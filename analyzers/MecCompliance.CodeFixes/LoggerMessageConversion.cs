using System.Text;
using System.Text.RegularExpressions;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace MecCompliance.CodeFixes;

/// <summary>
/// Turns <c>logger.LogX("template", args)</c> (or an interpolated message) into a call of a new
/// <c>[LoggerMessage] static partial void</c> method whose classified values are classified parameters. The logging
/// generator of Microsoft.Extensions.Telemetry then redacts them with the redactors registered for their classes,
/// which is the path DESIGN §5 sanctions, and the call costs no boxing or template parsing at run time.
/// </summary>
internal static class LoggerMessageConversion
{
    private const string LoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";
    private const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";

    /// <summary>
    /// Defined by Microsoft.Extensions.Telemetry.Abstractions, whose generator honours classification attributes on
    /// <c>[LoggerMessage]</c> parameters. The stock generator ignores them and would log the value in clear text, so
    /// without it the conversion is not offered.
    /// </summary>
    private const string RedactingGeneratorMarker = "Microsoft.Extensions.Logging.LogPropertiesAttribute";

    private static readonly Regex Placeholder = new(@"(?<!\{)\{(?!\{)(?<name>[^{}:,]+)(?<format>[,:][^{}]*)?\}", RegexOptions.CultureInvariant);

    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static bool IsAvailable(Compilation compilation) =>
        compilation.GetTypeByMetadataName(LoggerMessageAttribute) is not null &&
        compilation.GetTypeByMetadataName(RedactingGeneratorMarker) is not null;

    /// <summary>Rewrites every convertible logging call that contains one of <paramref name="diagnostics"/>.</summary>
    public static async Task<Document> ApplyAsync(Document document, IReadOnlyCollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var calls = new List<LogCall>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var invocation in diagnostics.Select(d => InvocationAt(root, model, d.Location.SourceSpan, cancellationToken)).OfType<InvocationExpressionSyntax>().Distinct())
        {
            if (TryRead(invocation, model, diagnostics, taken, cancellationToken) is { } call)
            {
                calls.Add(call);
            }
        }

        if (calls.Count == 0)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var call in calls)
        {
            editor.ReplaceNode(call.Invocation, call.Replacement.WithTriviaFrom(call.Invocation));
        }

        // At the end of the type, in source order: a fix applied call by call and Fix All give the same file. Each
        // generated method is set off by a blank line, like any other member.
        var blankLine = await MemberClassification.EndOfLineAsync(document, root, cancellationToken).ConfigureAwait(false);
        foreach (var call in calls.OrderBy(c => c.Invocation.SpanStart))
        {
            var method = call.Method.WithLeadingTrivia(blankLine).WithTrailingTrivia(blankLine);
            editor.ReplaceNode(call.ContainingType, (current, _) => ((TypeDeclarationSyntax)current).AddMembers(method));
        }

        foreach (var type in calls.SelectMany(c => c.ContainingType.AncestorsAndSelf().OfType<TypeDeclarationSyntax>()).Distinct())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                editor.SetModifiers(type, editor.Generator.GetModifiers(type).WithPartial(true));
            }
        }

        var changed = editor.GetChangedDocument();
        var changedRoot = (CompilationUnitSyntax)(await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;

        var needsUsing = calls.SelectMany(c => c.Attributes).Distinct().Any(a => !MemberClassification.Resolves(model, calls[0].Invocation.SpanStart, a));
        return needsUsing ? changed.WithSyntaxRoot(MemberClassification.WithUsing(changedRoot, blankLine)) : changed;
    }

    /// <summary>The logging call around a finding; the value itself may be a call (<c>patron.CardNumber.Trim()</c>).</summary>
    private static InvocationExpressionSyntax? InvocationAt(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken) =>
        root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => model.GetSymbolInfo(i, cancellationToken).Symbol is IMethodSymbol method &&
                                 (method.ReducedFrom ?? method).ContainingType.HasFullName(LoggerExtensions));

    /// <summary>Whether the call containing <paramref name="span"/> can be converted (what the light bulb offers).</summary>
    public static bool CanConvert(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        InvocationAt(root, model, diagnostic.Location.SourceSpan, cancellationToken) is { } invocation &&
        TryRead(invocation, model, [diagnostic], new HashSet<string>(StringComparer.Ordinal), cancellationToken) is not null;

    private static LogCall? TryRead(InvocationExpressionSyntax invocation, SemanticModel model, IReadOnlyCollection<Diagnostic> diagnostics, HashSet<string> taken, CancellationToken cancellationToken)
    {
        // logger?.LogX(...) cannot become a static call without changing when it runs; leave it to the developer.
        if (invocation.Expression is MemberBindingExpressionSyntax ||
            model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation ||
            !operation.TargetMethod.ContainingType.HasFullName(LoggerExtensions) ||
            invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax containingType } ||
            containingType is InterfaceDeclarationSyntax)
        {
            return null;
        }

        string? level = operation.TargetMethod.Name.Length > 3 ? operation.TargetMethod.Name.Substring(3) : null;
        ExpressionSyntax? logger = null;
        ExpressionSyntax? exception = null;
        int? eventId = null;
        string? template = null;
        var values = new List<(string Name, ExpressionSyntax Value, IOperation Operation)>();
        foreach (var argument in operation.Arguments)
        {
            var value = argument.Value;
            switch (argument.Parameter?.Name)
            {
                case "logger":
                    logger = value.Syntax as ExpressionSyntax;
                    break;
                case "logLevel" when value.ConstantValue is { HasValue: true, Value: int constant } && constant >= 0 && constant < Levels.Length:
                    level = Levels[constant];
                    break;
                case "eventId" when value is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: int id } }:
                    eventId = id;
                    break;
                case "exception":
                    exception = value.Syntax as ExpressionSyntax;
                    break;
                case "message" when value.ConstantValue is { HasValue: true, Value: string text }:
                    template = text;
                    break;
                case "message" when value is IInterpolatedStringOperation interpolated:
                    template = TemplateOf(interpolated, values);
                    break;
                case "args" when argument.ArgumentKind == ArgumentKind.ParamArray && value is IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        var original = element is IConversionOperation { IsImplicit: true } boxing ? boxing.Operand : element;
                        values.Add((string.Empty, (ExpressionSyntax)original.Syntax, original));
                    }

                    break;
                default:
                    // A non-constant level, event id or message, or args passed as an array: not a template we can lift.
                    return null;
            }
        }

        if (logger is null || template is null || level is null || Array.IndexOf(Levels, level) < 0)
        {
            return null;
        }

        var placeholders = Placeholder.Matches(template).Cast<Match>().Select(m => m.Groups["name"].Value.TrimStart('@')).ToList();
        if (placeholders.Count != values.Count || placeholders.Any(p => !SyntaxFacts.IsValidIdentifier(p)))
        {
            return null;
        }

        var symbols = ComplianceSymbols.TryCreate(model.Compilation);
        var parameters = new List<ParameterSyntax>();
        var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(logger.WithoutTrivia()) };
        var attributes = new List<string>();
        var parameterNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "logger" };
        parameters.Add(Parameter("logger", SyntaxFactory.IdentifierName("ILogger"), []));
        if (exception is not null)
        {
            parameterNames.Add("exception");
            parameters.Add(Parameter("exception", SyntaxFactory.ParseTypeName(Resolves(model, invocation.SpanStart, "System", "Exception") ? "Exception" : "System.Exception"), []));
            arguments.Add(SyntaxFactory.Argument(exception.WithoutTrivia()));
        }

        var classes = ClassesOf(values.Select(v => (v.Value, v.Operation)).ToList(), diagnostics, symbols);
        for (var i = 0; i < values.Count; i++)
        {
            var (_, value, valueOperation) = values[i];
            var type = valueOperation.Type;
            if (type is null || type.IsAnonymousType || type.TypeKind is TypeKind.Error or TypeKind.Dynamic || UsesMethodTypeParameter(type))
            {
                return null;
            }

            // The generator binds parameters to placeholders by name, ignoring case.
            var name = char.ToLowerInvariant(placeholders[i][0]) + placeholders[i].Substring(1);
            if (!parameterNames.Add(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            {
                return null;
            }

            var names = AttributeNames(classes[i]);
            attributes.AddRange(names);
            parameters.Add(Parameter(name, SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, invocation.SpanStart)), names));
            arguments.Add(SyntaxFactory.Argument(value.WithoutTrivia()));
        }

        var methodName = UniqueName(MethodNameFor(template), model.GetDeclaredSymbol(containingType, cancellationToken), taken);
        var method = LoggerMessageMethod(methodName, level, eventId, template, parameters);
        var replacement = SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(methodName), SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
        return new LogCall(invocation, containingType, replacement, method, attributes);
    }

    /// <summary>A type the generated method, which is not generic, could not name (<c>T</c> of the calling method).</summary>
    private static bool UsesMethodTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol parameter => parameter.TypeParameterKind == TypeParameterKind.Method,
        IArrayTypeSymbol array => UsesMethodTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(UsesMethodTypeParameter),
        _ => false,
    };

    /// <summary>The template of an interpolated message: each hole becomes a placeholder named after what it reads.</summary>
    private static string? TemplateOf(IInterpolatedStringOperation interpolated, List<(string Name, ExpressionSyntax Value, IOperation Operation)> values)
    {
        var template = new StringBuilder();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }:
                    template.Append(text.Replace("{", "{{").Replace("}", "}}"));
                    break;
                case IInterpolationOperation { Alignment: null } hole:
                    var name = HoleName(hole.Expression.Syntax);
                    var unique = name;
                    for (var n = 2; !used.Add(unique); n++)
                    {
                        unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    template.Append('{').Append(unique);
                    if (hole.FormatString?.ConstantValue is { HasValue: true, Value: string format })
                    {
                        template.Append(':').Append(format);
                    }

                    template.Append('}');
                    var original = hole.Expression is IConversionOperation { IsImplicit: true } boxing ? boxing.Operand : hole.Expression;
                    values.Add((unique, (ExpressionSyntax)original.Syntax, original));
                    break;
                default:
                    return null;
            }
        }

        return template.ToString();
    }

    private static string HoleName(SyntaxNode expression)
    {
        var name = expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } => call.Name.Identifier.ValueText,
            _ => "Value",
        };
        name = name.TrimStart('_');
        return name.Length == 0 ? "Value" : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>
    /// The classes each value's parameter must declare. The classes a value's own reads declare come first. A finding
    /// on exactly one value adds its classes to that value. A finding spanning several values (an interpolated message)
    /// that no read explains, a value carried by a local, classifies every value it spans: redacting one value too many
    /// is safe, logging one in clear text is not.
    /// </summary>
    private static DataClass[] ClassesOf(List<(ExpressionSyntax Value, IOperation Operation)> values, IEnumerable<Diagnostic> diagnostics, ComplianceSymbols? symbols)
    {
        var classes = values.Select(v => symbols is null ? DataClass.None : DeclaredBy(v.Operation, symbols) & DataClassExtensions.Protected).ToArray();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var reported = Reported(diagnostic);
            var spanned = Enumerable.Range(0, values.Count).Where(i => span.IntersectsWith(values[i].Value.Span)).ToList();
            if (spanned.Count == 1 || (spanned.Count > 1 && spanned.All(i => classes[i] == DataClass.None)))
            {
                foreach (var i in spanned)
                {
                    classes[i] |= reported;
                }
            }
        }

        return classes;
    }

    private static DataClass DeclaredBy(IOperation operation, ComplianceSymbols symbols)
    {
        var classes = symbols.ContentsOf(operation.Type);
        foreach (var read in operation.DescendantsAndSelf())
        {
            classes |= read switch
            {
                IPropertyReferenceOperation p => symbols.ClassOf(p.Property),
                IFieldReferenceOperation f => symbols.ClassOf(f.Field),
                IParameterReferenceOperation p => symbols.ClassOf(p.Parameter),
                _ => DataClass.None,
            };
        }

        return classes;
    }

    private static DataClass Reported(Diagnostic diagnostic)
    {
        var classes = DataClass.None;
        if (diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Classification, out var reported) && reported is not null)
        {
            foreach (var name in reported.Split(','))
            {
                classes |= name.Trim() switch
                {
                    "PatronRecord" => DataClass.PatronRecord,
                    "PersonalData" => DataClass.PersonalData,
                    _ => DataClass.None,
                };
            }
        }

        return classes;
    }

    private static List<string> AttributeNames(DataClass classes)
    {
        var result = new List<string>(2);
        if ((classes & DataClass.PatronRecord) != 0)
        {
            result.Add("PatronRecord");
        }

        if ((classes & DataClass.PersonalData) != 0)
        {
            result.Add("PersonalData");
        }

        return result;
    }

    private static ParameterSyntax Parameter(string name, TypeSyntax type, IReadOnlyList<string> attributes)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(type);
        if (attributes.Count == 0)
        {
            return parameter;
        }

        var list = SyntaxFactory.AttributeList(SyntaxFactory.SeparatedList(attributes.Select(a => SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(a)))));
        return parameter.WithAttributeLists(SyntaxFactory.SingletonList(list));
    }

    /// <summary>Log + the first words of the message: "Checked out for {Card}" gives LogCheckedOutFor.</summary>
    private static string MethodNameFor(string template)
    {
        var text = Placeholder.Replace(template, " ");
        var words = Regex.Matches(text, "[A-Za-z][A-Za-z0-9]*").Cast<Match>().Select(m => m.Value).Take(4)
            .Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1));
        var name = "Log" + string.Concat(words);
        return name == "Log" ? "LogMessage" : name;
    }

    private static string UniqueName(string name, ISymbol? containingType, HashSet<string> taken)
    {
        var existing = containingType is INamedTypeSymbol type ? new HashSet<string>(type.MemberNames, StringComparer.Ordinal) : [];
        var unique = name;
        for (var n = 2; existing.Contains(unique) || !taken.Add(unique); n++)
        {
            unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static MethodDeclarationSyntax LoggerMessageMethod(string name, string level, int? eventId, string template, List<ParameterSyntax> parameters)
    {
        var arguments = new List<AttributeArgumentSyntax>();
        if (eventId is { } id)
        {
            arguments.Add(Named("EventId", SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(id))));
        }

        arguments.Add(Named("Level", SyntaxFactory.ParseExpression("LogLevel." + level)));
        arguments.Add(Named("Message", SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(template))));

        // No accessibility: an implicitly private partial void method, which the generator implements.
        return SyntaxFactory.MethodDeclaration(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)), name)
            .WithAttributeLists(SyntaxFactory.SingletonList(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("LoggerMessage"), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)))))))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.StaticKeyword), SyntaxFactory.Token(SyntaxKind.PartialKeyword)))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters)))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static AttributeArgumentSyntax Named(string name, ExpressionSyntax value) =>
        SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, value);

    private static bool Resolves(SemanticModel model, int position, string ns, string type) =>
        model.LookupNamespacesAndTypes(position, name: type).Any(s => s.ContainingNamespace?.ToDisplayString() == ns);

    private sealed class LogCall(InvocationExpressionSyntax invocation, TypeDeclarationSyntax containingType, ExpressionSyntax replacement, MethodDeclarationSyntax method, List<string> attributes)
    {
        public InvocationExpressionSyntax Invocation { get; } = invocation;

        public TypeDeclarationSyntax ContainingType { get; } = containingType;

        public ExpressionSyntax Replacement { get; } = replacement;

        public MethodDeclarationSyntax Method { get; } = method;

        public List<string> Attributes { get; } = attributes;
    }
}
