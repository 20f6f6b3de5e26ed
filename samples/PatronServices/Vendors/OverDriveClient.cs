using MecCompliance;

namespace PatronServices.Vendors;

/// <summary>
/// OverDrive's patron API: an e-book checkout is authenticated with the patron's card number, which the consortium's
/// contract MEC-2023-007 allows (see Policy.cs).
/// </summary>
[Vendor("OverDrive")]
public sealed class OverDriveClient(HttpClient http)
{
    public async Task<EbookCheckout> CheckoutAsync(EbookCheckoutRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("v1/checkouts", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var checkout = await response.Content.ReadFromJsonAsync<EbookCheckout>(cancellationToken);
        return checkout ?? throw new InvalidOperationException("OverDrive answered a checkout with an empty body.");
    }
}

/// <summary>What a patron asks to borrow: a library record.</summary>
[PatronRecord]
public sealed record EbookCheckoutRequest(string CardNumber, string TitleId);

/// <summary>What a patron borrowed: a library record.</summary>
[PatronRecord]
public sealed record EbookCheckout(string TitleId, string Title, DateOnly DueOn);
