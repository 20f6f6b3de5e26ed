using MecCompliance;

namespace PatronServices.Patrons;

/// <summary>
/// Circulation log events. A parameter that carries a classification is the sanctioned way to log classified data:
/// the logging generator hands it to the class's redactor (PatronRecord is erased, PersonalData becomes a keyed token).
/// </summary>
internal static partial class CirculationLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registered patron {PatronId} with card {CardNumber} at library {LibraryId}")]
    public static partial void PatronRegistered(ILogger logger, int patronId, [PatronRecord] string cardNumber, int libraryId);
}
