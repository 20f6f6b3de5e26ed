using Microsoft.EntityFrameworkCore;
using PatronServices.Data;
using PatronServices.Vendors;

namespace PatronServices.Patrons;

/// <summary>Loans, holds and e-book checkouts of one member library's patrons.</summary>
public sealed class CirculationService(PatronDb db, OverDriveClient overDrive, ILogger<CirculationService> logger)
{
    public async Task<Patron> RegisterAsync(Patron patron, CancellationToken cancellationToken)
    {
        db.Patrons.Add(patron);
        await db.SaveChangesAsync(cancellationToken);

        // The card number goes through a classified [LoggerMessage] parameter: AddMecCompliance erases it in the log.
        CirculationLog.PatronRegistered(logger, patron.Id, patron.CardNumber, patron.HomeLibraryId);
        return patron;
    }

    public Task<List<Loan>> OpenLoansAsync(int patronId, CancellationToken cancellationToken) =>
        db.Loans.Where(l => l.PatronId == patronId && l.ReturnedOn == null).ToListAsync(cancellationToken);

    public async Task<Hold?> PlaceHoldAsync(int patronId, string title, CancellationToken cancellationToken)
    {
        if (!await db.Patrons.AnyAsync(p => p.Id == patronId, cancellationToken))
        {
            return null;
        }

        var hold = new Hold { PatronId = patronId, Title = title, PlacedOn = DateOnly.FromDateTime(DateTime.UtcNow) };
        db.Holds.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        // The patron id is a surrogate key that identifies nobody outside the circulation database; the hold itself is
        // a library record (a [PatronRecord] type), so not even its id is logged.
        logger.LogInformation("Hold placed for patron {PatronId}", patronId);
        return hold;
    }

    public async Task<EbookCheckout?> CheckoutEbookAsync(int patronId, string titleId, CancellationToken cancellationToken)
    {
        var patron = await db.Patrons.FindAsync([patronId], cancellationToken);
        if (patron is null)
        {
            return null;
        }

        var checkout = await overDrive.CheckoutAsync(new EbookCheckoutRequest(patron.CardNumber, titleId), cancellationToken);
        db.Loans.Add(new Loan { PatronId = patron.Id, Title = checkout.Title, DueOn = checkout.DueOn });
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("E-book {TitleId} checked out for patron {PatronId}", titleId, patron.Id);
        return checkout;
    }
}
