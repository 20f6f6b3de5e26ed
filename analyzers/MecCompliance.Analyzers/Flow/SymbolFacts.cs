using System.Collections.Concurrent;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The symbol questions the flow engine asks about one compilation (declared classes, whole-object content, custom
/// <c>ToString</c>, bodies, sanitizers), answered from the compilation alone and memoised: read-only to the engine and
/// safe to share between threads. The registry of analysed methods is <see cref="FlowSession"/>'s business.
/// </summary>
internal sealed class SymbolFacts
{
    private readonly ConcurrentDictionary<ISymbol, bool> _hasBody;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _sanitizers;
    private readonly ConcurrentDictionary<ITypeSymbol, IMethodSymbol?> _toString;
    private readonly Lazy<INamedTypeSymbol?> _redactor;
    private readonly Lazy<SinkCatalog> _sinks;
    private readonly Lazy<ReferencedSummaries> _referenced;

    internal SymbolFacts(Compilation compilation, ComplianceSymbols symbols)
    {
        Compilation = compilation;
        Symbols = symbols;
        _hasBody = SymbolCache.Create<ISymbol, bool>(compilation, SymbolEqualityComparer.Default, perFile: 2);
        _sanitizers = SymbolCache.Create<IMethodSymbol, bool>(compilation, SymbolEqualityComparer.Default, perFile: 4);
        _toString = SymbolCache.Create<ITypeSymbol, IMethodSymbol?>(compilation, SymbolEqualityComparer.Default, perFile: 2);
        // Resolved on first use, inside the first analysed body: at compilation start nothing has asked the compiler
        // for its symbols yet, and the first lookup would pay for building them.
        _sinks = new Lazy<SinkCatalog>(() => SinkCatalog.Create(compilation, symbols), LazyThreadSafetyMode.ExecutionAndPublication);
        _referenced = new Lazy<ReferencedSummaries>(() => new ReferencedSummaries(this), LazyThreadSafetyMode.ExecutionAndPublication);
        _redactor = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Redaction.Redactor"), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    public ComplianceSymbols Symbols { get; }

    /// <summary>The flow summaries referenced assemblies built with MecCompliance carry (read on first use).</summary>
    public ReferencedSummaries Referenced => _referenced.Value;

    /// <summary>
    /// Whether a call to <paramref name="method"/> is followed into a summary: its body is here, or its assembly carries
    /// its summary.
    /// </summary>
    public bool IsFollowed(IMethodSymbol method) => IsInCompilation(method) || Referenced.Has(SummaryKey(method));

    /// <summary>The sink catalogue of this compilation.</summary>
    public SinkCatalog Sinks => _sinks.Value;

    /// <summary>Classes read directly from <paramref name="symbol"/>: its own attributes and its containing type's.</summary>
    public DataClass DeclaredClasses(ISymbol symbol)
    {
        // Not cached here: both parts are (a second cache in front of them cost more than it saved).
        var classes = Symbols.DeclaredOn(symbol);
        if (symbol is IFieldSymbol or IPropertySymbol && !symbol.IsImplicitlyDeclared && symbol.ContainingType is { } container)
        {
            classes |= Symbols.ClassOfType(container);
        }

        return classes;
    }

    /// <summary>What an object of <paramref name="type"/> carries when it is logged or sent whole.</summary>
    public DataClass WholeObjectClasses(ITypeSymbol? type) =>
        type is null || type.SpecialType == SpecialType.System_String || TypeShapes.IsMeasure(type) ? DataClass.None : Symbols.ContentsOf(type);

    /// <summary>
    /// The <c>ToString</c> a type of this compilation declares itself (not a record's synthesized one), searched up its
    /// base types; <see langword="null"/> when it prints whatever the framework or compiler prints.
    /// </summary>
    public IMethodSymbol? CustomToString(ITypeSymbol type) => _toString.TryGetValue(type, out var known) ? known : _toString.GetOrAdd(type, FindCustomToString(type));

    private IMethodSymbol? FindCustomToString(ITypeSymbol t)
    {
        for (var current = t as INamedTypeSymbol; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0, IsOverride: true, IsImplicitlyDeclared: false } method && IsInCompilation(method))
                {
                    return method;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="symbol"/> is declared in this compilation's source (so it has a summary or a declaration to fix).</summary>
    public bool IsInCompilation(ISymbol symbol) =>
        // The assembly first: the locations of a library or constructed member are built anew on every call.
        // (an explicit declaration of this assembly is always in its source: only implicit ones need their locations read).
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly) &&
        (!symbol.IsImplicitlyDeclared || (symbol.Locations is { Length: > 0 } locations && locations[0].IsInSource));

    /// <summary>The symbol summaries are stored under: the original definition, the implementation of a partial method.</summary>
    public IMethodSymbol SummaryKey(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        return method.PartialImplementationPart ?? method;
    }

    /// <summary>Whether a property of this compilation computes its value (an accessor with a body) rather than storing it.</summary>
    public bool HasBody(IPropertySymbol property) =>
        IsInCompilation(property) && (_hasBody.TryGetValue(property, out var known) ? known : _hasBody.GetOrAdd(property, ComputesValue(property)));

    private bool ComputesValue(IPropertySymbol p)
    {
        if (!IsInCompilation(p) || p.IsAbstract)
        {
            return p.IsAbstract && IsInCompilation(p);
        }

        foreach (var reference in p.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BasePropertyDeclarationSyntax declaration)
            {
                if (declaration is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: not null } or
                    Microsoft.CodeAnalysis.CSharp.Syntax.IndexerDeclarationSyntax { ExpressionBody: not null })
                {
                    return true;
                }

                if (declaration.AccessorList is { } accessors && accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Sanitizers, by declaration only (DESIGN §5): <c>[Redacts]</c> methods (and their overrides), and
    /// <c>Redactor.Redact</c>, which every redactor from <c>IRedactorProvider</c> implements. Never a method chosen by name alone.
    /// </summary>
    public bool IsSanitizer(IMethodSymbol method)
    {
        // Only Redactor.Redact can make a library method a sanitizer; [Redacts] needs an assembly that can see it.
        if (!Symbols.MayDeclare(method))
        {
            return IsRedactor(method);
        }

        return _sanitizers.TryGetValue(method, out var known) ? known : _sanitizers.GetOrAdd(method, IsRedactsOrRedactor(method));
    }

    private bool IsRedactsOrRedactor(IMethodSymbol m)
    {
        for (var current = m.OriginalDefinition; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass.HasFullName(MetadataNames.RedactsAttribute))
                {
                    return true;
                }
            }
        }

        return IsRedactor(m);
    }

    private bool IsRedactor(IMethodSymbol m)
    {
        if (m.Name == "Redact" && !m.ReturnsVoid && TypeShapes.IsString(m.ReturnType) && _redactor.Value is { } redactor)
        {
            for (var type = m.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, redactor))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
