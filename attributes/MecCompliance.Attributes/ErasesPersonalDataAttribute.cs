using System;

namespace MecCompliance;

/// <summary>
/// Marks a method that deletes (or anonymises) one data subject's classified data in the named sink: the policy's
/// promise that users may delete the personal information they submitted. MEC007 reports an approved sink holding
/// personal data or patron records that no such method serves; MEC008 reports a marked method that never reaches its
/// sink's <see cref="DataSinkAttribute"/> code.
/// </summary>
/// <example>
/// <code>
/// [ErasesPersonalData("PatronDb")]
/// public Task ErasePatronAsync(string patronId, CancellationToken cancellationToken) { ... }
/// </code>
/// </example>
/// <param name="sink">The name of the approved sink, as in <see cref="ApprovedSinkAttribute"/>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ErasesPersonalDataAttribute(string sink) : Attribute
{
    /// <summary>The name of the approved sink the method erases from.</summary>
    public string Sink { get; } = sink;
}
