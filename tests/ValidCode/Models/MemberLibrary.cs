using MecCompliance;

namespace ValidCode.Models;

/// <summary>A member library as listed in the consortium's public directory (organizational information).</summary>
[OrganizationalData]
public sealed class MemberLibrary
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string Phone { get; set; } = "";
}
