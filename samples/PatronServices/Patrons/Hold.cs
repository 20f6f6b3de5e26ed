using MecCompliance;

namespace PatronServices.Patrons;

/// <summary>A title a patron requested: what a patron asks for is as confidential as what they borrow.</summary>
[PatronRecord]
public sealed class Hold
{
    public int Id { get; set; }

    public int PatronId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly PlacedOn { get; set; }
}
