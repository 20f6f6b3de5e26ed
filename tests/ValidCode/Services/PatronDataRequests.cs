using System.Threading;
using System.Threading.Tasks;
using MecCompliance;
using Microsoft.Extensions.Logging;
using ValidCode.Models;

namespace ValidCode.Services;

/// <summary>
/// A patron's requests under the policy's "Updating or Removing Information": correct the e-mail address they gave,
/// or have their data deleted. Both go through the PatronDb store, so MEC007 and MEC008 are satisfied.
/// </summary>
public sealed class PatronDataRequests(IPatronStore store, ILogger<PatronDataRequests> logger)
{
    [CorrectsPersonalData("PatronDb")]
    public async Task CorrectEmailAsync(int patronId, [PersonalData] string email, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(patronId, cancellationToken) is { } patron)
        {
            patron.Email = email;
            await store.SaveAsync(patron, cancellationToken);
        }
    }

    [ErasesPersonalData("PatronDb")]
    public async Task EraseAsync(int patronId, CancellationToken cancellationToken)
    {
        await store.RemoveAsync(patronId, cancellationToken);
        logger.LogInformation("Erased the data of patron {PatronId} from PatronDb", patronId);
    }
}
