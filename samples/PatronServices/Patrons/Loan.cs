using MecCompliance;

namespace PatronServices.Patrons;

/// <summary>What a patron borrowed: circulation is a library record in its entirety.</summary>
[PatronRecord]
public sealed class Loan
{
    public int Id { get; set; }

    /// <summary>
    /// The borrower; <see langword="null"/> once the patron's data was erased: the loan stays as a statistical record of
    /// the title's circulation, which RSMo 182.815 lets the library keep because it no longer identifies anyone.
    /// </summary>
    public int? PatronId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public DateOnly? ReturnedOn { get; set; }
}
