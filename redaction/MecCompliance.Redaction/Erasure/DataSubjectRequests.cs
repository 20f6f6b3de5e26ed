using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MecCompliance.Redaction.Policy;
using MecCompliance.Redaction.Redactors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Erasure;

/// <summary>Runs the registered erasers for one subject, isolating each, and accounts for every sink.</summary>
internal sealed class DataSubjectRequests : IDataSubjectRequests, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PersonalDataEraserRegistration[] _erasers;
    private readonly Lazy<SinkPolicy> _policy;
    private readonly Lazy<PersonalDataRedactor> _subjectTokens;
    private readonly TimeProvider _clock;
    private readonly ILogger _audit;

    public DataSubjectRequests(
        IServiceScopeFactory scopes,
        IEnumerable<PersonalDataEraserRegistration> erasers,
        IOptions<MecDataSubjectRequestOptions> options,
        IOptions<MecComplianceOptions> compliance,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        _scopes = scopes;
        _erasers = erasers.ToArray();
        _policy = new(() => SinkPolicy.From(options.Value));

        // The same keyed HMAC as personal data in the logs: a subject's token in an erasure event matches the token of
        // the same value elsewhere, and reading the options here runs their validation (a short key fails, never leaks).
        _subjectTokens = new(() => new PersonalDataRedactor(compliance));
        _clock = clock;
        _audit = loggers.CreateLogger(ErasureLog.Category);
    }

    public async Task<ErasureReceipt> EraseAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        cancellationToken.ThrowIfCancellationRequested();

        var tokens = _subjectTokens.Value;
        var token = tokens.IsKeyed ? tokens.Redact(subjectId) : null;
        var subject = token ?? ErasureLog.SubjectNotRecorded;
        var requestedAt = _clock.GetUtcNow();
        var outcomes = new List<SinkErasure>(_erasers.Length);

        foreach (var registration in _erasers)
        {
            outcomes.Add(await RunAsync(registration, subjectId, subject, cancellationToken).ConfigureAwait(false));
        }

        return new ErasureReceipt(token, requestedAt, _clock.GetUtcNow(), outcomes);
    }

    public void Dispose()
    {
        if (_subjectTokens.IsValueCreated)
        {
            _subjectTokens.Value.Dispose();
        }
    }

    private async Task<SinkErasure> RunAsync(PersonalDataEraserRegistration registration, string subjectId, string subject, CancellationToken cancellationToken)
    {
        var eraserName = registration.EraserType.FullName ?? registration.EraserType.Name;
        var sink = "(unknown: the eraser could not be created)";
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var eraser = (IPersonalDataEraser)scope.ServiceProvider.GetRequiredService(registration.EraserType);
                sink = eraser.Sink;
                cancellationToken.ThrowIfCancellationRequested();
                await eraser.EraseAsync(subjectId, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ErasureLog.Cancelled(_audit, subject, sink, eraserName);
                throw;
            }
            catch (Exception failure)
            {
                // One sink's failure must not keep the subject's data in the others: the receipt carries it instead.
                // The exception's message may quote the subject id, so the audit trail gets its type only.
                ErasureLog.Failed(_audit, subject, sink, eraserName, failure.GetType().FullName ?? failure.GetType().Name);
                var declared = _policy.Value.Find(sink);
                return new SinkErasure(sink, eraserName, ErasureOutcome.Failed, $"{failure.GetType().Name}: {failure.Message}", declared?.BackupRetentionDays ?? 0, null);
            }
        }

        var retention = _policy.Value.Find(sink)?.BackupRetentionDays ?? 0;
        DateTimeOffset? until = retention > 0 ? _clock.GetUtcNow().AddDays(retention) : null;
        ErasureLog.Erased(_audit, subject, sink, eraserName, ErasureLog.BackupsUntil(until));
        return new SinkErasure(sink, eraserName, ErasureOutcome.Erased, null, retention, until);
    }
}
