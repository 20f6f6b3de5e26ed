using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class ViolationsSampleCollection : ICollectionFixture<ViolationsSampleReport>
{
    public const string Name = "Violations sample";
}

/// <summary>The report on samples/PatronServices.Violations: one finding of each kind beside two approved flows, and a sink without an eraser.</summary>
[Collection(ViolationsSampleCollection.Name)]
public sealed class ViolationsSampleTests(ViolationsSampleReport report)
{


    [Fact]
    public void Sink_without_an_eraser_is_MEC007_on_its_declaration_an_error_here_as_in_the_samples_build()
    {
        // MEC007 is a warning by default; the repository builds with TreatWarningsAsErrors, and the report counts it as
        // the build does.
        var finding = Assert.Single(report.Map.Findings, f => f.RuleId == "MEC007");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(new SourcePoint("Policy.cs", 6, 12), finding.Location);
        Assert.StartsWith("Sink 'PatronDb' may hold PatronRecord, PersonalData, but no method", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_subject_requests_section_says_PatronDb_cannot_erase_or_correct()
    {
        var sink = Assert.Single(report.Map.DataSubjectRequests);
        Assert.Equal("PatronDb", sink.Sink);
        Assert.Equal(["PatronRecord", "PersonalData"], sink.Declared);
        Assert.Equal(["PatronRecord", "PersonalData"], sink.Observed);
        Assert.Empty(sink.Erasers);
        Assert.Empty(sink.Correctors);
        Assert.Null(sink.BackupRetentionDays);
        Assert.Contains("no eraser: no method is marked [ErasesPersonalData(\"PatronDb\")] (MEC007)", sink.Missing);
        Assert.Contains("## Data-subject requests", report.Output);
    }

    [Fact]
    public void Progress_goes_to_standard_error_and_the_report_to_standard_output()
    {
        Assert.Contains("mec: loading", report.Progress);
        Assert.Contains("mec: analysing PatronServices.Violations", report.Progress);
        Assert.StartsWith("# MecCompliance report: PatronServices.Violations.csproj", report.Output);
        Assert.DoesNotContain("mec: loading", report.Output);
    }

    [Fact]
    public void Card_number_sent_to_OverDrive_is_approved_by_its_contract()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.Kind == SinkKind.Vendor && f.Sink == "OverDrive");
        Assert.Equal(Verdict.Approved, flow.Verdict);
        Assert.Equal("Patron.CardNumber", flow.Data);
        Assert.Equal(["PatronRecord"], flow.Classes);
        Assert.Equal("ApprovedVendor(\"OverDrive\")", flow.Declaration);
        Assert.Equal("MEC-2023-007", flow.Contract);
        Assert.Equal(new SourcePoint("CirculationDesk.cs", 9, 94), flow.Location);
    }

    [Fact]
    public void Patron_saved_to_PatronDb_is_approved_with_both_classes()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.Kind == SinkKind.Storage && f.Sink == "PatronDb");
        Assert.Equal((Verdict.Approved, "Patron object"), (flow.Verdict, flow.Data));
        Assert.Equal(["PatronRecord", "PersonalData"], flow.Classes);
        Assert.Equal("ApprovedSink(\"PatronDb\")", flow.Declaration);
        Assert.Null(flow.Contract);
    }

    [Fact]
    public void Declared_vendor_that_no_code_uses_is_listed_as_an_unused_approval()
    {
        var unused = Assert.Single(report.Map.UnusedApprovals, u => u.Kind == PartyKind.Vendor);
        Assert.Equal(("Libby", "PatronRecord", true), (unused.Name, unused.Class, unused.PartyUnused));
    }

    [Fact]
    public void Used_vendor_lists_the_classes_it_receives()
    {
        var overDrive = Assert.Single(report.Map.Parties, p => p.Name == "OverDrive");
        Assert.Equal(["PatronRecord"], overDrive.Received);
        Assert.Equal(["patron.overdrive.example"], overDrive.Hosts);
        Assert.Equal(new SourcePoint("Policy.cs", 3, 12), overDrive.Location);
    }

    [Fact]
    public void Classified_members_are_listed_with_their_class()
    {
        Assert.Contains(report.Map.ClassifiedMembers, m => m.Name == "Patron.CardNumber" && m.Classes.SequenceEqual(["PatronRecord"]) && m.Kind == "property");
        Assert.Contains(report.Map.ClassifiedMembers, m => m.Name == "Patron.Email" && m.Classes.SequenceEqual(["PersonalData"]));
        Assert.Contains(report.Map.ClassifiedMembers, m => m.Name == "IOverDrive.CheckoutAsync(cardNumber)" && m.Kind == "parameter");
    }

    [Fact]
    public void Unclassified_members_are_not_listed()
    {
        Assert.DoesNotContain(report.Map.ClassifiedMembers, m => m.Name is "Patron.Id" or "OverdueNotice.Recipient" or "OverdueNotice.DaysOverdue");
        Assert.DoesNotContain(report.Map.Flows, f => f.Classes.Count == 0);
    }

    [Fact]
    public void Violations_make_the_exit_code_1()
    {
        Assert.Equal(MecCommand.ViolationsFound, report.ExitCode);
        Assert.Contains("**Verdict:** 6 error(s): 4 flow(s) of classified data break the policy, 1 policy declaration(s) are invalid, 1 other finding(s) are errors.", report.Output);
    }

    [Fact]
    public void Every_violation_flow_is_a_finding_of_the_build()
    {
        foreach (var flow in report.Map.Flows.Where(f => f.Verdict == Verdict.Violation))
        {
            Assert.Contains(report.Map.Findings, f => f.RuleId == flow.RuleId && f.Location == flow.Location && f.Message == flow.Detail);
        }
    }

    [Fact]
    public void Violation_flows_are_exactly_the_builds_flow_findings_with_id_location_and_message()
    {
        // Both come from one analysis: the findings from the rules, the flows from the same engine run judged by the
        // rules' judgement. Neither side has an entry the other lacks.
        var flowRules = new[] { "MEC001", "MEC002", "MEC003", "MEC006" };
        var fromFlows = report.Map.Flows.Where(f => f.Verdict == Verdict.Violation)
            .Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.Line}:{f.Location.Column} {f.Detail}").Order(StringComparer.Ordinal).ToList();
        var fromBuild = report.Map.Findings.Where(f => flowRules.Contains(f.RuleId))
            .Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.Line}:{f.Location.Column} {f.Message}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(4, fromBuild.Count);
        Assert.Equal(fromBuild, fromFlows);
    }

    [Fact]
    public void Vendor_approved_for_patron_records_without_contract_is_a_finding()
    {
        var finding = Assert.Single(report.Map.Findings, f => f.RuleId == "MEC004");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("Policy.cs", finding.Location.Path);
        Assert.Equal(9, finding.Location.Line);
    }

    [Fact]
    public void Email_written_to_the_log_is_a_MEC001_violation()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.RuleId == "MEC001");
        Assert.Equal((SinkKind.Log, Verdict.Violation, "Patron.Email"), (flow.Kind, flow.Verdict, flow.Data));
        Assert.Equal(["PersonalData"], flow.Classes);
        Assert.Equal("ILogger.LogInformation", flow.Sink);
        Assert.StartsWith("Patron.Email (PersonalData) reaches ILogger.LogInformation unredacted", flow.Detail);
        Assert.Equal(("CirculationDesk.cs", 15), (flow.Location.Path, flow.Location.Line));
    }

    [Fact]
    public void Email_copied_into_an_unclassified_property_is_a_MEC006_violation()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.RuleId == "MEC006");
        Assert.Equal((SinkKind.UnclassifiedMember, "Patron.Email", "OverdueNotice.Recipient"), (flow.Kind, flow.Data, flow.Sink));
        Assert.Equal(("CirculationDesk.cs", 25), (flow.Location.Path, flow.Location.Line));
    }

    [Fact]
    public void Card_number_posted_to_an_undeclared_host_is_a_MEC002_violation()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.RuleId == "MEC002");
        Assert.Equal((SinkKind.Vendor, Verdict.Violation, "Patron.CardNumber"), (flow.Kind, flow.Verdict, flow.Data));
        Assert.Equal("api.readingstats.example (undeclared)", flow.Sink);
        Assert.Equal(["PatronRecord"], flow.Classes);
        Assert.Equal(("CirculationDesk.cs", 19), (flow.Location.Path, flow.Location.Line));
    }

    [Fact]
    public void Card_number_appended_to_a_file_is_a_MEC003_violation()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.RuleId == "MEC003");
        Assert.Equal((SinkKind.Storage, Verdict.Violation, "Patron.CardNumber"), (flow.Kind, flow.Verdict, flow.Data));
        Assert.Equal("File.AppendAllText (unapproved)", flow.Sink);
        Assert.Equal(("CirculationDesk.cs", 22), (flow.Location.Path, flow.Location.Line));
    }
}
