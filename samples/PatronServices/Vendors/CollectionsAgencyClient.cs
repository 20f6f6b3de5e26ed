using MecCompliance;

namespace PatronServices.Vendors;

/// <summary>
/// The collections agency recovers long-overdue fines. Its contract (MEC-2024-012) covers contact details only: it
/// never learns what a patron borrowed or their card number.
/// </summary>
[Vendor("MidwestCollections")]
public sealed class CollectionsAgencyClient(HttpClient http)
{
    public async Task ReferAsync(CollectionReferral referral, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("v2/referrals", referral, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>A referral of an unpaid balance: who to contact and how much.</summary>
public sealed class CollectionReferral
{
    [PersonalData]
    public required string Name { get; init; }

    [PersonalData]
    public required string Email { get; init; }

    [PersonalData]
    public string? Phone { get; init; }

    public decimal AmountOwed { get; init; }

    /// <summary>The referring member library's code; organizational, not personal.</summary>
    public int LibraryId { get; init; }
}
