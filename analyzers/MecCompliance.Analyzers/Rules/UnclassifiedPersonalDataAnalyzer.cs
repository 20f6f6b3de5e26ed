using MecCompliance.Analyzers.Naming;
using MecCompliance.Analyzers.Options;
using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Rules;

/// <summary>
/// MEC005: a property, field or parameter whose name says personal data (<c>Email</c>, <c>PhoneNumber</c>,
/// <c>DateOfBirth</c>, <c>CardNumber</c> …) but that carries no classification, so no other rule protects it.
/// </summary>
/// <remarks>
/// Reported once, where the classification belongs: on the base member rather than on overrides and implementations,
/// on a record's positional parameter rather than on its property, never inside a classified type or a configuration
/// class. Only members whose type can hold the data count (no booleans, enums, sockets or services).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnclassifiedPersonalDataAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.MEC005_UnclassifiedPersonalData);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Whether anything can be classified is asked on the first symbol, not at compilation start: there, reading
            // the references would make this rule pay for the compiler's own reference binding.
            var analyzer = new AnalyzerContext(start.Compilation, new ComplianceOptions(start.Options.AnalyzerConfigOptionsProvider));
            start.RegisterSymbolAction(analyzer.AnalyzeMember, SymbolKind.Property, SymbolKind.Field);
            start.RegisterSymbolAction(analyzer.AnalyzeParameters, SymbolKind.Method);
        });
    }

    private sealed class AnalyzerContext(Compilation compilation, ComplianceOptions options)
    {
        // The compilation's shared symbols, looked up once (on the first symbol): null when nothing can be classified.
        private readonly Lazy<ComplianceSymbols?> _symbols = new(() => ComplianceSymbols.For(compilation), LazyThreadSafetyMode.PublicationOnly);

        // Valid once IsActive said yes.
        private ComplianceSymbols Symbols => _symbols.Value!;

        private bool IsActive => _symbols.Value is not null;

        private static readonly HashSet<string> ConfigurationTypeSuffixes = new(StringComparer.Ordinal)
        {
            "settings", "options", "configuration", "config", "constants", "defaults",
        };

        public void AnalyzeMember(SymbolAnalysisContext context)
        {
            if (!IsActive)
            {
                return;
            }

            var member = context.Symbol;
            ITypeSymbol type;
            string kind;
            switch (member)
            {
                case IPropertySymbol { IsIndexer: false } property:
                    type = property.Type;
                    kind = "Property";
                    break;
                case IFieldSymbol field when !field.IsConst && field.AssociatedSymbol is null &&
                                             field.ContainingType.TypeKind != TypeKind.Enum && !(field.IsStatic && field.IsReadOnly):
                    type = field.Type;
                    kind = "Field";
                    break;
                default:
                    return;
            }

            if (member.IsImplicitlyDeclared || !TryMatch(member, type, out var phrase) ||
                IsExempt(member.ContainingType) ||
                Symbols.ClassOf(member) != DataClass.None || Symbols.ContentsOf(type) != DataClass.None ||
                (member is IPropertySymbol positional && ComplianceSymbols.PositionalParameterOf(positional) is not null) ||
                InheritsItsDeclaration(member))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MEC005_UnclassifiedPersonalData, member.Locations[0], SuggestedClassification(phrase), kind, member.Name, phrase));
        }

        public void AnalyzeParameters(SymbolAnalysisContext context)
        {
            if (!IsActive)
            {
                return;
            }

            var method = (IMethodSymbol)context.Symbol;
            if (method.Parameters.IsEmpty || method.IsImplicitlyDeclared ||
                method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor) ||
                method.PartialDefinitionPart is not null ||
                ComplianceSymbols.IsRedacts(method))
            {
                return;
            }

            bool? inherits = null;
            foreach (var parameter in method.Parameters)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (parameter.IsImplicitlyDeclared || !TryMatch(parameter, parameter.Type, out var phrase) ||
                    IsExempt(method.ContainingType) ||
                    Symbols.ClassOf(parameter) != DataClass.None || Symbols.ContentsOf(parameter.Type) != DataClass.None ||
                    NamesAClassifiedMember(parameter, method.ContainingType))
                {
                    continue;
                }

                inherits ??= InheritsItsDeclaration(method);
                if (inherits.Value)
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MEC005_UnclassifiedPersonalData, parameter.Locations[0], SuggestedClassification(phrase), "Parameter", parameter.Name, phrase));
            }
        }

        // For the code fix: a card, a patron or a borrower identifies a library record (RSMo 182.815), the strictest class.
        private static ImmutableDictionary<string, string?> SuggestedClassification(string phrase) =>
            phrase.Split(' ').Any(w => w is "card" or "patron" or "borrower") ? PatronRecordSuggestion : PersonalDataSuggestion;

        private static readonly ImmutableDictionary<string, string?> PatronRecordSuggestion =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.Classification, "PatronRecord");

        private static readonly ImmutableDictionary<string, string?> PersonalDataSuggestion =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.Classification, "PersonalData");

        private bool TryMatch(ISymbol symbol, ITypeSymbol type, out string phrase)
        {
            phrase = "";
            var locations = symbol.Locations; // built anew on each call for many source symbols
            if (locations.IsEmpty || !locations[0].IsInSource)
            {
                return false;
            }

            var vocabulary = options.VocabularyFor(locations[0].SourceTree);
            var match = vocabulary.Match(symbol.Name, out var phraseKind);
            if (match is null || !CanHold(type, phraseKind, vocabulary))
            {
                return false;
            }

            phrase = match;
            return true;
        }

        // A member can hold personal data only in a value type that can carry it: text for a name or an e-mail, also a
        // number for a phone or a card, a date for a birth date, or a value object named after the data (EmailAddress).
        private static bool CanHold(ITypeSymbol type, PhraseKind kind, PersonalDataVocabulary vocabulary)
        {
            type = ElementOf(ElementOf(type));
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                    return true;
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                    return (kind & PhraseKind.Number) != 0;
                case SpecialType.System_DateTime:
                    return (kind & PhraseKind.Date) != 0;
                case SpecialType.None:
                    break;
                default:
                    return false;
            }

            if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return false;
            }

            if (named.HasFullName("System.DateTimeOffset") || named.HasFullName("System.DateOnly"))
            {
                return (kind & PhraseKind.Date) != 0;
            }

            if (named.HasFullName("System.Guid"))
            {
                return (kind & PhraseKind.Number) != 0;
            }

            if (named.HasFullName("System.Net.Mail.MailAddress"))
            {
                return true;
            }

            return !IsFrameworkType(named) && vocabulary.Match(named.Name, out _) is not null;
        }

        private static ITypeSymbol ElementOf(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
                (generic.OriginalDefinition.SpecialType is SpecialType.System_Nullable_T or SpecialType.System_Collections_Generic_IEnumerable_T ||
                 generic.ContainingNamespace?.ToDisplayString().StartsWith("System.Collections", StringComparison.Ordinal) == true))
            {
                return generic.TypeArguments[0];
            }

            return type;
        }

        private static bool IsFrameworkType(INamedTypeSymbol type) =>
            type.ContainingAssembly is { } assembly &&
            (assembly.Name.StartsWith("System", StringComparison.Ordinal) || assembly.Name.StartsWith("Microsoft.", StringComparison.Ordinal) ||
             assembly.Name is "mscorlib" or "netstandard");

        // Members of a classified type are classified already; configuration classes hold deployment settings
        // (a support mailbox, an SMTP sender), not people's data.
        private bool IsExempt(INamedTypeSymbol? containingType)
        {
            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                if (Symbols.ClassOfType(type) != DataClass.None)
                {
                    return true;
                }

                var words = IdentifierWords.Split(type.Name);
                if (words.Length > 0 && ConfigurationTypeSuffixes.Contains(words[words.Length - 1]))
                {
                    return true;
                }
            }

            return false;
        }

        // The classification belongs on the member being overridden or implemented when that member is ours to edit
        // (in source) or already classified; reporting the implementation too would ask for the same fix twice.
        private bool InheritsItsDeclaration(ISymbol member)
        {
            var overridden = member switch
            {
                IPropertySymbol property => property.OverriddenProperty,
                IMethodSymbol method => method.OverriddenMethod,
                _ => (ISymbol?)null,
            };
            if (overridden is not null && (IsInSource(overridden) || Symbols.DeclaredOn(overridden) != DataClass.None))
            {
                return true;
            }

            var explicitImplementations = member switch
            {
                IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
                IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
                _ => ImmutableArray<ISymbol>.Empty,
            };
            if (!explicitImplementations.IsEmpty)
            {
                return true;
            }

            var type = member.ContainingType;
            if (type is null || member.IsStatic || member is IFieldSymbol || member is IMethodSymbol { MethodKind: MethodKind.Constructor })
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(member.Name))
                {
                    if (candidate.Kind == member.Kind &&
                        SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member) &&
                        (IsInSource(candidate) || Symbols.DeclaredOn(candidate) != DataClass.None))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsInSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

        // `Patron(string email) { Email = email; }`, `ChangeEmail(string email)`: the value lands in a member that is
        // classified already, so the parameter is plumbing, not a second declaration of the data.
        private bool NamesAClassifiedMember(IParameterSymbol parameter, INamedTypeSymbol? type)
        {
            var name = parameter.Name.TrimStart('_', '@');
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol &&
                        string.Equals(member.Name.TrimStart('_'), name, StringComparison.OrdinalIgnoreCase) &&
                        Symbols.ClassOf(member) != DataClass.None)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
