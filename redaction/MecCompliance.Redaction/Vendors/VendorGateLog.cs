using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction.Vendors;

/// <summary>The audit trail of the vendor gate: who was reached, never what was sent.</summary>
internal static partial class VendorGateLog
{
    public const string Category = "MecCompliance.VendorGate";

    [LoggerMessage(EventId = 7310, EventName = "MecVendorRequestAllowed", Level = LogLevel.Information,
        Message = "MEC vendor gate allowed {Method} to {Host} (vendor {Vendor}, client {Client})")]
    public static partial void Allowed(ILogger logger, string method, string host, string vendor, string client);

    [LoggerMessage(EventId = 7311, EventName = "MecVendorRequestRefused", Level = LogLevel.Warning,
        Message = "MEC vendor gate refused {Method} to {Host} (vendor {Vendor}, client {Client})")]
    public static partial void Refused(ILogger logger, string method, string host, string vendor, string client);
}
