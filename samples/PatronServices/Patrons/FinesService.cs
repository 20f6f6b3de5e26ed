using PatronServices.Vendors;
using PatronServices.Data;

namespace PatronServices.Patrons;

/// <summary>Refers patrons with long-overdue balances to the collections agency.</summary>
public sealed class FinesService(PatronDb db, CollectionsAgencyClient agency, ILogger<FinesService> logger)
{
    /// <summary>Balances at or above this amount are referred, as the consortium's fines policy sets.</summary>
    public const decimal ReferralThreshold = 25m;

    public async Task<bool> ReferIfOverdueAsync(int patronId, CancellationToken cancellationToken)
    {
        var patron = await db.Patrons.FindAsync([patronId], cancellationToken);
        if (patron is null || patron.FinesOwed < ReferralThreshold)
        {
            return false;
        }

        // Contact details only: the agency's contract does not cover card numbers or circulation.
        var referral = new CollectionReferral
        {
            Name = patron.Name,
            Email = patron.Email,
            Phone = patron.Phone,
            AmountOwed = patron.FinesOwed,
            LibraryId = patron.HomeLibraryId,
        };
        await agency.ReferAsync(referral, cancellationToken);

        logger.LogInformation("Patron {PatronId} referred to collections for {AmountOwed:C}", patron.Id, patron.FinesOwed);
        return true;
    }
}
