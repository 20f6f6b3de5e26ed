using MecCompliance;

namespace PatronServices.Libraries;

/// <summary>An entry of the consortium's member-library directory.</summary>
public sealed class MemberLibrary
{
    public int Id { get; set; }

    [OrganizationalData]
    public string Name { get; set; } = "";

    [OrganizationalData]
    public string Address { get; set; } = "";

    [OrganizationalData]
    public string Phone { get; set; } = "";
}
