using System.Reflection;
using System.Reflection.Emit;

namespace MecCompliance.Redaction.Tests;

/// <summary>
/// A policy assembly made for one test: real assembly-level <see cref="ApprovedSinkAttribute"/> declarations, read by
/// reflection exactly as the runtime reads a consortium's policy assembly, without one test's sinks leaking into another's.
/// </summary>
internal static class PolicyAssembly
{
    private static readonly ConstructorInfo SinkConstructor = typeof(ApprovedSinkAttribute).GetConstructor([typeof(string), typeof(Type[])])!;
    private static readonly PropertyInfo BackupRetentionDays = typeof(ApprovedSinkAttribute).GetProperty(nameof(ApprovedSinkAttribute.BackupRetentionDays))!;

    public static Assembly Declaring(params (string Name, Type[] Allowed, int BackupRetentionDays)[] sinks)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Policy" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run);
        foreach (var (name, allowed, retention) in sinks)
        {
            assembly.SetCustomAttribute(new CustomAttributeBuilder(SinkConstructor, [name, allowed], [BackupRetentionDays], [retention]));
        }

        return assembly;
    }
}

/// <summary>A clock that stands still, so backup dates in receipts are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
