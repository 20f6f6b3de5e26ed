using System;
using System.Collections.Generic;

namespace MecCompliance.Redaction;

/// <summary>
/// Thrown, before anything is sent, when a request would reach a host that no declared vendor owns, or a host of
/// another vendor than the one a named client belongs to.
/// </summary>
public sealed class MecPolicyViolationException : Exception
{
    /// <summary>Creates the exception with a message only (for serializers and tooling).</summary>
    public MecPolicyViolationException()
        : this("A request was refused by the MEC vendor policy.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was refused and how to allow it.</param>
    public MecPolicyViolationException(string message)
        : base(message)
    {
        DeclaredVendors = [];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was refused and how to allow it.</param>
    /// <param name="innerException">The cause.</param>
    public MecPolicyViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        DeclaredVendors = [];
    }

    internal MecPolicyViolationException(string message, string? host, IReadOnlyList<string> declaredVendors)
        : base(message)
    {
        Host = host;
        DeclaredVendors = declaredVendors;
    }

    /// <summary>The host the refused request was addressed to, when it had one.</summary>
    public string? Host { get; }

    /// <summary>The names of the vendors the policy declares (which the request could have been addressed to).</summary>
    public IReadOnlyList<string> DeclaredVendors { get; }
}
