using System.Globalization;
using MecCompliance;
using MecCompliance.Redaction;
using Microsoft.EntityFrameworkCore;
using PatronServices.Data;

namespace PatronServices.Patrons;

/// <summary>
/// Removes a patron from the circulation database on request (the policy's "Updating or Removing Information"): the
/// patron row with card number and contact details, and their holds, are deleted; their loans stay, without the link to
/// the patron, as the circulation statistics RSMo 182.815 allows the library to keep.
/// </summary>
public sealed class PatronEraser(PatronDb db) : IPersonalDataEraser
{
    public string Sink => "PatronDb";

    /// <param name="subjectId">The patron id, as the service's routes use it.</param>
    /// <param name="cancellationToken">Cancels the erasure; nothing is erased unless everything is.</param>
    [ErasesPersonalData("PatronDb")]
    public async ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken)
    {
        var patronId = int.Parse(subjectId, NumberStyles.None, CultureInfo.InvariantCulture);

        // One transaction: a patron half-erased (loans unlinked, contact details still there) must never be left behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // SQLite only unlinks a deleted row's cells; secure_delete overwrites them, so the card number and e-mail address
        // cannot be read back from the database file's free pages.
        await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);

        await db.Loans.Where(l => l.PatronId == patronId)
            .ExecuteUpdateAsync(loan => loan.SetProperty(l => l.PatronId, (int?)null), cancellationToken);
        await db.Holds.Where(h => h.PatronId == patronId).ExecuteDeleteAsync(cancellationToken);
        await db.Patrons.Where(p => p.Id == patronId).ExecuteDeleteAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }
}
