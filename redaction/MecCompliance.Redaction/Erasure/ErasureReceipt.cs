using System;
using System.Collections.Generic;
using System.Linq;

namespace MecCompliance.Redaction;

/// <summary>
/// The account of one erasure request, returned by <see cref="IDataSubjectRequests.EraseAsync"/>: what each sink's eraser
/// did and, as the policy warns, until when erased data may still persist on backup media. It never contains the
/// subject id; <see cref="SubjectToken"/> ties it to the audit events.
/// </summary>
public sealed class ErasureReceipt
{
    internal ErasureReceipt(string? subjectToken, DateTimeOffset requestedAt, DateTimeOffset completedAt, IReadOnlyList<SinkErasure> sinks)
    {
        SubjectToken = subjectToken;
        RequestedAt = requestedAt;
        CompletedAt = completedAt;
        Sinks = sinks;
    }

    /// <summary>
    /// The subject as the audit events name it: the keyed HMAC token of the subject id made with
    /// <see cref="MecComplianceOptions.HmacKey"/>; <see langword="null"/> when no key is configured (then the audit events
    /// name no subject at all).
    /// </summary>
    public string? SubjectToken { get; }

    /// <summary>When the request started, by the container's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset RequestedAt { get; }

    /// <summary>When the last eraser finished.</summary>
    public DateTimeOffset CompletedAt { get; }

    /// <summary>One entry per registered eraser, in registration order.</summary>
    public IReadOnlyList<SinkErasure> Sinks { get; }

    /// <summary>Whether every eraser succeeded. When <see langword="false"/>, retry the request: erasers are idempotent.</summary>
    public bool AllErased => Sinks.All(static s => s.Outcome == ErasureOutcome.Erased);

    /// <summary>
    /// The latest <see cref="SinkErasure.MayPersistOnBackupsUntil"/> over the erased sinks: after this the erased data is
    /// gone from every declared backup. <see langword="null"/> when no erased sink declares a retention.
    /// </summary>
    public DateTimeOffset? MayPersistOnBackupsUntil => Sinks.Max(static s => s.MayPersistOnBackupsUntil);

    /// <summary>The account of every sink, one per line.</summary>
    /// <returns>The account.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Sinks);
}
