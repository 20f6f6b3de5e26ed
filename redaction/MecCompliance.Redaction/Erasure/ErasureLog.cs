using System;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction.Erasure;

/// <summary>
/// The audit trail of data-subject requests: which sink, which outcome, and the subject only as a keyed token — the
/// trail must not itself become a record of who asked to be forgotten.
/// </summary>
internal static partial class ErasureLog
{
    public const string Category = "MecCompliance.DataSubjectRequests";

    /// <summary>Stands for the subject when no HMAC key is configured: without a key no token can be made safely.</summary>
    public const string SubjectNotRecorded = "(not recorded: no HmacKey)";

    [LoggerMessage(EventId = 7320, EventName = "MecPersonalDataErased", Level = LogLevel.Information,
        Message = "MEC erasure: subject {Subject} erased from sink {Sink} by {Eraser}; may persist on backups until {BackupsUntil}")]
    public static partial void Erased(ILogger logger, string subject, string sink, string eraser, string backupsUntil);

    [LoggerMessage(EventId = 7321, EventName = "MecPersonalDataErasureFailed", Level = LogLevel.Error,
        Message = "MEC erasure: erasing subject {Subject} from sink {Sink} failed in {Eraser} ({ErrorType}); the sink may still hold the data")]
    public static partial void Failed(ILogger logger, string subject, string sink, string eraser, string errorType);

    [LoggerMessage(EventId = 7322, EventName = "MecPersonalDataErasureCancelled", Level = LogLevel.Warning,
        Message = "MEC erasure: request for subject {Subject} cancelled at sink {Sink} ({Eraser}); this and later sinks may still hold the data")]
    public static partial void Cancelled(ILogger logger, string subject, string sink, string eraser);

    public static string BackupsUntil(DateTimeOffset? until) =>
        until is { } date ? date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(retention not declared)";
}
