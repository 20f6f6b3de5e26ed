using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MecCompliance.Redaction.Vendors;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction;

/// <summary>
/// An <see cref="HttpClient"/> handler that lets a request through only to a host that a declared vendor owns
/// (<see cref="ApprovedVendorAttribute.Hosts"/>), and, for a client named after a declared vendor, only to that vendor's
/// hosts. Anything else — an undeclared host, a relative address, no declarations at all — is refused before it is
/// sent, with a <see cref="MecPolicyViolationException"/>. Every decision is written as an audit event (event id, vendor,
/// host, method, client; never the path, query, headers or payload).
/// </summary>
/// <remarks>Add it with <c>AddMecVendorGate()</c> on an <c>IHttpClientBuilder</c>.</remarks>
public sealed class VendorGate : DelegatingHandler
{
    private readonly VendorPolicy _policy;
    private readonly ILogger _audit;
    private readonly string _client;
    private readonly string? _clientVendor;

    /// <summary>Creates the gate over a set of vendor declarations.</summary>
    /// <param name="declarations">The <see cref="ApprovedVendorAttribute"/> declarations in force.</param>
    /// <param name="audit">Where the audit events go.</param>
    /// <param name="clientName">The name of the client the gate guards; when it is a declared vendor's name, only that vendor's hosts may be reached.</param>
    public VendorGate(IEnumerable<ApprovedVendorAttribute> declarations, ILogger audit, string? clientName = null)
        : this(new VendorPolicy(declarations ?? throw new ArgumentNullException(nameof(declarations))), audit, clientName)
    {
    }

    internal VendorGate(VendorPolicy policy, ILogger audit, string? clientName)
    {
        ArgumentNullException.ThrowIfNull(audit);
        _policy = policy;
        _audit = audit;
        _client = clientName ?? string.Empty;
        _clientVendor = clientName is not null && policy.IsDeclared(clientName) ? clientName : null;
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Admit(request);
        return base.SendAsync(request, cancellationToken);
    }

#if NET5_0_OR_GREATER
    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Admit(request);
        return base.Send(request, cancellationToken);
    }
#endif

    private void Admit(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;

        if (request.RequestUri is not { IsAbsoluteUri: true } uri || string.IsNullOrEmpty(uri.IdnHost))
        {
            VendorGateLog.Refused(_audit, method, "(none)", _clientVendor ?? "(none)", _client);
            throw new MecPolicyViolationException(
                "MEC vendor gate refused a request without an absolute address: the vendor it goes to cannot be known. " +
                "Give the client a BaseAddress on a declared vendor host, or use absolute URIs.",
                host: null,
                _policy.Vendors);
        }

        var host = uri.IdnHost;
        var owner = _policy.FindOwner(host, _clientVendor);
        if (owner is not null)
        {
            VendorGateLog.Allowed(_audit, method, host, owner, _client);
            return;
        }

        VendorGateLog.Refused(_audit, method, host, _clientVendor ?? "(none)", _client);
        throw new MecPolicyViolationException(RefusalMessage(host), host, _policy.Vendors);
    }

    private string RefusalMessage(string host)
    {
        var declared = _policy.Vendors.Count == 0 ? "none" : string.Join(", ", _policy.Vendors);
        if (_clientVendor is not null)
        {
            return $"MEC vendor gate refused a request to '{host}': client '{_client}' belongs to vendor {_clientVendor}, " +
                $"whose hosts are {string.Join(", ", _policy.HostsOf(_clientVendor))}. Declared vendors: {declared}. " +
                $"Add the host to {_clientVendor}'s [assembly: ApprovedVendor(...)] Hosts if the contract covers it, or use another client.";
        }

        var known = _policy.Vendors.Select(v => $"{v} ({string.Join(", ", _policy.HostsOf(v))})");
        return $"MEC vendor gate refused a request to '{host}': no declared vendor owns that host. Declared vendors: " +
            (_policy.Vendors.Count == 0 ? "none" : string.Join("; ", known)) +
            ". Declare the vendor with [assembly: ApprovedVendor(\"Name\", ..., Hosts = new[] { \"" + host + "\" })] " +
            "once it is approved for the data it receives.";
    }
}
