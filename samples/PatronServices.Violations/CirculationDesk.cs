using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace PatronServices.Violations;

public sealed class CirculationDesk(ILogger<CirculationDesk> logger, IOverDrive overDrive, IPatronStore store, HttpClient http)
{
    // Approved: OverDrive is approved for patron records under contract MEC-2023-007.
    public Task CheckoutEbookAsync(Patron patron, string titleId) => overDrive.CheckoutAsync(patron.CardNumber, titleId);

    // Approved: PatronDb holds patron records and personal data.
    public Task RegisterAsync(Patron patron) => store.SaveAsync(patron);

    // MEC001: an e-mail address written to the log in clear text.
    public void RenewAll(Patron patron) => logger.LogInformation("Renewed all loans of {Email}", patron.Email);

    // MEC002: a reading-statistics service nobody declared receives card numbers.
    public Task ReportReadingAsync(Patron patron, string titleId) =>
        http.PostAsJsonAsync("https://api.readingstats.example/v1/events", new { patron.CardNumber, titleId });

    // MEC003: card numbers written to a CSV file outside the secure environment.
    public void ExportOverdue(Patron patron) => File.AppendAllText("overdue.csv", patron.CardNumber + Environment.NewLine);

    // MEC006: the e-mail address loses its classification in an unclassified property.
    public OverdueNotice NoticeFor(Patron patron, int daysOverdue) => new() { Recipient = patron.Email, DaysOverdue = daysOverdue };
}
