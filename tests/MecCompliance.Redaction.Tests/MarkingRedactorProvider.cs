using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace MecCompliance.Redaction.Tests;

/// <summary>
/// The small test redactor (Microsoft.Extensions.Compliance.Testing is not available): it replaces a value with a
/// marker naming the classification it was asked for, so a test sees which redactor each member got.
/// </summary>
internal sealed class MarkingRedactorProvider : IRedactorProvider
{
    public Redactor GetRedactor(DataClassificationSet classifications)
    {
        if (classifications.Equals(new DataClassificationSet(MecTaxonomy.OrganizationalData)))
        {
            return NullRedactor.Instance;
        }

        if (classifications.Equals(new DataClassificationSet(MecTaxonomy.PatronRecord)))
        {
            return new MarkingRedactor("<PatronRecord>");
        }

        return classifications.Equals(new DataClassificationSet(MecTaxonomy.PersonalData))
            ? new MarkingRedactor("<PersonalData>")
            : new MarkingRedactor("<other>");
    }

    private sealed class MarkingRedactor(string marker) : Redactor
    {
        public override int GetRedactedLength(ReadOnlySpan<char> input) => marker.Length;

        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            marker.AsSpan().CopyTo(destination);
            return marker.Length;
        }
    }
}
