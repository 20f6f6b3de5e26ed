using System.Threading;
using System.Threading.Tasks;
using MecCompliance;
using Microsoft.EntityFrameworkCore;
using ValidCode.Models;
using ValidCode.Services;

namespace ValidCode.Storage;

/// <summary>The consortium's patron database: the approved PatronDb sink.</summary>
[DataSink("PatronDb")]
public sealed class PatronDbContext(DbSet<Patron> patrons, DbSet<Loan> loans) : DbContext
{
    public DbSet<Patron> Patrons { get; } = patrons;

    public DbSet<Loan> Loans { get; } = loans;
}

/// <summary>The EF Core implementation of the patron store; it writes only into the PatronDb context.</summary>
public sealed class EfPatronStore(PatronDbContext db) : IPatronStore
{
    public async Task<Patron?> FindAsync(int patronId, CancellationToken cancellationToken) => await db.Patrons.FindAsync(patronId);

    public Task<Patron?> FindByEmailAsync([PersonalData] string email, CancellationToken cancellationToken) => Task.FromResult<Patron?>(null);

    public async Task SaveAsync(Patron patron, CancellationToken cancellationToken)
    {
        db.Patrons.Update(patron);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddLoanAsync(Loan loan, CancellationToken cancellationToken)
    {
        await db.Loans.AddAsync(loan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(int patronId, CancellationToken cancellationToken)
    {
        if (await db.Patrons.FindAsync(patronId) is { } patron)
        {
            db.Patrons.Remove(patron);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
