using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MecCompliance.Redaction.Startup;

/// <summary>
/// A logger provider that sees only the start-up probe category, and records whether the probe's classified value
/// reached it, and whether it reached it unredacted: the proof that the real pipeline redacts.
/// </summary>
internal sealed class RedactionProbeProvider : ILoggerProvider
{
    public const string Category = "MecCompliance.RedactionProbe";

    // The probe's classified parameter: it must arrive, redacted; a pipeline that drops it is not redacting either.
    public const string ProbeTag = "Probe";

    private readonly object _gate = new();
    private ILoggerFactory? _attachedTo;
    private string? _secret;
    private bool _received;
    private bool _leaked;
    private bool _tagged;

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? new ProbeLogger(this) : NullLogger.Instance;

    /// <summary>
    /// Joins the factory under test directly rather than through the container's provider list, so that an application
    /// which calls <c>ClearProviders()</c> after <c>AddMecCompliance()</c> is still checked, and not falsely refused.
    /// </summary>
    public void AttachTo(ILoggerFactory factory)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_attachedTo, factory))
            {
                factory.AddProvider(this);
                _attachedTo = factory;
            }
        }
    }

    public ProbeObservation Observe(string secret, Action emit)
    {
        lock (_gate)
        {
            _secret = secret;
            _received = false;
            _leaked = false;
            _tagged = false;
            try
            {
                emit();
                return new ProbeObservation(_received, _leaked, _tagged);
            }
            finally
            {
                _secret = null;
            }
        }
    }

    public void Dispose()
    {
    }

    private void Record<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var secret = _secret;
        if (secret is null)
        {
            return;
        }

        _received = true;
        if (formatter(state, exception).Contains(secret, StringComparison.Ordinal))
        {
            _leaked = true;
        }

        if (state is IEnumerable<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                _tagged |= string.Equals(tag.Key, ProbeTag, StringComparison.OrdinalIgnoreCase);
                if (tag.Value?.ToString()?.Contains(secret, StringComparison.Ordinal) == true)
                {
                    _leaked = true;
                }
            }
        }
    }

    internal readonly record struct ProbeObservation(bool Received, bool Leaked, bool Tagged);

    private sealed class ProbeLogger(RedactionProbeProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Record(state, exception, formatter);
    }
}
