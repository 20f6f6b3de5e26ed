using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ValidCode.Vendors;

/// <summary>
/// Weather for branch closures: the Weather vendor is approved for no classified data, so only unclassified values
/// (a branch's postal code and id) are sent.
/// </summary>
public sealed class BranchWeather : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://api.weather.example/") };

    public Task<string> ForecastAsync(int branchId, string branchPostalCode, CancellationToken cancellationToken) =>
        _http.GetStringAsync("v2/forecast?zip=" + branchPostalCode + "&ref=" + branchId, cancellationToken);

    public void Dispose() => _http.Dispose();
}
