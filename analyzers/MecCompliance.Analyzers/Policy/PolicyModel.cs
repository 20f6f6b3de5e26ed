using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// The consortium's register of approved vendors and sinks as one compilation sees it: the
/// <c>[assembly: ApprovedVendor]</c> / <c>[assembly: ApprovedSink]</c> declarations of the compilation and of every
/// referenced assembly (a consortium policy assembly is a supported way to ship the register). Built once per
/// compilation and shared by every rule; thread-safe.
/// </summary>
/// <remarks>
/// Names are compared ignoring case, so <c>"OverDrive"</c> and <c>"overdrive"</c> are one vendor (and declaring both is
/// a duplicate). Malformed declarations stay in the model with their <see cref="PolicyDeclaration.Problems"/>; MEC004
/// reports them, and other rules need not report them again.
/// </remarks>
internal sealed class PolicyModel
{
    private const string AttributesAssemblyName = "MecCompliance.Attributes";

    private static readonly ConditionalWeakTable<Compilation, PolicyModel> Cache = new();

    private readonly Dictionary<string, VendorDeclaration> _vendorsByName;
    private readonly Dictionary<string, SinkDeclaration> _sinksByName;
    private readonly Dictionary<string, VendorDeclaration> _vendorsByHost;
    private readonly Dictionary<string, VendorDeclaration> _vendorsByWildcardSuffix;
    private readonly ConcurrentDictionary<ISymbol, string?> _vendorMarks = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, string?> _sinkMarks = new(SymbolEqualityComparer.Default);

    // Set once by Create, before the model is shared: which assemblies can apply a [Vendor] or [DataSink] mark at all.
    private ComplianceSymbols? _symbols;

    private PolicyModel(ImmutableArray<VendorDeclaration> vendors, ImmutableArray<SinkDeclaration> sinks)
    {
        Vendors = vendors;
        Sinks = sinks;
        _vendorsByName = new(StringComparer.OrdinalIgnoreCase);
        _sinksByName = new(StringComparer.OrdinalIgnoreCase);
        _vendorsByHost = new(StringComparer.Ordinal);
        _vendorsByWildcardSuffix = new(StringComparer.Ordinal);

        foreach (var vendor in vendors)
        {
            if (!IsBlank(vendor.Name) && !_vendorsByName.ContainsKey(vendor.Name))
            {
                _vendorsByName.Add(vendor.Name, vendor);
            }
        }

        foreach (var sink in sinks)
        {
            if (!IsBlank(sink.Name) && !_sinksByName.ContainsKey(sink.Name))
            {
                _sinksByName.Add(sink.Name, sink);
            }
        }

        foreach (var vendor in _vendorsByName.Values.OrderBy(v => vendors.IndexOf(v)))
        {
            foreach (var host in vendor.Hosts)
            {
                if (!HostName.IsValid(host, out _, out _))
                {
                    continue;
                }

                var normalized = HostName.Normalize(host);
                var (map, key) = normalized.StartsWith("*.", StringComparison.Ordinal)
                    ? (_vendorsByWildcardSuffix, normalized.Substring(2))
                    : (_vendorsByHost, normalized);
                if (map.TryGetValue(key, out var owner))
                {
                    if (!ReferenceEquals(owner, vendor))
                    {
                        vendor.AddProblem(
                            $"Host '{host}' of vendor '{vendor.Name}' is already owned by vendor '{owner.Name}' ({owner.Origin()}); " +
                            "a host belongs to one vendor, so remove it from one of the declarations");
                    }

                    continue;
                }

                map.Add(key, vendor);
            }
        }
    }

    /// <summary>Every vendor declaration seen, referenced assemblies first, then the compilation's in source order.</summary>
    public ImmutableArray<VendorDeclaration> Vendors { get; }

    /// <summary>Every sink declaration seen, referenced assemblies first, then the compilation's in source order.</summary>
    public ImmutableArray<SinkDeclaration> Sinks { get; }

    /// <summary>
    /// The policy of <paramref name="compilation"/>, built on first use and cached for the compilation's lifetime.
    /// Costs almost nothing when no assembly can carry declarations.
    /// </summary>
    /// <param name="compilation">The compilation being analyzed.</param>
    /// <param name="symbols">The compilation's classification symbols (proof that classifications are visible at all).</param>
    /// <param name="cancellationToken">Honoured while reading declarations.</param>
    public static PolicyModel Create(Compilation compilation, ComplianceSymbols symbols, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return cached;
        }

        // Two analyzers may build concurrently; both results are equal and the first one stored wins.
        var built = Build(compilation, cancellationToken);
        built._symbols = symbols;
        return Cache.GetValue(compilation, _ => built);
    }

    /// <summary>Whether a declaration in this compilation's own source is malformed (MEC004 has something to report).</summary>
    public bool HasLocalProblems => Vendors.Any(v => v.IsInSource && !v.IsValid) || Sinks.Any(s => s.IsInSource && !s.IsValid);

    /// <summary>The vendor declared as <paramref name="name"/> (ignoring case), valid or not.</summary>
    public bool TryGetVendor(string? name, out VendorDeclaration vendor)
    {
        if (name is not null && _vendorsByName.TryGetValue(name, out var found))
        {
            vendor = found;
            return true;
        }

        vendor = null!;
        return false;
    }

    /// <summary>The sink declared as <paramref name="name"/> (ignoring case), valid or not.</summary>
    public bool TryGetSink(string? name, out SinkDeclaration sink)
    {
        if (name is not null && _sinksByName.TryGetValue(name, out var found))
        {
            sink = found;
            return true;
        }

        sink = null!;
        return false;
    }

    /// <summary>
    /// The vendor that owns <paramref name="host"/> (case-insensitive): an exact host, else the most specific leading
    /// wildcard (<c>*.vendor.example</c> owns <c>api.vendor.example</c> and <c>a.b.vendor.example</c>, not
    /// <c>vendor.example</c> itself). <see langword="null"/> when no declared vendor owns it.
    /// </summary>
    public VendorDeclaration? FindVendorByHost(string? host)
    {
        if (host is null || (_vendorsByHost.Count == 0 && _vendorsByWildcardSuffix.Count == 0))
        {
            return null;
        }

        var normalized = HostName.Normalize(host);
        if (_vendorsByHost.TryGetValue(normalized, out var exact))
        {
            return exact;
        }

        for (var dot = normalized.IndexOf('.'); dot >= 0; dot = normalized.IndexOf('.', dot + 1))
        {
            if (_vendorsByWildcardSuffix.TryGetValue(normalized.Substring(dot + 1), out var owner))
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>
    /// The vendor name from a <c>[Vendor("name")]</c> mark on <paramref name="symbol"/>, on what it overrides or
    /// implements, on its containing type, that type's base types, or their interfaces; <see langword="null"/> when unmarked.
    /// </summary>
    public string? VendorNameOf(ISymbol? symbol) => MayBeMarked(symbol) ? MarkedName(symbol, MetadataNames.VendorAttribute, _vendorMarks) : null;

    /// <summary>The sink name from a <c>[DataSink("name")]</c> mark, found like <see cref="VendorNameOf"/>.</summary>
    public string? SinkNameOf(ISymbol? symbol) => MayBeMarked(symbol) ? MarkedName(symbol, MetadataNames.DataSinkAttribute, _sinkMarks) : null;

    // A framework or third-party member can carry no mark, nor override or implement a marked one: answered without
    // walking its type's bases and interfaces or adding it to a cache.
    private bool MayBeMarked(ISymbol? symbol) => symbol is not null && (_symbols is null || _symbols.MayDeclare(symbol));

    private static bool IsBlank(string? value) => value is null || value.Trim().Length == 0;

    private static string? MarkedName(ISymbol? symbol, string attributeName, ConcurrentDictionary<ISymbol, string?> cache)
    {
        if (symbol is null)
        {
            return null;
        }

        if (symbol is IMethodSymbol { ReducedFrom: { } unreduced })
        {
            symbol = unreduced;
        }

        symbol = symbol.OriginalDefinition;
        if (cache.TryGetValue(symbol, out var known))
        {
            return known;
        }

        return cache.GetOrAdd(symbol, FindMark(symbol, attributeName));
    }

    private static string? FindMark(ISymbol symbol, string attributeName)
    {
        for (var current = symbol; current is not null; current = Overridden(current))
        {
            if (ReadMark(current, attributeName) is { } own)
            {
                return own;
            }
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (symbol is IMethodSymbol or IPropertySymbol && type.TypeKind != TypeKind.Interface)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers())
                {
                    if (member.Kind == symbol.Kind && ReadMark(member, attributeName) is { } implemented &&
                        SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), symbol))
                    {
                        return implemented;
                    }
                }
            }
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (ReadMark(current, attributeName) is { } onType)
            {
                return onType;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (ReadMark(@interface, attributeName) is { } onInterface)
            {
                return onInterface;
            }
        }

        return null;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };

    private static string? ReadMark(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.HasFullName(attributeName) &&
                attribute.ConstructorArguments.Length > 0 &&
                attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string name } &&
                !IsBlank(name))
            {
                return name;
            }
        }

        return null;
    }

    private static PolicyModel Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var vendors = ImmutableArray.CreateBuilder<VendorDeclaration>();
        var sinks = ImmutableArray.CreateBuilder<SinkDeclaration>();

        // The consortium's register comes first, so a local re-declaration is the duplicate that gets reported.
        foreach (var assembly in AssembliesThatMayDeclare(compilation))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Read(assembly.GetAttributes(), assembly, inSource: false, vendors, sinks, cancellationToken);
        }

        var local = compilation.Assembly.GetAttributes();
        if (!local.IsEmpty)
        {
            Read(SourceOrder(compilation, local), compilation.Assembly, inSource: true, vendors, sinks, cancellationToken);
        }

        MarkDuplicates(vendors, DescribeVendorDifference);
        MarkDuplicates(sinks, DescribeSinkDifference);
        return new PolicyModel(vendors.ToImmutable(), sinks.ToImmutable());
    }

    // An assembly can apply [ApprovedVendor] only if it defines the attribute or references an assembly that does, so
    // the hundreds of framework references are skipped without decoding their attributes.
    private static IEnumerable<IAssemblySymbol> AssembliesThatMayDeclare(Compilation compilation)
    {
        var definers = new HashSet<string>(StringComparer.Ordinal) { AttributesAssemblyName };
        foreach (var type in compilation.GetTypesByMetadataName(MetadataNames.ApprovedVendorAttribute)
                     .Concat(compilation.GetTypesByMetadataName(MetadataNames.ApprovedSinkAttribute)))
        {
            definers.Add(type.ContainingAssembly.Name);
        }

        var referenced = compilation.SourceModule.ReferencedAssemblySymbols;

        foreach (var assembly in referenced)
        {
            if (definers.Contains(assembly.Name) || assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => definers.Contains(r.Name))))
            {
                yield return assembly;
            }
        }
    }

    private static ImmutableArray<AttributeData> SourceOrder(Compilation compilation, ImmutableArray<AttributeData> attributes)
    {
        if (attributes.Length < 2)
        {
            return attributes;
        }

        // Only the few trees that hold an assembly attribute need a position; numbering every tree of a large
        // compilation would cost more than reading the whole policy. A tree outside the compilation sorts last.
        var treeOrder = new Dictionary<SyntaxTree, int>();
        foreach (var attribute in attributes)
        {
            if (attribute.ApplicationSyntaxReference is { } reference)
            {
                treeOrder[reference.SyntaxTree] = int.MaxValue;
            }
        }

        var index = 0;
        var found = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (found == treeOrder.Count)
            {
                break;
            }

            if (treeOrder.ContainsKey(tree))
            {
                treeOrder[tree] = index;
                found++;
            }

            index++;
        }

        return attributes
            .Select(a => (Attribute: a, Syntax: a.ApplicationSyntaxReference))
            .OrderBy(x => x.Syntax is null ? int.MaxValue : treeOrder[x.Syntax.SyntaxTree])
            .ThenBy(x => x.Syntax?.Span.Start ?? 0)
            .Select(x => x.Attribute)
            .ToImmutableArray();
    }

    private static void Read(
        ImmutableArray<AttributeData> attributes,
        IAssemblySymbol assembly,
        bool inSource,
        ImmutableArray<VendorDeclaration>.Builder vendors,
        ImmutableArray<SinkDeclaration>.Builder sinks,
        CancellationToken cancellationToken)
    {
        foreach (var attribute in attributes)
        {
            var isVendor = attribute.AttributeClass.HasFullName(MetadataNames.ApprovedVendorAttribute);
            if (!isVendor && !attribute.AttributeClass.HasFullName(MetadataNames.ApprovedSinkAttribute))
            {
                continue;
            }

            // An application that does not bind (wrong argument types, missing arguments) is already a compiler error.
            if (attribute.AttributeConstructor is null)
            {
                continue;
            }

            var location = inSource && attribute.ApplicationSyntaxReference is { } reference
                ? reference.GetSyntax(cancellationToken).GetLocation()
                : Location.None;
            var name = ReadName(attribute, out var nameIsNull);
            var problems = new List<string>();
            var label = IsBlank(name) ? (isVendor ? "The vendor" : "The sink") : $"{(isVendor ? "Vendor" : "Sink")} '{name}'";
            if (IsBlank(name))
            {
                problems.Add(isVendor
                    ? $"ApprovedVendor declares a vendor with {(nameIsNull ? "a null" : "an empty")} name; give it the name that its [Vendor(\"...\")] marks and named HttpClients use"
                    : $"ApprovedSink declares a sink with {(nameIsNull ? "a null" : "an empty")} name; give it the name that its [DataSink(\"...\")] marks use");
            }
            else if (name.Trim().Length != name.Length)
            {
                problems.Add($"{label} has spaces around its name, so [{(isVendor ? "Vendor" : "DataSink")}(\"{name.Trim()}\")] would not match it; write \"{name.Trim()}\"");
            }

            var allowed = ReadAllowed(attribute, label, problems);
            if (isVendor)
            {
                var hosts = ReadHosts(attribute);
                var contract = ReadNamedString(attribute, "Contract");
                AddVendorProblems(label, allowed, hosts, contract, problems);
                var vendor = new VendorDeclaration(name, allowed, hosts.Where(h => h is not null).ToImmutableArray()!, contract, attribute, assembly, location);
                problems.ForEach(vendor.AddProblem);
                vendors.Add(vendor);
            }
            else
            {
                var retention = ReadNamedInt(attribute, "BackupRetentionDays");
                if (retention < 0)
                {
                    problems.Add(
                        $"{label} declares BackupRetentionDays = {retention.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it is the number of days erased data may persist on the sink's backup media, " +
                        "so declare 0 or more (0 = not declared)");
                }

                var sink = new SinkDeclaration(name, allowed, retention, attribute, assembly, location);
                problems.ForEach(sink.AddProblem);
                sinks.Add(sink);
            }
        }
    }

    private static void AddVendorProblems(string label, DataClass allowed, ImmutableArray<string?> hosts, string? contract, List<string> problems)
    {
        if ((allowed & DataClass.PatronRecord) != 0 && IsBlank(contract))
        {
            problems.Add(
                $"{label} is approved for PatronRecord but names no Contract; RSMo 182.817 lets only contracted third parties receive patron records, " +
                "so set Contract = \"<contract reference>\" or remove typeof(PatronRecordAttribute)");
        }

        foreach (var host in hosts)
        {
            if (!HostName.IsValid(host, out var problem, out var suggestion))
            {
                var shown = host is null ? "null" : "'" + host + "'";
                problems.Add(suggestion is null
                    ? $"Host {shown} of {LowerFirst(label)} {problem}; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains"
                    : $"Host {shown} of {LowerFirst(label)} {problem}; declare the bare host name '{suggestion}'");
            }
        }
    }

    private static string LowerFirst(string label) => char.ToLowerInvariant(label[0]) + label.Substring(1);

    private static string ReadName(AttributeData attribute, out bool isNull)
    {
        isNull = false;
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length > 0 && arguments[0].Kind == TypedConstantKind.Primitive)
        {
            if (arguments[0].Value is string name)
            {
                return name;
            }

            isNull = arguments[0].IsNull;
        }
        else if (arguments.Length > 0)
        {
            isNull = arguments[0].IsNull;
        }

        return "";
    }

    private static DataClass ReadAllowed(AttributeData attribute, string label, List<string> problems)
    {
        var allowed = DataClass.None;
        var arguments = attribute.ConstructorArguments;
        for (var i = 1; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.Kind == TypedConstantKind.Array)
            {
                if (!argument.IsNull)
                {
                    foreach (var element in argument.Values)
                    {
                        allowed |= ReadAllowedType(element, label, problems);
                    }
                }
            }
            else
            {
                allowed |= ReadAllowedType(argument, label, problems);
            }
        }

        return allowed;
    }

    private static DataClass ReadAllowedType(TypedConstant argument, string label, List<string> problems)
    {
        // Unresolved types are compiler errors already (CS0246); only well-formed non-classifications are ours to report.
        if (argument.Kind == TypedConstantKind.Error)
        {
            return DataClass.None;
        }

        if (argument.Kind != TypedConstantKind.Type || argument.Value is not ITypeSymbol type)
        {
            if (argument.IsNull || argument.Kind == TypedConstantKind.Type)
            {
                problems.Add($"{label} is approved for null, which is not a data classification attribute; {AllowedTypesHint}");
            }

            return DataClass.None;
        }

        if (type.TypeKind == TypeKind.Error)
        {
            return DataClass.None;
        }

        var dataClass = ComplianceSymbols.ClassOfAttribute(type as INamedTypeSymbol);
        if (dataClass == DataClass.None || (type is INamedTypeSymbol { IsAbstract: true }))
        {
            problems.Add($"{label} is approved for typeof({type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}), which is not a data classification attribute; {AllowedTypesHint}");
            return DataClass.None;
        }

        return dataClass;
    }

    private const string AllowedTypesHint =
        "approve classes with typeof(PatronRecordAttribute), typeof(PersonalDataAttribute) or typeof(OrganizationalDataAttribute)";

    private static ImmutableArray<string?> ReadHosts(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Hosts" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
            {
                return named.Value.Values.Select(v => v.Kind == TypedConstantKind.Primitive ? v.Value as string : null).ToImmutableArray();
            }
        }

        return ImmutableArray<string?>.Empty;
    }

    private static string? ReadNamedString(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Kind == TypedConstantKind.Primitive)
            {
                return named.Value.Value as string;
            }
        }

        return null;
    }

    private static int ReadNamedInt(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Kind == TypedConstantKind.Primitive && named.Value.Value is int value)
            {
                return value;
            }
        }

        return 0;
    }

    private static void MarkDuplicates<T>(ImmutableArray<T>.Builder declarations, Func<T, T, string> describeDifference)
        where T : PolicyDeclaration
    {
        var first = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in declarations)
        {
            if (IsBlank(declaration.Name))
            {
                continue;
            }

            if (!first.TryGetValue(declaration.Name, out var original))
            {
                first.Add(declaration.Name, declaration);
                continue;
            }

            var difference = describeDifference(original, declaration);
            var kind = char.ToUpperInvariant(declaration.Kind[0]) + declaration.Kind.Substring(1);
            declaration.AddProblem(difference.Length == 0
                ? $"{kind} '{declaration.Name}' is already declared in {original.Origin()}; remove this duplicate declaration"
                : $"{kind} '{declaration.Name}' is already declared in {original.Origin()} with different approvals ({difference}); " +
                  "a name may be declared once, so keep one declaration and correct it there");
        }
    }

    private static string DescribeSinkDifference(SinkDeclaration original, SinkDeclaration duplicate) =>
        original.Allowed == duplicate.Allowed
            ? ""
            : $"there: {original.Allowed.ToDisplayString()}; here: {duplicate.Allowed.ToDisplayString()}";

    private static string DescribeVendorDifference(VendorDeclaration original, VendorDeclaration duplicate)
    {
        var parts = new List<string>();
        if (original.Allowed != duplicate.Allowed)
        {
            parts.Add($"there: {original.Allowed.ToDisplayString()}; here: {duplicate.Allowed.ToDisplayString()}");
        }

        var originalHosts = new HashSet<string>(original.Hosts.Select(HostName.Normalize));
        if (!originalHosts.SetEquals(duplicate.Hosts.Select(HostName.Normalize)))
        {
            parts.Add("different hosts");
        }

        if (!string.Equals(original.Contract?.Trim(), duplicate.Contract?.Trim(), StringComparison.Ordinal))
        {
            parts.Add("different contract");
        }

        return string.Join("; ", parts);
    }
}
