using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Diff;

/// <summary>
/// The diff for a reviewer, sized for a pull request's job summary: the verdict first, then only the sections that
/// changed.
/// </summary>
internal static class DiffMarkdownWriter
{
    public static void Write(DataMapDiff diff, TextWriter w)
    {
        w.WriteLine("# MecCompliance data-map diff");
        w.WriteLine();
        w.WriteLine($"`{diff.OldTarget}` → `{diff.NewTarget}`");
        w.WriteLine();
        w.WriteLine(Verdict(diff));

        Section(w, "New violations", diff.NewViolations, ["Rule", "Where", "Message"],
            f => [$"[{f.RuleId}]({f.HelpUri})", $"`{f.Location}`", Cell(f.Message)]);
        Section(w, "Flows added", diff.AddedFlows, FlowHeader, FlowRow);
        Section(w, "Flows removed", diff.RemovedFlows, FlowHeader, FlowRow);
        Section(w, "Flows whose verdict or classes changed", diff.ChangedFlows, ["Data", "To", "Before", "After", "Where"],
            c => [Cell(c.After.Data), Target(c.After), Judgement(c.Before), Judgement(c.After), $"`{c.After.Location}`"]);
        foreach (var kind in new[] { PartyKind.Vendor, PartyKind.Sink })
        {
            var plural = kind == PartyKind.Vendor ? "Vendors" : "Sinks";
            Section(w, $"{plural} added", diff.AddedParties.Where(p => p.Kind == kind).ToList(), PartyHeader, PartyRow);
            Section(w, $"{plural} removed", diff.RemovedParties.Where(p => p.Kind == kind).ToList(), PartyHeader, PartyRow);
            Section(w, $"{plural} whose approval changed", diff.ChangedParties.Where(c => c.After.Kind == kind).ToList(), ["Declared", "Before", "After"],
                c => [$"`{c.After.Declaration}`", Approval(c.Before), Approval(c.After)]);
        }

        Section(w, "Classified members added", diff.AddedMembers, MemberHeader, MemberRow);
        Section(w, "Classified members removed", diff.RemovedMembers, MemberHeader, MemberRow);
        Section(w, "Classified members reclassified", diff.ReclassifiedMembers, ["Member", "Before", "After", "Where"],
            c => [$"`{c.After.Name}` ({c.After.Kind})", string.Join(", ", c.Before.Classes), string.Join(", ", c.After.Classes), $"`{c.After.Location}`"]);
        Section(w, "Violations fixed", diff.FixedViolations, ["Rule", "Was at", "Message"],
            f => [$"[{f.RuleId}]({f.HelpUri})", $"`{f.Location}`", Cell(f.Message)]);
    }

    private static readonly string[] FlowHeader = ["Data", "Class", "To", "Verdict", "Approved by / rule", "Where"];
    private static readonly string[] PartyHeader = ["Declared", "Approved for", "Contract", "Hosts"];
    private static readonly string[] MemberHeader = ["Member", "Kind", "Class", "Where"];

    private static string Verdict(DataMapDiff diff)
    {
        if (diff.IsEmpty)
        {
            return "**No change** to the data map: the same flows, vendors, sinks, classified members and verdicts.";
        }

        var fixedText = diff.FixedViolations.Count > 0 ? $" It fixes {diff.FixedViolations.Count} violation(s)." : "";
        return diff.HasNewViolations
            ? $"**{diff.NewViolations.Count} new violation(s):** the change brings findings the build reports as errors.{fixedText}"
            : $"**No new violation.** The data map changed; review the flows below.{fixedText}";
    }

    private static string[] FlowRow(DataFlow f) =>
        [Cell(f.Data), string.Join(", ", f.Classes), Target(f), MarkdownReportWriter.VerdictName(f.Verdict), Basis(f), $"`{f.Location}`"];

    private static string[] PartyRow(DeclaredParty p) =>
        [$"`{p.Declaration}`" + (p.Problems is { Count: > 0 } ? " (invalid: MEC004)" : ""), List(p.Allowed), p.Contract ?? "—", List(p.Hosts)];

    private static string[] MemberRow(ClassifiedMember m) => [$"`{m.Name}`", m.Kind, string.Join(", ", m.Classes), $"`{m.Location}`"];

    private static string Target(DataFlow f) => $"{MarkdownReportWriter.KindName(f.Kind)}: {Cell(f.Sink)}";

    private static string Judgement(DataFlow f) =>
        $"{MarkdownReportWriter.VerdictName(f.Verdict)} ({string.Join(", ", f.Classes)}{(f.Verdict == Report.Verdict.Violation && f.RuleId is { } rule ? $"; {rule}" : "")})";

    private static string Basis(DataFlow f) => f.Verdict switch
    {
        Report.Verdict.Approved => $"`{f.Declaration}`" + (f.Contract is null ? "" : $", contract {f.Contract}"),
        Report.Verdict.Violation => f.RuleId ?? "",
        _ => Cell(f.Detail),
    };

    private static string Approval(DeclaredParty p) =>
        $"for {List(p.Allowed)}; contract {p.Contract ?? "—"}; hosts {List(p.Hosts)}" + (p.Problems is { Count: > 0 } ? "; invalid (MEC004)" : "");

    private static void Section<T>(TextWriter w, string title, IReadOnlyList<T> items, string[] header, Func<T, string[]> row)
    {
        if (items.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine($"## {title} ({items.Count})");
        w.WriteLine();
        w.WriteLine($"| {string.Join(" | ", header)} |");
        w.WriteLine($"|{string.Concat(header.Select(_ => "---|"))}");
        foreach (var item in items)
        {
            w.WriteLine($"| {string.Join(" | ", row(item))} |");
        }
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "—" : string.Join(", ", items);

    // Messages quote declarations such as ApprovedSink("<name>"): GitHub would take <name> for an HTML tag and hide it.
    private static string Cell(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
