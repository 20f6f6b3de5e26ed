namespace MecCompliance.Redaction.Tests;

/// <summary>What the test erasers did, shared by every scope of one container.</summary>
internal sealed class ErasureLedger
{
    public List<(string Sink, string Subject)> Erased { get; } = [];

    /// <summary>Completes when a slow eraser has started, so a test cancels it while it runs, not before.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed class PatronDbEraser(ErasureLedger ledger) : IPersonalDataEraser
{
    public string Sink => "PatronDb";

    [ErasesPersonalData("PatronDb")]
    public ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken)
    {
        ledger.Erased.Add((Sink, subjectId));
        return ValueTask.CompletedTask;
    }
}

internal sealed class MailingListEraser(ErasureLedger ledger) : IPersonalDataEraser
{
    public string Sink => "MailingList";

    [ErasesPersonalData("MailingList")]
    public async ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        ledger.Erased.Add((Sink, subjectId));
    }
}

/// <summary>A list server that refuses, and says so quoting the subscriber, as real exception messages do.</summary>
internal sealed class UnreachableMailingListEraser : IPersonalDataEraser
{
    public string Sink => "MailingList";

    [ErasesPersonalData("MailingList")]
    public ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The list server refused to remove subscriber {subjectId}.");
}

/// <summary>An eraser that is slow enough to be cancelled while it runs.</summary>
internal sealed class SlowMailingListEraser(ErasureLedger ledger) : IPersonalDataEraser
{
    public string Sink => "MailingList";

    [ErasesPersonalData("MailingList")]
    public async ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken)
    {
        ledger.Started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

/// <summary>An eraser whose sink name does not match any declaration (a typo of "PatronDb").</summary>
internal sealed class MisnamedEraser : IPersonalDataEraser
{
    public string Sink => "PatronDB";

    [ErasesPersonalData("PatronDB")]
    public ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
