using MecCompliance;

namespace PatronServices.Patrons;

/// <summary>What a patron borrowed: circulation is a library record in its entirety.</summary>
[PatronRecord]
public sealed class Loan
{
    public int Id { get; set; }

    public int PatronId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public DateOnly? ReturnedOn { get; set; }
}
