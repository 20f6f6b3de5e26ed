using System.Runtime.CompilerServices;

namespace MecCompliance.Analyzers.Policy;

/// <summary>Whether a type is a collection (implements <c>IEnumerable</c>) or an enumerator (<c>IEnumerator</c>).</summary>
/// <remarks>
/// The flow engine asks this for the result and receiver type of nearly every library call, and
/// <see cref="ITypeSymbol.AllInterfaces"/> allocates a new array on each use. A constructed type implements the
/// non-generic interfaces its definition implements, so the answer is remembered per definition, weakly: it lives as
/// long as the symbol does.
/// </remarks>
internal static class Enumeration
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Contracts> Known = new();

    public static bool IsEnumerable(INamedTypeSymbol type) => Of(type).IsEnumerable;

    public static bool IsEnumerableOrEnumerator(INamedTypeSymbol type) => Of(type) is { IsEnumerable: true } or { IsEnumerator: true };

    private static Contracts Of(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return Known.TryGetValue(definition, out var known) ? known : Known.GetValue(definition, static d => Contracts.Read(d));
    }

    private sealed class Contracts
    {
        private static readonly Contracts[] Shared = [new(false, false), new(true, false), new(false, true), new(true, true)];

        private Contracts(bool isEnumerable, bool isEnumerator)
        {
            IsEnumerable = isEnumerable;
            IsEnumerator = isEnumerator;
        }

        public bool IsEnumerable { get; }

        public bool IsEnumerator { get; }

        public static Contracts Read(INamedTypeSymbol definition)
        {
            var isEnumerable = false;
            var isEnumerator = false;
            foreach (var contract in definition.AllInterfaces)
            {
                isEnumerable |= contract.SpecialType == SpecialType.System_Collections_IEnumerable;
                isEnumerator |= contract.SpecialType == SpecialType.System_Collections_IEnumerator;
            }

            return Shared[(isEnumerable ? 1 : 0) + (isEnumerator ? 2 : 0)];
        }
    }
}
