using System.Globalization;

namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// What identifies a finding across edits that do not change it: the rule, the data, the sink or target, the member
/// that contains it, and which of several identical findings in that member it is. Never a line or column: inserting
/// lines above a baselined finding must not turn it into a new one. The build's suppressor and <c>mec baseline</c>
/// both take it from <see cref="From"/>, so they cannot disagree.
/// </summary>
internal sealed class FindingFingerprint : IEquatable<FindingFingerprint>
{
    public FindingFingerprint(string rule, string data, string sink, string member, int occurrence)
    {
        Rule = rule;
        Data = data;
        Sink = sink;
        Member = member;
        Occurrence = occurrence;
    }

    /// <summary><c>MEC001</c>.</summary>
    public string Rule { get; }

    /// <summary>The classified data and its classes, <c>Patron.Email (PersonalData)</c>; empty for rules about declarations.</summary>
    public string Data { get; }

    /// <summary>Where it goes, <c>log: ILogger.LogInformation</c>; for rules without a flow, the finding's message.</summary>
    public string Sink { get; }

    /// <summary>The containing type and member, <c>PatronServices.CirculationDesk.RenewAll(Patron)</c>.</summary>
    public string Member { get; }

    /// <summary>0 for the first finding with these parts in the member (in source order), 1 for the second …</summary>
    public int Occurrence { get; }

    /// <summary>
    /// The fingerprint of <paramref name="diagnostic"/>: from the parts a flow rule put into its properties, or, for the
    /// other rules, from its message (which names what is wrong, never where) and its containing member.
    /// <see langword="null"/> for what a baseline never covers: diagnostics that are not MecCompliance rules, and a
    /// malformed baseline itself.
    /// </summary>
    public static FindingFingerprint? From(Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!IsBaselinable(diagnostic.Id))
        {
            return null;
        }

        var properties = diagnostic.Properties;
        if (properties.TryGetValue(DiagnosticPropertyNames.FingerprintData, out var data) && data is not null &&
            properties.TryGetValue(DiagnosticPropertyNames.FingerprintSink, out var sink) && sink is not null &&
            properties.TryGetValue(DiagnosticPropertyNames.FingerprintMember, out var member) && member is not null)
        {
            var occurrence = properties.TryGetValue(DiagnosticPropertyNames.FingerprintOccurrence, out var text) &&
                             int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
            return new FindingFingerprint(diagnostic.Id, data, sink, member, occurrence);
        }

        return new FindingFingerprint(diagnostic.Id, string.Empty, diagnostic.GetMessage(CultureInfo.InvariantCulture),
            ContainingMember.Of(diagnostic.Location, cancellationToken), 0);
    }

    /// <summary>The rules a baseline may hold: every MEC rule but MEC009, which says the baseline itself is broken.</summary>
    public static bool IsBaselinable(string id) =>
        id.StartsWith("MEC", StringComparison.Ordinal) && id != RuleIdentifiers.MalformedBaseline;

    public bool Equals(FindingFingerprint? other) =>
        other is not null && Rule == other.Rule && Data == other.Data && Sink == other.Sink && Member == other.Member && Occurrence == other.Occurrence;

    public override bool Equals(object? obj) => Equals(obj as FindingFingerprint);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Rule);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Data);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Sink);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Member);
            return (hash * 397) ^ Occurrence;
        }
    }

    public override string ToString() =>
        $"{Rule} | {Data} | {Sink} | {Member}" + (Occurrence == 0 ? string.Empty : " #" + Occurrence.ToString(CultureInfo.InvariantCulture));
}
