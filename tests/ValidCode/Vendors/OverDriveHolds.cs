using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ValidCode.Models;

namespace ValidCode.Vendors;

/// <summary>E-book holds at OverDrive: its declared host is approved for patron records under contract MEC-2023-007.</summary>
public sealed class OverDriveHolds(HttpClient http)
{
    private const string Api = "https://patron.overdrive.example/v1";

    public Task<string> ListHoldsAsync(Patron patron, CancellationToken cancellationToken) =>
        http.GetStringAsync($"{Api}/patrons/{patron.CardNumber}/holds", cancellationToken);

    public async Task PlaceHoldAsync(HoldRequest hold, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Api + "/holds"))
        {
            Content = new StringContent(hold.ItemBarcode),
        };
        request.Headers.Add("X-Patron-Card", hold.CardNumber);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
