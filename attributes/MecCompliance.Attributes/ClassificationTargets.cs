namespace MecCompliance;

internal static class ClassificationTargets
{
    // Where a classification may stand (DESIGN §2): members, parameters, return values, and whole types.
    public const System.AttributeTargets All =
        System.AttributeTargets.Property | System.AttributeTargets.Field | System.AttributeTargets.Parameter |
        System.AttributeTargets.ReturnValue | System.AttributeTargets.Class | System.AttributeTargets.Struct |
        System.AttributeTargets.Interface;

    public const System.AttributeTargets Participants =
        System.AttributeTargets.Class | System.AttributeTargets.Interface | System.AttributeTargets.Method;
}
