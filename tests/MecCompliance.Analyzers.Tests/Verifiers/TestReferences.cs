using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MecCompliance.Shared;

namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>References for test compilations, resolved offline (see <see cref="Net80References"/>).</summary>
internal static class TestReferences
{
    /// <summary>An empty reference set for the testing library: nothing is downloaded at test time.</summary>
    public static ReferenceAssemblies Net80 { get; } = new("net8.0");

    public static ImmutableArray<MetadataReference> All => Net80References.All;
}
