using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// The vendor sinks of DESIGN §5: every send of an <c>HttpClient</c> (its URI, content and request message, which carry
/// whatever was put into them), <c>PostAsJsonAsync</c> and kin, the client's default request headers,
/// <c>System.Net.Mail</c> sends, and calls into members of <c>[Vendor]</c> classes, interfaces and methods. Each sink
/// names the vendor it reaches (<see cref="VendorResolution"/>), or none when it is undeclared.
/// </summary>
internal static class VendorSinks
{
    private static readonly HashSet<string> HttpClientSends =
    [
        "DeleteAsync", "GetAsync", "GetByteArrayAsync", "GetStreamAsync", "GetStringAsync", "PatchAsync", "PostAsync", "PutAsync", "Send", "SendAsync",
    ];

    private static readonly HashSet<string> JsonSends =
    [
        "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "GetFromJsonAsync", "DeleteFromJsonAsync", "GetFromJsonAsAsyncEnumerable",
    ];

    private static readonly HashSet<string> SmtpMethods = ["Send", "SendAsync", "SendMailAsync"];

    public static IEnumerable<SinkRecognizer> Create(Compilation compilation, ComplianceSymbols symbols)
    {
        var policy = PolicyModel.Create(compilation, symbols, CancellationToken.None);
        var resolution = new VendorResolution(compilation, policy);
        var recognizers = new List<SinkRecognizer> { new VendorMembers(policy, new MarkedAssemblies(compilation)) };
        var http = new HttpSends(compilation, resolution);
        if (http.IsPresent)
        {
            recognizers.Add(http);
        }

        if (compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient") is { } smtp)
        {
            recognizers.Add(new SmtpSends(smtp, resolution));
        }

        return recognizers;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>Whether a parameter carries what is sent (text, URIs, content, objects), not options or cancellation.</summary>
    private static bool CarriesPayload(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (type.SpecialType is SpecialType.System_Boolean || type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
        {
            return false;
        }

        return type.Name is not ("CancellationToken" or "JsonSerializerOptions" or "JsonTypeInfo" or "HttpCompletionOption" or "HttpMethod" or "Type" or "TimeSpan");
    }

    /// <summary>Members of types and methods marked <c>[Vendor("name")]</c>: their arguments go to that vendor.</summary>
    private sealed class VendorMembers(PolicyModel policy, MarkedAssemblies marked) : SinkRecognizer
    {
        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertySet) || !marked.MayMark(method) || policy.VendorNameOf(method) is not { } vendor)
            {
                return null;
            }

            var payloads = SinkMethod.AllParameters(method, p => !CarriesPayload(p));
            var name = method.ContainingType.Name + "." + (method.AssociatedSymbol?.Name ?? method.Name);
            return payloads.IsEmpty ? null : new SinkMethod(new Sink(SinkKind.Vendor, name, vendor), payloads);
        }
    }

    /// <summary><c>HttpClient</c> sends, <c>HttpClientJsonExtensions</c>, and headers added to a client's <c>DefaultRequestHeaders</c>.</summary>
    private sealed class HttpSends : SinkRecognizer
    {
        private readonly VendorResolution _resolution;
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _invoker;
        private readonly INamedTypeSymbol? _json;
        private readonly INamedTypeSymbol? _headers;
        private readonly INamedTypeSymbol? _requestHeaders;

        public HttpSends(Compilation compilation, VendorResolution resolution)
        {
            _resolution = resolution;
            _httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            _invoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
            _json = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
            _headers = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            _requestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
        }

        public bool IsPresent => _httpClient is not null;

        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            var container = method.ContainingType;
            if ((Is(container, _httpClient) || Is(container, _invoker)) && HttpClientSends.Contains(method.Name))
            {
                var name = "HttpClient." + method.Name;
                var uri = method.Parameters.FirstOrDefault(p => p.Name is "requestUri" or "request");
                return new SinkMethod(
                    new Sink(SinkKind.Vendor, name),
                    SinkMethod.AllParameters(method, p => !CarriesPayload(p)),
                    SiteResolution.Remembered((site, model) => _resolution.ResolveHttp(name, site, model, SinkSites.ReceiverSyntax(site), ArgumentSyntax(site, uri))));
            }

            if (Is(container, _json) && JsonSends.Contains(method.Name))
            {
                var name = "HttpClient." + method.Name;
                var uri = method.Parameters.FirstOrDefault(p => p.Name == "requestUri");
                return new SinkMethod(
                    new Sink(SinkKind.Vendor, name),
                    SinkMethod.AllParameters(method, p => p.Ordinal == 0 || !CarriesPayload(p)),
                    SiteResolution.Remembered((site, model) => _resolution.ResolveHttp(name, site, model, ArgumentSyntax(site, method.Parameters.FirstOrDefault()), ArgumentSyntax(site, uri))));
            }

            // Headers of one request travel with it (the engine adds them to the request); only a client's default
            // headers leave with every send of that client.
            if ((Is(container, _headers) && method.Name is "Add" or "TryAddWithoutValidation") ||
                (Is(container, _requestHeaders) && method.MethodKind == MethodKind.PropertySet))
            {
                var name = "HttpClient.DefaultRequestHeaders." + (method.AssociatedSymbol?.Name ?? method.Name);
                return new SinkMethod(
                    new Sink(SinkKind.Vendor, name),
                    SinkMethod.AllParameters(method, p => !CarriesPayload(p)),
                    SiteResolution.Remembered((site, model) => SinkSites.ReceiverSyntax(site) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DefaultRequestHeaders" } headers
                        ? _resolution.ResolveHttp(name, site, model, headers.Expression, null)
                        : null));
            }

            return null;
        }

        // A flow capture (an argument spilled before a later one with control flow) is implicit but keeps the argument's
        // syntax; an omitted optional argument's value has the call's syntax and says nothing.
        private static ExpressionSyntax? ArgumentSyntax(IOperation site, IParameterSymbol? parameter) =>
            parameter is not null && SinkSites.Argument(site, parameter.Ordinal) is { } value && value.Syntax != site.Syntax ? value.Syntax as ExpressionSyntax : null;
    }

    /// <summary><c>SmtpClient.Send</c> and kin: the message (with what was put into it) or the text arguments.</summary>
    private sealed class SmtpSends(INamedTypeSymbol smtp, VendorResolution resolution) : SinkRecognizer
    {
        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            if (!Is(method.ContainingType, smtp) || !SmtpMethods.Contains(method.Name))
            {
                return null;
            }

            var name = "SmtpClient." + method.Name;
            return new SinkMethod(
                new Sink(SinkKind.Vendor, name),
                SinkMethod.AllParameters(method, p => !CarriesPayload(p) || p.Name == "userToken"),
                SiteResolution.Remembered((site, model) => resolution.ResolveSmtp(name, site, model, SinkSites.ReceiverSyntax(site))));
        }
    }
}
