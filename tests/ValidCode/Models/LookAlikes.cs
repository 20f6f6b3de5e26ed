using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ValidCode.Models;

// Names that resemble personal data but are not: none of them may be reported.

/// <summary>Outbound mail configuration (the consortium's own mailboxes).</summary>
public sealed class EmailSettings
{
    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    public string FromAddress { get; set; } = "noreply@moevergreen.example";

    public string SupportEmail { get; set; } = "help@moevergreen.example";
}

/// <summary>A notice template.</summary>
public sealed class EmailTemplate
{
    public int EmailTemplateId { get; set; }

    public string EmailSubject { get; set; } = "";

    public string Body { get; set; } = "";

    public bool SendEmail { get; set; }
}

/// <summary>Where a staff client connects from.</summary>
public sealed class ClientConnection
{
    public IPAddress? RemoteAddress { get; set; }

    public AddressFamily AddressFamily { get; set; }

    public PhysicalAddress? MacAddress { get; set; }

    public string IpAddress { get; set; } = "";

    public int Port { get; set; }
}

/// <summary>Daily counts for the dashboard.</summary>
public sealed class NoticeStatistics
{
    public int EmailCount { get; set; }

    public int PhoneCallCount { get; set; }

    public int AddressChangeCount { get; set; }

    public string Name { get; set; } = "";

    public string TypeFullName { get; set; } = "";
}
