using System;

namespace MecCompliance.Redaction;

/// <summary>The outcome of one <see cref="IPersonalDataEraser"/> in an <see cref="ErasureReceipt"/>.</summary>
public sealed class SinkErasure
{
    internal SinkErasure(string sink, string eraser, ErasureOutcome outcome, string? failureReason, int backupRetentionDays, DateTimeOffset? mayPersistOnBackupsUntil)
    {
        Sink = sink;
        Eraser = eraser;
        Outcome = outcome;
        FailureReason = failureReason;
        BackupRetentionDays = backupRetentionDays;
        MayPersistOnBackupsUntil = mayPersistOnBackupsUntil;
    }

    /// <summary>The sink's name, as declared by <c>[assembly: ApprovedSink(...)]</c>.</summary>
    public string Sink { get; }

    /// <summary>The full name of the eraser's type.</summary>
    public string Eraser { get; }

    /// <summary>Whether the subject's data was erased from the sink.</summary>
    public ErasureOutcome Outcome { get; }

    /// <summary>
    /// Why the eraser failed (the exception's type and message), or <see langword="null"/> when it did not. Meant for the
    /// operator who retries the request: it may contain whatever the eraser's exception said, the subject id included.
    /// </summary>
    public string? FailureReason { get; }

    /// <summary>
    /// The sink's declared <see cref="ApprovedSinkAttribute.BackupRetentionDays"/>: how many days erased data may persist on
    /// its backup media. 0 when the declaration does not say.
    /// </summary>
    public int BackupRetentionDays { get; }

    /// <summary>
    /// Until when the erased data may persist on the sink's backup media (the erasure's time plus
    /// <see cref="BackupRetentionDays"/>); <see langword="null"/> when the erasure failed or the sink declares no retention.
    /// </summary>
    public DateTimeOffset? MayPersistOnBackupsUntil { get; }

    /// <summary>A one-line account of the outcome, for people: <c>PatronDb: erased; may persist on backups until 2027-01-10</c>.</summary>
    /// <returns>The account.</returns>
    public override string ToString() => Outcome switch
    {
        ErasureOutcome.Erased when MayPersistOnBackupsUntil is { } until =>
            $"{Sink}: erased; may persist on backups until {until.UtcDateTime:yyyy-MM-dd}",
        ErasureOutcome.Erased => $"{Sink}: erased; backup retention not declared",
        _ => $"{Sink}: failed: {FailureReason}",
    };
}
