using System.Collections.Concurrent;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// Which vendor a send reaches (DESIGN §3), in order: the declared vendor named by the client
/// (<c>IHttpClientFactory.CreateClient("name")</c>, or a typed client registered with that name); the declared owner
/// of the host of a literal, constant or literal-prefixed absolute URI (or of the client's <c>BaseAddress</c>); the
/// <c>[Vendor]</c> mark of the code that sends, unless the code names a host no declared vendor owns. Anything else is
/// an undeclared vendor.
/// </summary>
internal sealed class VendorResolution
{
    private readonly Compilation _compilation;
    private readonly PolicyModel _policy;
    private readonly Lazy<Dictionary<string, string>> _typedClients;
    private readonly ConcurrentDictionary<ISymbol, string?> _enclosingMarks = new(SymbolEqualityComparer.Default);

    public VendorResolution(Compilation compilation, PolicyModel policy)
    {
        _compilation = compilation;
        _policy = policy;
        _typedClients = new Lazy<Dictionary<string, string>>(FindTypedClientRegistrations);
    }

    /// <summary>The vendor sink reached at <paramref name="site"/> through <paramref name="client"/> with <paramref name="uri"/>.</summary>
    /// <param name="sinkName">How the call is named in messages (<c>HttpClient.PostAsync</c>).</param>
    /// <param name="site">The sink call.</param>
    /// <param name="model">The semantic model of the site's tree.</param>
    /// <param name="client">The client expression (an <c>HttpClient</c>), or <see langword="null"/>.</param>
    /// <param name="uri">The request URI expression (or request message), or <see langword="null"/>.</param>
    public Sink ResolveHttp(string sinkName, IOperation site, SemanticModel? model, ExpressionSyntax? client, ExpressionSyntax? uri)
    {
        string? clientName = null;
        string? baseHost = null;
        ITypeSymbol? typedClientOwner = null;
        if (client is not null)
        {
            foreach (var origin in SinkSites.Origins(client, model))
            {
                clientName ??= ClientNameOf(origin);
                baseHost ??= HostOfUri(SinkSites.InitializerValue(origin.Expression, "BaseAddress"), origin.Model);
                if (typedClientOwner is null && origin.Symbol() is IParameterSymbol parameter)
                {
                    typedClientOwner = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor ? constructor.ContainingType : null;
                }
            }

            foreach (var assigned in SinkSites.MemberAssignments(client, model, "BaseAddress"))
            {
                baseHost ??= HostOfUri(assigned.Expression, assigned.Model);
            }
        }

        if (clientName is not null && _policy.TryGetVendor(clientName, out var named))
        {
            return new Sink(SinkKind.Vendor, sinkName, named.Name);
        }

        var host = uri is null ? null : HostOfUri(uri, model) ?? HostOfRequest(uri, model);
        if ((host ?? baseHost) is { } target && _policy.FindVendorByHost(target) is { } owner)
        {
            return new Sink(SinkKind.Vendor, sinkName, owner.Name);
        }

        // A host written in the code that no declared vendor owns is not the marked vendor's either: the runtime
        // VendorGate refuses it, so the analyzer does not let a [Vendor] mark vouch for it.
        if (host is null && EnclosingMark(site, model) is { } mark)
        {
            return new Sink(SinkKind.Vendor, sinkName, mark);
        }

        if (host is null && typedClientOwner is not null && TypedClientName(typedClientOwner) is { } registered && _policy.TryGetVendor(registered, out var typed))
        {
            return new Sink(SinkKind.Vendor, sinkName, typed.Name);
        }

        var described = (host ?? baseHost) is { } unknownHost ? sinkName + " to host '" + unknownHost + "'"
            : clientName is not null ? sinkName + " on client '" + clientName + "'"
            : sinkName;
        return new Sink(SinkKind.Vendor, described);
    }

    /// <summary>An SMTP send: the declared owner of the client's host, else (no host in the code) the sending code's <c>[Vendor]</c> mark.</summary>
    public Sink ResolveSmtp(string sinkName, IOperation site, SemanticModel? model, ExpressionSyntax? client)
    {
        string? host = null;
        if (client is not null)
        {
            foreach (var origin in SinkSites.Origins(client, model))
            {
                var expression = origin.Expression;
                if (SinkSites.CalledName(expression) == "SmtpClient" || expression is ImplicitObjectCreationExpressionSyntax)
                {
                    var hostArgument = SinkSites.ArgumentsOf(expression).FirstOrDefault()?.Expression ?? SinkSites.InitializerValue(expression, "Host");
                    host ??= hostArgument is null ? null : SinkSites.ConstantText(new BoundExpression(hostArgument, origin.Model), out var partial) is { } text && !partial ? text : null;
                }
            }

            foreach (var assigned in SinkSites.MemberAssignments(client, model, "Host"))
            {
                host ??= SinkSites.ConstantText(assigned, out var partial) is { } text && !partial ? text : null;
            }
        }

        if (host is not null && _policy.FindVendorByHost(host) is { } owner)
        {
            return new Sink(SinkKind.Vendor, sinkName, owner.Name);
        }

        return host is null && EnclosingMark(site, model) is { } mark
            ? new Sink(SinkKind.Vendor, sinkName, mark)
            : new Sink(SinkKind.Vendor, host is null ? sinkName : sinkName + " to host '" + host + "'");
    }

    /// <summary>The <c>[Vendor]</c> mark of the method or type whose code contains <paramref name="site"/>.</summary>
    public string? EnclosingMark(IOperation site, SemanticModel? model) =>
        SinkSites.EnclosingMember(site, model) is { } member
            ? _enclosingMarks.TryGetValue(member, out var known) ? known : _enclosingMarks.GetOrAdd(member, _policy.VendorNameOf(member))
            : null;

    /// <summary>The host of an absolute URI written as a literal, constant, literal-prefixed string or <c>new Uri(...)</c>.</summary>
    public static string? HostOfUri(ExpressionSyntax? expression, SemanticModel? model)
    {
        if (expression is null)
        {
            return null;
        }

        foreach (var origin in SinkSites.Origins(expression, model))
        {
            var value = origin.Expression;
            if (SinkSites.CalledName(value) == "Uri" || value is ImplicitObjectCreationExpressionSyntax)
            {
                // new Uri(absolute) and new Uri(baseUri, relative) both take the host from the first argument.
                if (SinkSites.ArgumentsOf(value).FirstOrDefault() is { } first && !ReferenceEquals(first.Expression, expression) &&
                    HostOfUri(first.Expression, origin.Model) is { } created)
                {
                    return created;
                }

                continue;
            }

            if (SinkSites.ConstantText(origin, out var prefixOnly) is { } text && HostOfText(text, prefixOnly) is { } host)
            {
                return host;
            }
        }

        return null;
    }

    /// <summary>
    /// The host of <c>scheme://host/...</c>. A prefix (the literal start of an interpolation) names a host only when the
    /// host ends inside it: <c>$"https://api.vendor.example/{id}"</c> does, <c>$"https://{tenant}.vendor.example"</c> does not.
    /// </summary>
    public static string? HostOfText(string text, bool prefixOnly)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return null;
        }

        var start = scheme + 3;
        var end = text.IndexOfAny(['/', '?', '#', ':'], start);
        if (end < 0)
        {
            if (prefixOnly)
            {
                return null;
            }

            end = text.Length;
        }

        var host = text.Substring(start, end - start);
        var at = host.LastIndexOf('@');
        host = at >= 0 ? host.Substring(at + 1) : host;
        return host.Length == 0 || host.IndexOfAny([' ', '{', '}']) >= 0 ? null : host;
    }

    /// <summary>An <c>HttpRequestMessage</c> built with a literal URI (constructor argument or <c>RequestUri</c> initializer).</summary>
    private static string? HostOfRequest(ExpressionSyntax request, SemanticModel? model)
    {
        foreach (var origin in SinkSites.Origins(request, model))
        {
            var value = origin.Expression;
            if (SinkSites.CalledName(value) == "HttpRequestMessage" || value is ImplicitObjectCreationExpressionSyntax)
            {
                var arguments = SinkSites.ArgumentsOf(value);
                var uri = arguments.Count >= 2 ? arguments[1].Expression : SinkSites.InitializerValue(value, "RequestUri");
                if (HostOfUri(uri, origin.Model) is { } host)
                {
                    return host;
                }
            }
        }

        foreach (var assigned in SinkSites.MemberAssignments(request, model, "RequestUri"))
        {
            if (HostOfUri(assigned.Expression, assigned.Model) is { } host)
            {
                return host;
            }
        }

        return null;
    }

    private static string? ClientNameOf(BoundExpression origin)
    {
        if (SinkSites.CalledName(origin.Expression) == "CreateClient" && SinkSites.ArgumentsOf(origin.Expression).FirstOrDefault() is { } argument)
        {
            var name = SinkSites.ConstantText(new BoundExpression(argument.Expression, origin.Model), out var partial);
            return partial ? null : name;
        }

        return null;
    }

    /// <summary>The client name a typed client (or an interface it implements) is registered under with <c>AddHttpClient</c>.</summary>
    private string? TypedClientName(ITypeSymbol owner)
    {
        var registrations = _typedClients.Value;
        if (registrations.TryGetValue(owner.Name, out var name))
        {
            return name;
        }

        foreach (var @interface in owner.AllInterfaces)
        {
            if (registrations.TryGetValue(@interface.Name, out name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>services.AddHttpClient&lt;TClient&gt;("name")</c> and <c>AddHttpClient&lt;TClient, TImplementation&gt;("name")</c>,
    /// keyed by both type names; without a name the client is named after <c>TClient</c>, as the framework does. Read
    /// once per compilation, only when a send through an injected client is otherwise unresolved.
    /// </summary>
    private Dictionary<string, string> FindTypedClientRegistrations()
    {
        var registrations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (tree.GetText().ToString().IndexOf("AddHttpClient", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var generic = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax { Name: GenericNameSyntax accessed } => accessed,
                    GenericNameSyntax called => called,
                    _ => null,
                };

                if (generic is null || generic.Identifier.ValueText != "AddHttpClient" || generic.TypeArgumentList.Arguments.Count == 0)
                {
                    continue;
                }

                var types = generic.TypeArgumentList.Arguments.Select(t => t is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : (t as SimpleNameSyntax)?.Identifier.ValueText)
                    .Where(n => n is not null).ToList();
                var nameArgument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                var name = nameArgument is not null && SinkSites.ConstantText(new BoundExpression(nameArgument, null), out var partial) is { } literal && !partial
                    ? literal
                    : types.FirstOrDefault();
                if (name is null)
                {
                    continue;
                }

                foreach (var type in types)
                {
                    if (!registrations.ContainsKey(type!))
                    {
                        registrations.Add(type!, name);
                    }
                }
            }
        }

        return registrations;
    }
}
