using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class CleanSampleCollection : ICollectionFixture<CleanSampleReport>
{
    public const string Name = "Clean sample";
}

/// <summary>The report on samples/PatronServices, the compliant service: every flow approved, exit code 0.</summary>
[Collection(CleanSampleCollection.Name)]
public sealed class CleanSampleTests(CleanSampleReport report)
{
    [Fact]
    public void Compliant_service_exits_with_0_and_no_finding_errors()
    {
        Assert.Equal(MecCommand.Compliant, report.ExitCode);
        Assert.DoesNotContain(report.Map.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Contains("**Verdict:** compliant: no MecCompliance error", report.Output);
    }

    [Fact]
    public void Options_in_the_projects_editorconfig_apply_as_in_the_build()
    {
        // samples/PatronServices/.editorconfig excludes "patron id" from MEC005; without it every patronId parameter is reported.
        Assert.Empty(report.Map.Findings);
    }

    [Fact]
    public void Data_subject_requests_section_lists_the_patron_database_and_its_backup_retention_as_declared()
    {
        var sink = Assert.Single(report.Map.DataSubjectRequests);
        Assert.Equal("PatronDb", sink.Sink);
        Assert.Contains("PersonalData", sink.Declared);
        Assert.Contains("PatronRecord", sink.Observed);
        Assert.Contains("## Data-subject requests", report.Output);
        Assert.Contains("| `PatronDb` |", report.Output);
    }

    [Fact]
    public void No_flow_is_a_violation()
    {
        Assert.NotEmpty(report.Map.Flows);
        Assert.All(report.Map.Flows, f => Assert.NotEqual(Verdict.Violation, f.Verdict));
    }

    [Fact]
    public void OverDrive_receives_patron_records_under_its_contract()
    {
        // The call into the vendor client and the client's own send are both places where the card number leaves.
        var flows = report.Map.Flows.Where(f => f.Sink == "OverDrive").ToList();
        Assert.Equal(["Patrons/CirculationService.cs", "Vendors/OverDriveClient.cs"], flows.Select(f => f.Location.Path));
        Assert.All(flows, flow => Assert.Equal(("EbookCheckoutRequest object", Verdict.Approved, "MEC-2023-007"), (flow.Data, flow.Verdict, flow.Contract)));
        Assert.Equal(["PatronRecord"], Assert.Single(report.Map.Parties, p => p.Name == "OverDrive").Received);
    }

    [Fact]
    public void Collections_agency_receives_contact_data_only()
    {
        var flows = report.Map.Flows.Where(f => f.Sink == "MidwestCollections").ToList();
        Assert.Equal(2, flows.Count);
        Assert.All(flows, flow =>
        {
            Assert.Equal((SinkKind.Vendor, Verdict.Approved, "CollectionReferral object", "MEC-2024-012"), (flow.Kind, flow.Verdict, flow.Data, flow.Contract));
            Assert.Equal(["PersonalData"], flow.Classes);
        });
    }

    [Fact]
    public void Patron_database_receives_patrons_loans_and_holds()
    {
        var stored = report.Map.Flows.Where(f => f.Sink == "PatronDb").Select(f => f.Data).Order().ToList();
        Assert.Equal(["Hold object", "Loan object", "Patron object"], stored);
        Assert.All(report.Map.Flows.Where(f => f.Sink == "PatronDb"), f => Assert.Equal("ApprovedSink(\"PatronDb\")", f.Declaration));
    }

    [Fact]
    public void Unused_vendor_and_unused_class_of_a_used_sink_are_both_reported()
    {
        var unused = report.Map.UnusedApprovals.Select(u => (u.Name, u.Class, u.PartyUnused)).ToList();
        Assert.Contains(("hoopla", "PatronRecord", true), unused);
        Assert.Contains(("PatronDb", "OrganizationalData", false), unused);
        Assert.DoesNotContain(unused, u => u.Name is "OverDrive" or "MidwestCollections");
    }

    [Fact]
    public void Member_library_directory_is_organizational_data_and_loans_are_classified_as_a_type()
    {
        Assert.Contains(report.Map.ClassifiedMembers, m => m.Name == "MemberLibrary.Name" && m.Classes.SequenceEqual(["OrganizationalData"]));
        Assert.Contains(report.Map.ClassifiedMembers, m => m.Name == "Loan" && m.Kind == "type" && m.Classes.SequenceEqual(["PatronRecord"]));
        Assert.DoesNotContain(report.Map.ClassifiedMembers, m => m.Name is "Patron.Id" or "Patron.HomeLibraryId" or "Patron.FinesOwed");
    }

    [Fact]
    public void Card_number_logged_through_a_classified_LoggerMessage_parameter_is_allowed_as_redacted()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.Kind == SinkKind.Log && f.Data == "Patron.CardNumber");
        Assert.Equal((Verdict.Allowed, "CirculationLog.PatronRegistered"), (flow.Verdict, flow.Sink));
        Assert.StartsWith("redacted", flow.Detail);
        Assert.Equal(("Patrons/CirculationService.cs", 16), (flow.Location.Path, flow.Location.Line));
    }

    [Fact]
    public void Organizational_data_in_a_log_is_allowed_by_the_policy()
    {
        var flow = Assert.Single(report.Map.Flows, f => f.Kind == SinkKind.Log && f.Data == "MemberLibrary.Name");
        Assert.Equal((Verdict.Allowed, "policy: organizational data may be logged"), (flow.Verdict, flow.Detail));
    }

    [Fact]
    public void Generated_code_is_left_out_as_the_analyzers_leave_it_out()
    {
        // The logging generator's LoggerMessage implementation passes the card number to ILogger.Log; the build skips it.
        Assert.DoesNotContain(report.Map.Flows, f => f.Location.Path.Contains("/obj/", StringComparison.Ordinal) || f.Location.Path.StartsWith("obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void Logging_ids_and_amounts_is_no_flow_of_classified_data()
    {
        Assert.DoesNotContain(report.Map.Flows, f => f.Data.Contains("Id", StringComparison.Ordinal) || f.Data.Contains("FinesOwed", StringComparison.Ordinal));
    }
}
