using System.Collections.Concurrent;

namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// What every rule needs to know about classifications, resolved once per compilation. Attributes are matched by full
/// metadata name, so a second definition of the same attribute in another assembly does not switch the rules off.
/// Thread-safe: callbacks run concurrently.
/// </summary>
internal sealed class ComplianceSymbols
{
    private const int MaxTypeDepth = 4;

    private const string AttributesAssemblyName = "MecCompliance.Attributes";

    private readonly ConcurrentDictionary<ISymbol, DataClass> _declared;
    private readonly ConcurrentDictionary<ITypeSymbol, DataClass> _typeClass;
    private readonly ConcurrentDictionary<ITypeSymbol, DataClass> _contents;
    private readonly ConcurrentDictionary<ITypeSymbol, TypeNode> _nodes;
    private readonly Lazy<HashSet<IAssemblySymbol>> _mayDeclare;

    private ComplianceSymbols(Compilation compilation)
    {
        Compilation = compilation;
        _mayDeclare = new Lazy<HashSet<IAssemblySymbol>>(() => AssembliesThatMayDeclare(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _declared = SymbolCache.Create<ISymbol, DataClass>(compilation, SymbolEqualityComparer.Default, perFile: 2);
        _typeClass = SymbolCache.Create<ITypeSymbol, DataClass>(compilation, SymbolEqualityComparer.Default, perFile: 4);
        _contents = SymbolCache.Create<ITypeSymbol, DataClass>(compilation, SymbolEqualityComparer.Default, perFile: 4);
        _nodes = SymbolCache.Create<ITypeSymbol, TypeNode>(compilation, SymbolEqualityComparer.Default, perFile: 4);
    }

    public Compilation Compilation { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Shared> SharedByCompilation = new();

    /// <summary>
    /// The symbols every analyzer of <paramref name="compilation"/> shares (with their caches), created once; <see
    /// langword="null"/> as for <see cref="TryCreate"/>.
    /// </summary>
    public static ComplianceSymbols? For(Compilation compilation) =>
        SharedByCompilation.GetValue(compilation, static c => new Shared(TryCreate(c))).Symbols;

    private sealed class Shared(ComplianceSymbols? symbols)
    {
        public ComplianceSymbols? Symbols { get; } = symbols;
    }

    /// <summary>
    /// The symbols for <paramref name="compilation"/>, or <see langword="null"/> when neither the MEC attributes nor any
    /// <c>DataClassificationAttribute</c> can be seen from it: then nothing can be classified and rules register nothing.
    /// </summary>
    public static ComplianceSymbols? TryCreate(Compilation compilation)
    {
        // The reference list first: looking a type up by name makes the compiler build its declarations, work this
        // check would otherwise pay for at compilation start.
        if (!ReferencesAttributesAssembly(compilation) &&
            compilation.GetTypeByMetadataName(MetadataNames.PersonalDataAttribute) is null &&
            compilation.GetTypeByMetadataName(MetadataNames.DataClassificationAttribute) is null)
        {
            return null;
        }

        return new ComplianceSymbols(compilation);
    }

    private static bool ReferencesAttributesAssembly(Compilation compilation)
    {
        foreach (var name in compilation.ReferencedAssemblyNames)
        {
            if (name.Name == AttributesAssemblyName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="symbol"/> may carry a classification, <c>[Redacts]</c>, <c>[Vendor]</c> or <c>[DataSink]</c> attribute, itself or through what
    /// it overrides or derives from: false for the symbols of framework and third-party assemblies, which are ruled out
    /// without reading their attributes or touching a cache.
    /// </summary>
    public bool MayDeclare(ISymbol symbol) => symbol.ContainingAssembly is not { } assembly || _mayDeclare.Value.Contains(assembly);

    // An assembly can apply a classification only if it defines the attribute or references an assembly that can (a
    // taxonomy assembly deriving from DataClassificationAttribute, a model assembly applying it), so the set is closed
    // over references. The compilation itself is always in it.
    private static HashSet<IAssemblySymbol> AssembliesThatMayDeclare(Compilation compilation)
    {
        var definers = new HashSet<string>(StringComparer.Ordinal) { AttributesAssemblyName };
        foreach (var name in new[]
                 {
                     MetadataNames.PersonalDataAttribute, MetadataNames.PatronRecordAttribute, MetadataNames.OrganizationalDataAttribute,
                     MetadataNames.DataClassificationAttribute, MetadataNames.RedactsAttribute, MetadataNames.VendorAttribute,
                     MetadataNames.DataSinkAttribute,
                 })
        {
            foreach (var type in compilation.GetTypesByMetadataName(name))
            {
                if (type.ContainingAssembly is { } assembly)
                {
                    definers.Add(assembly.Name);
                }
            }
        }

        var result = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default) { compilation.Assembly };
        var pending = compilation.SourceModule.ReferencedAssemblySymbols.ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var assembly = pending[i];
                if (definers.Contains(assembly.Name) || assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => definers.Contains(r.Name))))
                {
                    result.Add(assembly);
                    changed |= definers.Add(assembly.Name);
                    pending.RemoveAt(i);
                }
            }
        }

        return result;
    }

    /// <summary>The class an attribute type stands for: MEC attributes by name; any other classification is personal data.</summary>
    public static DataClass ClassOfAttribute(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.TypeKind == TypeKind.Error)
        {
            return DataClass.None;
        }

        if (attributeClass.HasFullName(MetadataNames.PatronRecordAttribute))
        {
            return DataClass.PatronRecord;
        }

        if (attributeClass.HasFullName(MetadataNames.PersonalDataAttribute))
        {
            return DataClass.PersonalData;
        }

        if (attributeClass.HasFullName(MetadataNames.OrganizationalDataAttribute))
        {
            return DataClass.OrganizationalData;
        }

        for (var type = attributeClass.BaseType; type is not null; type = type.BaseType)
        {
            if (type.HasFullName(MetadataNames.DataClassificationAttribute))
            {
                return DataClass.PersonalData;
            }
        }

        return DataClass.None;
    }

    /// <summary>Classes declared directly on <paramref name="symbol"/> by its attributes (return attributes for methods).</summary>
    public DataClass DeclaredOn(ISymbol symbol)
    {
        if (!MayDeclare(symbol))
        {
            return DataClass.None;
        }

        // Roslyn keeps each symbol's attributes, so reading them again is cheaper than a cache entry per symbol; only a
        // record's positional members, which look across to their twin, are worth remembering.
        if (!IsPositional(symbol))
        {
            return ReadDeclared(symbol);
        }

        if (_declared.TryGetValue(symbol, out var known))
        {
            return known;
        }

        return _declared.GetOrAdd(symbol, ReadDeclared(symbol));
    }

    private static bool IsPositional(ISymbol symbol) =>
        symbol is IPropertySymbol { ContainingType.IsRecord: true } or
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true } };

    private static DataClass ReadDeclared(ISymbol symbol)
    {
        var result = FromAttributes(symbol is IMethodSymbol method ? method.GetReturnTypeAttributes() : symbol.GetAttributes());

        // Classification attributes are inherited: an override keeps what the member it overrides declared.
        switch (symbol)
        {
            case IPropertySymbol { OverriddenProperty: { } overridden }:
                result |= FromAttributes(overridden.GetAttributes());
                break;
            case IMethodSymbol { OverriddenMethod: { } overriddenMethod }:
                result |= FromAttributes(overriddenMethod.GetReturnTypeAttributes());
                break;
        }

        // `record Patron([PersonalData] string Email)` puts the attribute on the constructor parameter only, yet the
        // user means the property; `[property: PersonalData]` is the reverse. Either classifies both.
        if (symbol is IPropertySymbol { ContainingType.IsRecord: true } positional && PositionalParameterOf(positional) is { } parameter)
        {
            result |= FromAttributes(parameter.GetAttributes());
        }
        else if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true } } recordParameter)
        {
            foreach (var member in recordParameter.ContainingType.GetMembers(recordParameter.Name))
            {
                if (member is IPropertySymbol property && SymbolEqualityComparer.Default.Equals(PositionalParameterOf(property), recordParameter))
                {
                    result |= FromAttributes(property.GetAttributes());
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Whether <paramref name="method"/> is a sanitizer: marked <c>[Redacts]</c>, or overriding a method that is (the
    /// attribute is inherited). Its return value carries no classified data.
    /// </summary>
    public static bool IsRedacts(IMethodSymbol? method)
    {
        for (var current = method?.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.OriginalDefinition.GetAttributes())
            {
                if (attribute.AttributeClass.HasFullName(MetadataNames.RedactsAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The primary-constructor parameter a record's positional property was declared by, if any.</summary>
    public static IParameterSymbol? PositionalParameterOf(IPropertySymbol property)
    {
        if (property.ContainingType is not { IsRecord: true } record || property.Locations.IsEmpty)
        {
            return null;
        }

        if (property.Locations[0].IsInSource)
        {
            foreach (var constructor in record.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == property.Name && !parameter.Locations.IsEmpty && parameter.Locations[0] == property.Locations[0])
                    {
                        return parameter;
                    }
                }
            }

            return null;
        }

        // Metadata keeps no link between a positional property and its parameter: the primary constructor is the one
        // whose every parameter has a property of the same name and type (the copy constructor takes the record itself).
        foreach (var constructor in record.InstanceConstructors)
        {
            if (constructor.Parameters.IsEmpty ||
                (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, record)))
            {
                continue;
            }

            IParameterSymbol? match = null;
            var positional = true;
            foreach (var parameter in constructor.Parameters)
            {
                var member = record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                if (member is null || !SymbolEqualityComparer.Default.Equals(member.Type, parameter.Type))
                {
                    positional = false;
                    break;
                }

                if (SymbolEqualityComparer.Default.Equals(member, property))
                {
                    match = parameter;
                }
            }

            if (positional && match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static DataClass FromAttributes(ImmutableArray<AttributeData> attributes)
    {
        var result = DataClass.None;
        foreach (var attribute in attributes)
        {
            result |= ClassOfAttribute(attribute.AttributeClass);
        }

        return result;
    }

    /// <summary>The classification of a type itself (<c>[PatronRecord] class LoanRecord</c>), including its base types.</summary>
    public DataClass ClassOfType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return DataClass.None;
        }

        // A library type is classified only through what it wraps (Task<Patron>); its own attributes cannot classify it.
        if (type is INamedTypeSymbol named && !MayDeclare(named))
        {
            return named.IsGenericType && IsNullableOrTask(named) ? ClassOfType(named.TypeArguments[0]) : DataClass.None;
        }

        if (_typeClass.TryGetValue(type, out var known))
        {
            return known;
        }

        return _typeClass.GetOrAdd(type, ReadTypeClass(type));
    }

    private DataClass ReadTypeClass(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return ClassOfType(array.ElementType);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && IsNullableOrTask(named))
        {
            return ClassOfType(named.TypeArguments[0]);
        }

        var result = DataClass.None;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            result |= FromAttributes(current.GetAttributes());
        }

        return result;
    }

    private static bool IsNullableOrTask(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ||
        type.HasFullName("System.Threading.Tasks.Task`1") ||
        type.HasFullName("System.Threading.Tasks.ValueTask`1");

    /// <summary>
    /// The classification a value read from <paramref name="symbol"/> (field, property, parameter, method return, local)
    /// carries: its own attributes, its containing type's classification, and the classification of its type.
    /// </summary>
    public DataClass ClassOf(ISymbol? symbol)
    {
        switch (symbol)
        {
            case null:
                return DataClass.None;
            case IFieldSymbol field:
                return DeclaredOn(field) | ContainerClass(field) | ClassOfType(field.Type);
            case IPropertySymbol property:
                return DeclaredOn(property) | ContainerClass(property) | ClassOfType(property.Type);
            case IParameterSymbol parameter:
                return DeclaredOn(parameter) | ClassOfType(parameter.Type);
            case IMethodSymbol method:
                return DeclaredOn(method) | ClassOfType(method.ReturnType);
            case ILocalSymbol local:
                return ClassOfType(local.Type);
            default:
                return DataClass.None;
        }
    }

    private DataClass ContainerClass(ISymbol member) =>
        member.IsImplicitlyDeclared || member.ContainingType is null ? DataClass.None : ClassOfType(member.ContainingType);

    /// <summary>
    /// The classes held by the members of <paramref name="type"/>, transitively through member types (a <c>Loan</c>
    /// holding a <c>Patron</c>), collections and arrays, to a bounded depth. This is what an object of the type carries
    /// when the whole object is logged, sent or stored.
    /// </summary>
    public DataClass ContentsOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return DataClass.None;
        }

        // A library type holds nothing classified unless a type argument does (List<Patron>); see ExpandOne.
        if (type is INamedTypeSymbol { IsGenericType: false } named && !MayDeclare(named))
        {
            return DataClass.None;
        }

        if (_contents.TryGetValue(type, out var known))
        {
            return known;
        }

        return _contents.GetOrAdd(type, ComputeContents(type));
    }

    // Breadth-first over the type graph (member types, element types, type arguments of containers), each type visited
    // once per root: linear in the graph's size, where a naive recursion is exponential in its width. Types already
    // computed for another root are reused whole.
    private DataClass ComputeContents(ITypeSymbol root)
    {
        var result = DataClass.None;
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { root };
        var level = new List<ITypeSymbol> { root };
        for (var depth = 0; level.Count > 0 && visited.Count <= MaxContentTypes; depth++)
        {
            var next = new List<ITypeSymbol>();
            foreach (var type in level)
            {
                result |= ClassOfType(type);
                if (depth >= MaxTypeDepth || !IsExpandable(type))
                {
                    continue;
                }

                if (depth > 0 && _contents.TryGetValue(type, out var known))
                {
                    result |= known;
                    continue;
                }

                if (!_nodes.TryGetValue(type, out var node))
                {
                    node = _nodes.GetOrAdd(type, ExpandOne(type));
                }

                result |= node.Declared;
                foreach (var child in node.Children)
                {
                    if (visited.Add(child))
                    {
                        next.Add(child);
                    }
                }
            }

            level = next;
        }

        return result;
    }

    private const int MaxContentTypes = 512;

    private static bool IsExpandable(ITypeSymbol type) =>
        type.SpecialType == SpecialType.None && type.TypeKind is not (TypeKind.Error or TypeKind.Enum or TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Pointer);

    /// <summary>The types <paramref name="type"/> holds directly, and the classes its members declare (computed once per type).</summary>
    private TypeNode ExpandOne(ITypeSymbol type)
    {
        var children = new List<ITypeSymbol>();
        void Enqueue(ITypeSymbol child) => children.Add(child);

        if (type is IArrayTypeSymbol array)
        {
            Enqueue(array.ElementType);
            return new TypeNode(DataClass.None, children);
        }

        if (type is not INamedTypeSymbol named)
        {
            return new TypeNode(DataClass.None, children);
        }

        // Only containers hold values of their type arguments (List<Patron>, Task<Patron>, (Patron, int)); an
        // ILogger<PatronService> or IOptions<Settings> does not.
        if (named.IsGenericType && IsContainer(named))
        {
            foreach (var argument in named.TypeArguments)
            {
                Enqueue(argument);
            }
        }

        if (named.ContainingAssembly is { } assembly && IsFrameworkAssembly(assembly))
        {
            return new TypeNode(DataClass.None, children);
        }

        var declared = DataClass.None;
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared && member is not IFieldSymbol)
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false } property:
                        declared |= DeclaredOn(property);
                        Enqueue(property.Type);
                        break;
                    case IFieldSymbol { AssociatedSymbol: null } field:
                        declared |= DeclaredOn(field);
                        Enqueue(field.Type);
                        break;
                }
            }
        }

        return new TypeNode(declared, children);
    }

    private sealed class TypeNode(DataClass declared, List<ITypeSymbol> children)
    {
        public DataClass Declared { get; } = declared;

        public List<ITypeSymbol> Children { get; } = children;
    }

    private static bool IsContainer(INamedTypeSymbol type)
    {
        if (type.IsTupleType || type.OriginalDefinition.SpecialType is SpecialType.System_Nullable_T or SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return true;
        }

        if (type.Name is "Task" or "ValueTask" or "Lazy" or "KeyValuePair" or "Tuple" or "IAsyncEnumerable" or "Memory" or "ReadOnlyMemory")
        {
            return true;
        }

        return Enumeration.IsEnumerable(type);
    }

    private static bool IsFrameworkAssembly(IAssemblySymbol assembly)
    {
        var name = assembly.Name;
        return name.StartsWith("System", StringComparison.Ordinal) ||
               name.StartsWith("Microsoft.", StringComparison.Ordinal) ||
               name == "mscorlib" || name == "netstandard";
    }
}
