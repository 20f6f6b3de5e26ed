using System.Text.Json;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Diff;

/// <summary>The diff as JSON, in the report's own vocabulary, for bots that comment on pull requests.</summary>
internal static class DiffJsonWriter
{
    public static void Write(DataMapDiff diff, TextWriter output)
    {
        var document = new
        {
            tool = "mec",
            kind = "diff",
            old = diff.OldTarget,
            @new = diff.NewTarget,
            summary = new
            {
                newViolations = diff.NewViolations.Count,
                fixedViolations = diff.FixedViolations.Count,
                flowsAdded = diff.AddedFlows.Count,
                flowsRemoved = diff.RemovedFlows.Count,
                flowsChanged = diff.ChangedFlows.Count,
                vendorsAdded = diff.AddedParties.Count(p => p.Kind == PartyKind.Vendor),
                vendorsRemoved = diff.RemovedParties.Count(p => p.Kind == PartyKind.Vendor),
                sinksAdded = diff.AddedParties.Count(p => p.Kind == PartyKind.Sink),
                sinksRemoved = diff.RemovedParties.Count(p => p.Kind == PartyKind.Sink),
                classifiedMembersAdded = diff.AddedMembers.Count,
                classifiedMembersRemoved = diff.RemovedMembers.Count,
                exitCode = diff.HasNewViolations ? 1 : 0,
            },
            newViolations = diff.NewViolations,
            fixedViolations = diff.FixedViolations,
            flows = new { added = diff.AddedFlows, removed = diff.RemovedFlows, changed = diff.ChangedFlows },
            vendors = Parties(diff, PartyKind.Vendor),
            sinks = Parties(diff, PartyKind.Sink),
            classifiedMembers = new { added = diff.AddedMembers, removed = diff.RemovedMembers, reclassified = diff.ReclassifiedMembers },
        };
        output.WriteLine(JsonSerializer.Serialize(document, JsonReportWriter.Options));
    }

    private static object Parties(DataMapDiff diff, PartyKind kind) => new
    {
        added = diff.AddedParties.Where(p => p.Kind == kind).Select(Party),
        removed = diff.RemovedParties.Where(p => p.Kind == kind).Select(Party),
        changed = diff.ChangedParties.Where(c => c.After.Kind == kind).Select(c => new { before = Party(c.Before), after = Party(c.After) }),
    };

    // As the report writes a party: with its declaration, which the record only computes.
    private static object Party(DeclaredParty p) => new { p.Kind, p.Name, p.Declaration, p.Allowed, p.Received, p.Hosts, p.Contract, p.DeclaredIn, p.Location, p.Problems };
}
