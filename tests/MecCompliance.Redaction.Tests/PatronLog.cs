using MecCompliance;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction.Tests;

/// <summary>A classification from another taxonomy, as a partner library might define it.</summary>
public sealed class HealthDataAttribute() : DataClassificationAttribute(new DataClassification("Partner", "Health"));

/// <summary>The logging calls a consortium service makes, one per class of data.</summary>
internal static partial class PatronLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Checked out for card {CardNumber}")]
    public static partial void CheckedOut(ILogger logger, [PatronRecord] string cardNumber);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Notice sent to {Email}")]
    public static partial void NoticeSent(ILogger logger, [PersonalData] string email);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Branch {Branch} opened")]
    public static partial void BranchOpened(ILogger logger, [OrganizationalData] string branch);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Contact {Contact} of branch")]
    public static partial void BranchContact(ILogger logger, [OrganizationalData][PersonalData] string contact);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Accommodation {Note}")]
    public static partial void Accommodation(ILogger logger, [HealthData] string note);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Hold placed")]
    public static partial void HoldPlaced(ILogger logger, [LogProperties] Hold hold);
}

/// <summary>A hold: who placed it is a patron record, the branch is not.</summary>
public sealed class Hold
{
    /// <summary>The patron's card.</summary>
    [PatronRecord]
    public string CardNumber { get; set; } = "";

    /// <summary>The pickup branch.</summary>
    public string Branch { get; set; } = "";
}
