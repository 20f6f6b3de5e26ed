using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using MecCompliance;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using ValidCode.Models;
using ValidCode.Services;

namespace ValidCode.Logging;

/// <summary>
/// Operator-facing circulation events. Patron data reaches the logs only through [LoggerMessage] parameters that carry
/// their classification (redacted by the logging pipeline), through a redactor, or not at all: ids, counts and
/// predicates are logged instead.
/// </summary>
public sealed partial class CirculationEvents(ILogger<CirculationEvents> logger, IRedactorProvider redactors, EmailSettings mailSettings)
{
    private static readonly Action<ILogger, int, int, Exception?> LoansOverdue =
        LoggerMessage.Define<int, int>(LogLevel.Warning, new EventId(110, nameof(LoansOverdue)), "Patron {PatronId} has {Count} overdue loans");

    private int _lastPatronId;

    public void CheckedOut(Patron patron, string itemBarcode, int branchId)
    {
        LogCheckout(logger, patron.CardNumber, itemBarcode, branchId);
        _lastPatronId = patron.Id;
        Activity.Current?.SetTag("patron.id", patron.Id);
        Activity.Current?.SetTag("branch.id", branchId);
    }

    public void ContactChanged(Patron patron)
    {
        LogContactChanged(logger, patron.Id, patron.Email, patron.PreferredContact);
        var redactor = redactors.GetRedactor(new DataClassificationSet(MecTaxonomy.PersonalData));
        logger.LogInformation("Confirmation sent to {Address}", redactor.Redact(patron.Email));
    }

    public void NoticesQueued(IReadOnlyCollection<Patron> patrons)
    {
        var unconfirmed = patrons.Count(p => !p.IsEmailConfirmed || string.IsNullOrEmpty(p.Email));
        var ids = patrons.Where(p => p.Email.EndsWith("@moevergreen.example", StringComparison.OrdinalIgnoreCase)).Select(p => p.Id);
        logger.LogInformation("Queued {Count} notices ({Unconfirmed} unconfirmed) for staff patrons {PatronIds}", patrons.Count, unconfirmed, string.Join(",", ids));
        logger.LogDebug("Notices go out through {Host}:{Port} as {Mailbox}", mailSettings.SmtpHost, mailSettings.SmtpPort, mailSettings.SupportEmail);
    }

    public void Overdue(Patron patron, IReadOnlyList<Loan> loans)
    {
        LoansOverdue(logger, patron.Id, loans.Count, null);
        using (logger.BeginScope(new Dictionary<string, object> { ["PatronId"] = patron.Id, ["LoanCount"] = loans.Count }))
        {
            logger.LogInformation("Card on file ends in {CardTail}", CardMask.LastFour(patron.CardNumber));
            logger.LogInformation("{Summary}", Describe(patron));
        }
    }

    public void Validate(Patron patron)
    {
        if (string.IsNullOrWhiteSpace(patron.Email))
        {
            logger.LogWarning("Patron {PatronId} has no e-mail on file; {Field} is required", patron.Id, nameof(Patron.Email));
            throw new InvalidOperationException($"Patron {patron.Id} cannot receive notices: {nameof(Patron.Email)} is missing");
        }

        logger.LogDebug("E-mail of patron {PatronId}: {Length} characters, confirmed {Confirmed}", patron.Id, patron.Email.Length, patron.IsEmailConfirmed);
    }

    public void Directory(MemberLibrary library)
    {
        // Organizational information may be logged (DESIGN §3).
        logger.LogInformation("Directory entry {Name} at {Address}, {Phone}", library.Name, library.Address, library.Phone);
        Console.WriteLine($"Published {library.Name} ({library.Id})");
    }

    public void Summary(IEnumerable<Patron> patrons)
    {
        var text = new StringBuilder("Patrons:");
        foreach (var patron in patrons)
        {
            text.Append(' ').Append(patron.Id).Append(patron.IsEmailConfirmed ? "+" : "-");
        }

        Audit(text.ToString());
        Audit("last " + _lastPatronId);
    }

    private void Audit(string entry) => logger.LogInformation("Audit {Entry}", entry);

    private static string Describe(Patron patron) => $"patron {patron.Id}, prefers {patron.PreferredContact}, since {patron.CreatedAt:yyyy}";

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Checkout for card {Card}: item {ItemBarcode} at branch {BranchId}")]
    static partial void LogCheckout(ILogger logger, [PatronRecord] string card, string itemBarcode, int branchId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Patron {PatronId} changed contact to {Email} ({Method})")]
    static partial void LogContactChanged(ILogger logger, int patronId, [PersonalData] string email, ContactMethod method);
}
