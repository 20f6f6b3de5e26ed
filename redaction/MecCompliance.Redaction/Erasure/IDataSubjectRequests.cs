using System;
using System.Threading;
using System.Threading.Tasks;

namespace MecCompliance.Redaction;

/// <summary>
/// Carries out a data subject's request to have their personal information removed, across every sink that holds it.
/// Registered by <c>AddMecCompliance()</c> and by <c>AddPersonalDataEraser&lt;T&gt;()</c>.
/// </summary>
public interface IDataSubjectRequests
{
    /// <summary>
    /// Runs every registered <see cref="IPersonalDataEraser"/>, one after the other, each in its own scope. An eraser that
    /// fails does not stop the others: the receipt says which sink failed and why. Every outcome is written as an audit
    /// event (category <c>MecCompliance.DataSubjectRequests</c>) naming the sink and the outcome, in which the subject
    /// appears only as a keyed HMAC token (<see cref="MecComplianceOptions.HmacKey"/>), or not at all without a key.
    /// </summary>
    /// <param name="subjectId">The application's identifier of the data subject, as the erasers understand it.</param>
    /// <param name="cancellationToken">
    /// Stops the request: no further eraser starts, an audit event records which sink was reached, and the task is
    /// cancelled. Sinks erased before the cancellation stay erased.
    /// </param>
    /// <returns>What was erased where, what failed and why, and until when the data may persist on backups.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is null or empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ErasureReceipt> EraseAsync(string subjectId, CancellationToken cancellationToken = default);
}
