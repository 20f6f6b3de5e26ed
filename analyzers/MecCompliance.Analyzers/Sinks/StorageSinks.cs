using System.Collections.Concurrent;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// The storage sinks of DESIGN §5: file writes (<c>File</c>, file streams, writers opened on files), ADO.NET command
/// text and parameter values, EF Core <c>Add</c>/<c>Update</c>/<c>Attach</c>, Dapper, <c>IDistributedCache</c>,
/// response cookies, <c>ISession</c>, StackExchange.Redis, and members of <c>[DataSink]</c> types and methods. A write
/// belongs to the <c>[DataSink]</c> the code that writes is marked with (or, for EF Core, the context's mark); any other
/// write is unapproved storage. Each library is looked up by metadata name and costs nothing when absent.
/// </summary>
internal static class StorageSinks
{
    private static readonly HashSet<string> FileWrites =
    [
        "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync",
        "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync",
    ];

    private static readonly HashSet<string> EntityWrites =
    [
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Attach", "AttachRange",
    ];

    private static readonly string[] RedisWrites =
    [
        "StringSet", "StringAppend", "StringGetSet", "HashSet", "ListLeftPush", "ListRightPush", "ListInsert", "ListSetByIndex", "SetAdd",
        "SortedSetAdd", "StreamAdd", "GeoAdd", "HyperLogLogAdd",
    ];

    /// <summary>Writers opened on files: by constructor (a path or file stream) or by the file APIs that open them.</summary>
    private static readonly HashSet<string> FileOpeners =
    [
        "CreateText", "AppendText", "Create", "OpenWrite", "Open", "FileStream",
    ];

    public static IEnumerable<SinkRecognizer> Create(Compilation compilation, ComplianceSymbols symbols)
    {
        var policy = PolicyModel.Create(compilation, symbols, CancellationToken.None);
        var targets = new StorageTargets(policy);
        var recognizers = new List<SinkRecognizer> { new SinkMembers(policy, new MarkedAssemblies(compilation)), new Files(compilation, targets), new AdoNet(compilation, targets) };
        var libraries = new Libraries(compilation, targets);
        if (libraries.IsPresent)
        {
            recognizers.Add(libraries);
        }

        return recognizers;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        if (Is(type, contract))
        {
            return true;
        }

        foreach (var implemented in type.OriginalDefinition.AllInterfaces)
        {
            if (Is(implemented, contract))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a parameter carries stored content (keys, values, text, objects), not options, flags, expiries or cancellation.</summary>
    private static bool CarriesPayload(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Double or SpecialType.System_Int64 ||
            type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            return false;
        }

        return type.Name is not ("CancellationToken" or "Encoding" or "TimeSpan" or "DateTimeOffset" or "CookieOptions" or
            "DistributedCacheEntryOptions" or "CommandFlags" or "When" or "IDbTransaction" or "IDbConnection" or "DbConnection" or "DbTransaction");
    }

    /// <summary>Which declared sink a write belongs to: a marked context, else the mark of the code that writes.</summary>
    private sealed class StorageTargets(PolicyModel policy)
    {
        private readonly ConcurrentDictionary<ISymbol, string?> _marks = new(SymbolEqualityComparer.Default);

        public Sink At(string name, IOperation site, SemanticModel? model, ITypeSymbol? context = null) =>
            new(SinkKind.Storage, name, (context is null ? null : Mark(context)) ?? (SinkSites.EnclosingMember(site, model) is { } member ? Mark(member) : null));

        private string? Mark(ISymbol symbol) => _marks.TryGetValue(symbol, out var known) ? known : _marks.GetOrAdd(symbol, policy.SinkNameOf(symbol));
    }

    /// <summary>Members of types and methods marked <c>[DataSink("name")]</c> (repositories, stores): their arguments are stored there.</summary>
    private sealed class SinkMembers(PolicyModel policy, MarkedAssemblies marked) : SinkRecognizer
    {
        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertySet) || !marked.MayMark(method) || policy.SinkNameOf(method) is not { } sink)
            {
                return null;
            }

            var payloads = SinkMethod.AllParameters(method, p => !CarriesPayload(p));
            var name = method.ContainingType.Name + "." + (method.AssociatedSymbol?.Name ?? method.Name);
            return payloads.IsEmpty ? null : new SinkMethod(new Sink(SinkKind.Storage, name, sink), payloads);
        }
    }

    /// <summary><c>File</c> writes, <c>FileStream</c> writes, and <c>StreamWriter</c> writes when the writer is opened on a file.</summary>
    private sealed class Files(Compilation compilation, StorageTargets targets) : SinkRecognizer
    {
        private readonly INamedTypeSymbol? _file = compilation.GetTypeByMetadataName("System.IO.File");
        private readonly INamedTypeSymbol? _fileStream = compilation.GetTypeByMetadataName("System.IO.FileStream");
        private readonly INamedTypeSymbol? _streamWriter = compilation.GetTypeByMetadataName("System.IO.StreamWriter");

        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            var container = method.ContainingType;
            if (Is(container, _file) && FileWrites.Contains(method.Name))
            {
                var name = "File." + method.Name;
                return new SinkMethod(new Sink(SinkKind.Storage, name), SinkMethod.AllParameters(method, p => !CarriesPayload(p)), SiteResolution.Remembered((site, model) => targets.At(name, site, model)));
            }

            if (DerivesFrom(container, _fileStream) && method.Name.StartsWith("Write", StringComparison.Ordinal))
            {
                var name = "FileStream." + method.Name;
                return new SinkMethod(
                    new Sink(SinkKind.Storage, name),
                    SinkMethod.AllParameters(method, p => !CarriesPayload(p) || p.Type.SpecialType == SpecialType.System_Int32),
                    SiteResolution.Remembered((site, model) => targets.At(name, site, model)));
            }

            if (DerivesFrom(container, _streamWriter) && method.Name.StartsWith("Write", StringComparison.Ordinal))
            {
                var name = "StreamWriter." + method.Name;
                return new SinkMethod(
                    new Sink(SinkKind.Storage, name),
                    SinkMethod.AllParameters(method, p => !CarriesPayload(p) || (p.Type.SpecialType == SpecialType.System_Int32 && p.Name is "index" or "count")),
                    SiteResolution.Remembered((site, model) => IsOpenedOnFile(site, model) ? targets.At(name, site, model) : null));
            }

            return null;
        }

        /// <summary>
        /// A writer is storage when it was opened on a path or a file stream; a writer over memory or the network is
        /// not (it only builds text that goes elsewhere, where that sink is checked).
        /// </summary>
        private static bool IsOpenedOnFile(IOperation site, SemanticModel? model)
        {
            if (SinkSites.ReceiverSyntax(site) is not { } receiver)
            {
                return false;
            }

            foreach (var origin in SinkSites.Origins(receiver, model))
            {
                var expression = origin.Expression;
                var called = SinkSites.CalledName(expression);
                if (called is "CreateText" or "AppendText")
                {
                    return true;
                }

                if (called == "StreamWriter" || expression is ImplicitObjectCreationExpressionSyntax)
                {
                    var first = SinkSites.ArgumentsOf(expression).FirstOrDefault()?.Expression;
                    if (first is null)
                    {
                        continue;
                    }

                    if (origin.Model is { } originModel ? originModel.GetTypeInfo(first).Type?.SpecialType == SpecialType.System_String : first is LiteralExpressionSyntax)
                    {
                        return true;
                    }

                    foreach (var stream in SinkSites.Origins(first, origin.Model))
                    {
                        if (SinkSites.CalledName(stream.Expression) is { } opener && FileOpeners.Contains(opener) &&
                            (opener == "FileStream" || SinkSites.CalledOn(stream.Expression) is "File" || stream.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }

    /// <summary>ADO.NET: command text, parameter values (<c>Value</c>, constructors, <c>AddWithValue</c>).</summary>
    private sealed class AdoNet(Compilation compilation, StorageTargets targets) : SinkRecognizer
    {
        private readonly INamedTypeSymbol? _dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        private readonly INamedTypeSymbol? _command = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        private readonly INamedTypeSymbol? _dbParameter = compilation.GetTypeByMetadataName("System.Data.Common.DbParameter");
        private readonly INamedTypeSymbol? _parameter = compilation.GetTypeByMetadataName("System.Data.IDataParameter");
        private readonly INamedTypeSymbol? _parameters = compilation.GetTypeByMetadataName("System.Data.Common.DbParameterCollection");

        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            var container = method.ContainingType;

            // Only setters and constructors of commands and parameters need the container's hierarchy; every other
            // method the engine meets is settled by its name.
            if (method.MethodKind is not (MethodKind.PropertySet or MethodKind.Constructor))
            {
                return method.Name == "AddWithValue" && DerivesFrom(container, _parameters)
                    ? Storage(container.Name + ".AddWithValue", SinkMethod.AllParameters(method, p => p.Name != "value"))
                    : null;
            }

            var isCommand = DerivesFrom(container, _dbCommand) || Implements(container, _command);
            var isParameter = DerivesFrom(container, _dbParameter) || Implements(container, _parameter);
            if (method.MethodKind == MethodKind.PropertySet)
            {
                return (isCommand && method.AssociatedSymbol?.Name == "CommandText") || (isParameter && method.AssociatedSymbol?.Name == "Value")
                    ? Storage((isCommand ? "DbCommand." : "DbParameter.") + method.AssociatedSymbol!.Name, SinkMethod.AllParameters(method))
                    : null;
            }

            if (method.MethodKind == MethodKind.Constructor && (isCommand || isParameter))
            {
                var payloads = SinkMethod.AllParameters(method, p => isCommand ? p.Name != "cmdText" : p.Type.SpecialType != SpecialType.System_Object);
                return payloads.IsEmpty ? null : Storage("new " + container.Name, payloads);
            }

            return method.Name == "AddWithValue" && DerivesFrom(container, _parameters)
                ? Storage(container.Name + ".AddWithValue", SinkMethod.AllParameters(method, p => p.Name != "value"))
                : null;
        }

        private SinkMethod Storage(string name, ImmutableArray<SinkPayload> payloads) =>
            new(new Sink(SinkKind.Storage, name), payloads, SiteResolution.Remembered((site, model) => targets.At(name, site, model)));
    }

    /// <summary>EF Core, Dapper, distributed caches, cookies, sessions and Redis, each present only when referenced.</summary>
    private sealed class Libraries : SinkRecognizer
    {
        private readonly StorageTargets _targets;
        private readonly INamedTypeSymbol? _dbContext;
        private readonly INamedTypeSymbol? _dbSet;
        private readonly INamedTypeSymbol? _dapper;
        private readonly INamedTypeSymbol? _cache;
        private readonly INamedTypeSymbol? _cacheExtensions;
        private readonly INamedTypeSymbol? _cookies;
        private readonly INamedTypeSymbol? _session;
        private readonly INamedTypeSymbol? _sessionExtensions;
        private readonly INamedTypeSymbol? _redis;
        private readonly INamedTypeSymbol? _redisAsync;

        public Libraries(Compilation compilation, StorageTargets targets)
        {
            _targets = targets;
            _dbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            _dbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            _dapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
            _cache = compilation.GetTypeByMetadataName("Microsoft.Extensions.Caching.Distributed.IDistributedCache");
            _cacheExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions");
            _cookies = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResponseCookies");
            _session = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.ISession");
            _sessionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.SessionExtensions");
            _redis = compilation.GetTypeByMetadataName("StackExchange.Redis.IDatabase");
            _redisAsync = compilation.GetTypeByMetadataName("StackExchange.Redis.IDatabaseAsync");
        }

        public bool IsPresent =>
            _dbContext is not null || _dbSet is not null || _dapper is not null || _cache is not null || _cacheExtensions is not null ||
            _cookies is not null || _session is not null || _sessionExtensions is not null || _redis is not null || _redisAsync is not null;

        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            var container = method.ContainingType;
            var name = method.Name;
            if ((Is(container, _dbContext) || Is(container, _dbSet)) && EntityWrites.Contains(name))
            {
                var display = container.Name + "." + name;
                return new SinkMethod(new Sink(SinkKind.Storage, display), SinkMethod.AllParameters(method, p => !CarriesPayload(p)), SiteResolution.Remembered((site, model) => _targets.At(display, site, model, ContextOf(site, model))));
            }

            if (Is(container, _dapper) && (name.StartsWith("Execute", StringComparison.Ordinal) || name.StartsWith("Query", StringComparison.Ordinal)))
            {
                return Stored("Dapper." + name, SinkMethod.AllParameters(method, p => p.Name is not ("sql" or "param")));
            }

            if ((Is(container, _cache) || Is(container, _cacheExtensions)) && name.StartsWith("Set", StringComparison.Ordinal))
            {
                return Stored("IDistributedCache." + name, KeyAndValue(method));
            }

            if (Is(container, _cookies) && name == "Append")
            {
                return Stored("Response.Cookies.Append", KeyAndValue(method));
            }

            if ((Is(container, _session) || Is(container, _sessionExtensions)) && name.StartsWith("Set", StringComparison.Ordinal))
            {
                return Stored("ISession." + name, KeyAndValue(method));
            }

            if ((Is(container, _redis) || Is(container, _redisAsync)) && RedisWrites.Any(w => name.StartsWith(w, StringComparison.Ordinal)))
            {
                return Stored("IDatabase." + name, SinkMethod.AllParameters(method, p => !CarriesPayload(p)));
            }

            return null;
        }

        private static ImmutableArray<SinkPayload> KeyAndValue(IMethodSymbol method) =>
            SinkMethod.AllParameters(method, p => p.Name is not ("key" or "value"));

        private SinkMethod Stored(string name, ImmutableArray<SinkPayload> payloads) =>
            new(new Sink(SinkKind.Storage, name), payloads, SiteResolution.Remembered((site, model) => _targets.At(name, site, model)));

        /// <summary>The context written to: the receiver of <c>context.Add</c>, or the owner of <c>context.Patrons.Add</c>'s set.</summary>
        private ITypeSymbol? ContextOf(IOperation site, SemanticModel? model)
        {
            var receiver = SinkSites.ReceiverSyntax(site);
            var type = SinkSites.TypeOf(receiver, model);
            if (DerivesFrom(type, _dbContext))
            {
                return type;
            }

            if (receiver is not null)
            {
                foreach (var origin in SinkSites.Origins(receiver, model))
                {
                    if (origin.Expression is MemberAccessExpressionSyntax access && SinkSites.TypeOf(access.Expression, origin.Model) is { } owner && DerivesFrom(owner, _dbContext))
                    {
                        return owner;
                    }

                    if (origin.Symbol() is IPropertySymbol property && DerivesFrom(property.ContainingType, _dbContext))
                    {
                        return property.ContainingType;
                    }
                }
            }

            return receiver is null && SinkSites.EnclosingMember(site, model)?.ContainingType is { } self && DerivesFrom(self, _dbContext) ? self : null;
        }
    }
}
