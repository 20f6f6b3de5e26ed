using System;

namespace MecCompliance;

/// <summary>
/// Declares the marked method a sanitizer: its return value carries no classified data, whatever its arguments carry.
/// Mark only methods that really remove the data (hashing with a secret key, masking, erasing): a method merely named
/// <c>Encrypt</c> or <c>Protect</c> is not a sanitizer unless it is marked.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RedactsAttribute : Attribute
{
}
