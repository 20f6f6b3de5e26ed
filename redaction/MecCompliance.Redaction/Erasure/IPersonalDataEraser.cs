using System.Threading;
using System.Threading.Tasks;

namespace MecCompliance.Redaction;

/// <summary>
/// Deletes or anonymises one data subject's classified data in one approved sink: the policy's promise ("Updating or
/// Removing Information") that users may delete the personal information they submitted. Register each implementation
/// with <c>services.AddPersonalDataEraser&lt;T&gt;()</c>; <see cref="IDataSubjectRequests.EraseAsync"/> runs them all.
/// </summary>
/// <remarks>
/// Mark the implementation's <see cref="EraseAsync"/> with <c>[ErasesPersonalData("&lt;sink&gt;")]</c> so that the
/// analyzers can check it really reaches the sink's <c>[DataSink]</c> code. An eraser runs in its own dependency-injection
/// scope (it may depend on a scoped <c>DbContext</c>), must be idempotent (erasing a subject the sink does not hold
/// succeeds), and reports failure by throwing: the exception becomes the failure reason of the receipt.
/// </remarks>
public interface IPersonalDataEraser
{
    /// <summary>
    /// The name of the sink this eraser erases from, exactly as declared by
    /// <c>[assembly: ApprovedSink("&lt;name&gt;", ...)]</c>. Start-up fails when no such sink is declared.
    /// </summary>
    string Sink { get; }

    /// <summary>Deletes or anonymises every classified datum the sink holds about the subject.</summary>
    /// <param name="subjectId">The application's identifier of the data subject (for example a patron id).</param>
    /// <param name="cancellationToken">Cancels the erasure; the sink must then be left as a transaction would leave it.</param>
    /// <returns>A task that completes when the subject's data is gone from the sink (its backups aside).</returns>
    ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken);
}
