using System;

namespace MecCompliance;

/// <summary>
/// Declares, at assembly level, a storage sink inside MEC's secure environment and the classes of data it may hold.
/// Code marked <c>[DataSink("name")]</c> writes into it.
/// </summary>
/// <example>
/// <code>
/// [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
/// </code>
/// </example>
/// <param name="name">The sink's name, used by <see cref="DataSinkAttribute"/>.</param>
/// <param name="allowed">The classification attribute types the sink may hold.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ApprovedSinkAttribute(string name, params Type[] allowed) : Attribute
{
    /// <summary>The sink's name.</summary>
    public string Name { get; } = name;

    /// <summary>The classification attribute types the sink is approved to hold.</summary>
    public Type[] Allowed { get; } = allowed ?? [];

    /// <summary>
    /// How many days data erased from the sink may persist on its backup media (the policy's "Updating or Removing
    /// Information" warns that deleted information may persist on backups). 0 means not declared; a negative value is
    /// an invalid declaration (MEC004).
    /// </summary>
    public int BackupRetentionDays { get; set; }
}
