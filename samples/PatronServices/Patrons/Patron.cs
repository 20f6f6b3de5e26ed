using MecCompliance;

namespace PatronServices.Patrons;

/// <summary>A registered borrower of a member library.</summary>
public sealed class Patron
{
    public int Id { get; set; }

    /// <summary>The library card number: identifies the patron, so it is a library record under RSMo 182.815.</summary>
    [PatronRecord]
    public string CardNumber { get; set; } = "";

    [PersonalData]
    public string Name { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";

    [PersonalData]
    public string? Phone { get; set; }

    /// <summary>The member library the patron registered with.</summary>
    public int HomeLibraryId { get; set; }

    public decimal FinesOwed { get; set; }

    public List<Loan> Loans { get; set; } = [];

    public List<Hold> Holds { get; set; } = [];
}
