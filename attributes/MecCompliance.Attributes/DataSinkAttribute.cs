using System;

namespace MecCompliance;

/// <summary>
/// Declares that the marked class, interface or method persists data into the storage sink <paramref name="name"/>
/// (a <c>DbContext</c>, a repository). The sink must be declared with <see cref="ApprovedSinkAttribute"/>, approved for
/// every class of data written to it.
/// </summary>
/// <param name="name">The sink's name, as declared by an <see cref="ApprovedSinkAttribute"/>.</param>
[AttributeUsage(ClassificationTargets.Participants, AllowMultiple = false, Inherited = true)]
public sealed class DataSinkAttribute(string name) : Attribute
{
    /// <summary>The sink's name, as declared by an <see cref="ApprovedSinkAttribute"/>.</summary>
    public string Name { get; } = name;
}
