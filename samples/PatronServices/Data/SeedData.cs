using Microsoft.EntityFrameworkCore;
using PatronServices.Libraries;
using PatronServices.Patrons;

namespace PatronServices.Data;

/// <summary>Fictional patrons and libraries, so the service can be tried without an import.</summary>
internal static class SeedData
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MemberLibrary>().HasData(
            new MemberLibrary { Id = 1, Name = "Cass County Public Library", Address = "400 E Mechanic St, Harrisonville, MO", Phone = "816-555-0100" },
            new MemberLibrary { Id = 2, Name = "Daniel Boone Regional Library", Address = "100 W Broadway, Columbia, MO", Phone = "573-555-0140" });

        modelBuilder.Entity<Patron>().HasData(
            new Patron { Id = 1, CardNumber = "21491000123456", Name = "Ada Example", Email = "ada@example.org", Phone = "816-555-0199", HomeLibraryId = 1, FinesOwed = 0m },
            new Patron { Id = 2, CardNumber = "21491000654321", Name = "Ben Sample", Email = "ben@example.org", HomeLibraryId = 2, FinesOwed = 42.50m });

        modelBuilder.Entity<Loan>().HasData(
            new Loan { Id = 1, PatronId = 1, Title = "The Adventures of Tom Sawyer", DueOn = new DateOnly(2026, 12, 15) },
            new Loan { Id = 2, PatronId = 2, Title = "Life on the Mississippi", DueOn = new DateOnly(2026, 3, 1) });

        modelBuilder.Entity<Hold>().HasData(
            new Hold { Id = 1, PatronId = 1, Title = "Pudd'nhead Wilson", PlacedOn = new DateOnly(2026, 11, 20) });
    }
}
