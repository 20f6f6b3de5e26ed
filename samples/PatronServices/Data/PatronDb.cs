using MecCompliance;
using Microsoft.EntityFrameworkCore;
using PatronServices.Libraries;
using PatronServices.Patrons;

namespace PatronServices.Data;

/// <summary>The circulation database: the only place this service persists patron records.</summary>
[DataSink("PatronDb")]
public sealed class PatronDb(DbContextOptions<PatronDb> options) : DbContext(options)
{
    public DbSet<Patron> Patrons => Set<Patron>();

    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<Hold> Holds => Set<Hold>();

    public DbSet<MemberLibrary> Libraries => Set<MemberLibrary>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patron>().HasIndex(p => p.CardNumber).IsUnique();
        // A patron's loans outlive the patron without identity (circulation statistics); holds are requests, and go.
        modelBuilder.Entity<Patron>().HasMany(p => p.Loans).WithOne().HasForeignKey(l => l.PatronId).OnDelete(DeleteBehavior.SetNull);
        modelBuilder.Entity<Patron>().HasMany(p => p.Holds).WithOne().HasForeignKey(h => h.PatronId).OnDelete(DeleteBehavior.Cascade);
        SeedData.Apply(modelBuilder);
    }
}
