using System;

namespace MecCompliance;

/// <summary>
/// Marks a method that corrects or updates one data subject's classified data in the named sink: the policy's promise
/// that users may correct or update the personal information they submitted. MEC008 reports a marked method that
/// never reaches its sink's <see cref="DataSinkAttribute"/> code.
/// </summary>
/// <param name="sink">The name of the approved sink, as in <see cref="ApprovedSinkAttribute"/>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CorrectsPersonalDataAttribute(string sink) : Attribute
{
    /// <summary>The name of the approved sink the method corrects data in.</summary>
    public string Sink { get; } = sink;
}
