using System.Net.Mail;
using System.Threading.Tasks;
using MecCompliance;
using ValidCode.Models;

namespace ValidCode.Vendors;

/// <summary>Hold-ready e-mails go through MailRelay, approved for personal data (never the card number).</summary>
[Vendor("MailRelay")]
public sealed class HoldNotices(HoldNoticeOptions options)
{
    public async Task SendHoldReadyAsync(Patron patron, string title)
    {
        using var message = new MailMessage("holds@moevergreen.example", patron.Email)
        {
            Subject = "Your hold is ready",
            Body = $"Dear {patron.FirstName}, '{title}' is waiting for you at the desk.",
        };

        using var smtp = new SmtpClient(options.RelayHost, options.RelayPort);
        await smtp.SendMailAsync(message);
    }
}

/// <summary>Where MailRelay's SMTP endpoint is, from configuration.</summary>
public sealed class HoldNoticeOptions
{
    public string RelayHost { get; set; } = "";

    public int RelayPort { get; set; } = 587;
}
