using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MecCompliance;
using Microsoft.Extensions.Logging;
using ValidCode.Models;

namespace ValidCode.Services;

/// <summary>Where patrons and loans are kept: the approved PatronDb sink.</summary>
[DataSink("PatronDb")]
public interface IPatronStore
{
    Task<Patron?> FindAsync(int patronId, CancellationToken cancellationToken);

    Task<Patron?> FindByEmailAsync([PersonalData] string email, CancellationToken cancellationToken);

    Task SaveAsync(Patron patron, CancellationToken cancellationToken);

    Task AddLoanAsync(Loan loan, CancellationToken cancellationToken);

    Task RemoveAsync(int patronId, CancellationToken cancellationToken);
}

/// <summary>Checks items out; logs only unclassified keys and counts.</summary>
public sealed class CirculationService(IPatronStore store, ILogger<CirculationService> logger)
{
    private readonly List<int> _recentPatronIds = new();

    public async Task<bool> CheckoutAsync(int patronId, string itemBarcode, CancellationToken cancellationToken)
    {
        var patron = await store.FindAsync(patronId, cancellationToken);
        if (patron is null || string.IsNullOrEmpty(patron.CardNumber))
        {
            logger.LogWarning("Checkout refused for patron {PatronId}", patronId);
            return false;
        }

        var loan = new Loan { PatronId = patron.Id, ItemBarcode = itemBarcode };
        await store.AddLoanAsync(loan, cancellationToken);
        _recentPatronIds.Add(patron.Id);
        logger.LogInformation("Checkout recorded for patron {PatronId}; {Count} checkouts this session", patron.Id, _recentPatronIds.Count);
        logger.LogDebug("Card on file ends in {CardTail}", CardMask.LastFour(patron.CardNumber));
        return true;
    }

    public async Task<bool> UpdateEmailAsync(int patronId, [PersonalData] string email, CancellationToken cancellationToken)
    {
        var patron = await store.FindAsync(patronId, cancellationToken);
        if (patron is null)
        {
            return false;
        }

        patron.Email = email;
        patron.IsEmailConfirmed = false;
        await store.SaveAsync(patron, cancellationToken);
        logger.LogInformation("E-mail changed for patron {PatronId}", patronId);
        return true;
    }
}

/// <summary>Masks card numbers for display and diagnostics.</summary>
public static class CardMask
{
    /// <summary>Only the last four digits survive: the result identifies no patron.</summary>
    [Redacts]
    public static string LastFour(string cardNumber) =>
        cardNumber.Length <= 4 ? "****" : "****" + cardNumber.Substring(cardNumber.Length - 4);
}
