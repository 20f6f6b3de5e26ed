using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using MecCompliance;
using ValidCode.Models;

namespace ValidCode.Services;

/// <summary>The e-book partner: approved for patron records under contract MEC-2023-007.</summary>
[Vendor("OverDrive")]
public interface IOverDriveClient
{
    Task RegisterAsync(Patron patron, CancellationToken cancellationToken);
}

/// <summary>Registers patrons with OverDrive over its declared host.</summary>
public sealed class OverDriveClient(HttpClient http) : IOverDriveClient
{
    private static readonly Uri RegisterUri = new("https://patron.overdrive.example/v1/patrons");

    public async Task RegisterAsync(Patron patron, CancellationToken cancellationToken)
    {
        var payload = new PatronRegistration { CardNumber = patron.CardNumber, Email = patron.Email };
        using var response = await http.PostAsJsonAsync(RegisterUri, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>What OverDrive receives.</summary>
public sealed class PatronRegistration
{
    [PatronRecord]
    public string CardNumber { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";
}

/// <summary>Publishes member libraries to the consortium directory (organizational information only).</summary>
public sealed class DirectoryPublisher(HttpClient http)
{
    public async Task PublishAsync(MemberLibrary library, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(
            new Uri("https://directory.moevergreen.example/libraries/" + library.Id), library, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
