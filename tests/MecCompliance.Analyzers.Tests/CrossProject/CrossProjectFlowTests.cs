using System.Threading;
using System.Threading.Tasks;
using MecCompliance.Analyzers.Rules;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MecCompliance.Analyzers.Tests.CrossProject;

/// <summary>
/// A service (Desk) calling the shared library (Shared) of its solution: each flow rule follows the library's methods
/// through the summaries the library carries, and reports at the service's call; a clean call next to it is clean.
/// </summary>
public sealed class CrossProjectFlowTests
{
    private const string Desk = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Shared;

        namespace Desk;

        public class CirculationDesk(ILogger log)
        {
            public Notice Checkout(Patron patron)
            {
                Audit.Record(log, {|#0:patron.Email|});
                Audit.Record(log, patron.Id.ToString());
                Audit.Count(log, patron.Email, 3);
                return Notices.For({|#1:patron.Email|});
            }

            public Notice Remind(Patron patron) => Notices.About("Hold", patron.Email);

            public async Task Track(Patron patron)
            {
                await new Tracker().Send({|#2:patron.CardNumber|});
                await new Tracker().Send(patron.Id.ToString());
                await new Tracker().Ping(patron.CardNumber);
            }

            public void Keep(Patron patron)
            {
                Archive.Save("holds.txt", {|#3:patron.Email|});
                Archive.Save("holds.txt", patron.Id.ToString());
            }

            public void Greet(Patron patron)
            {
                log.LogInformation({|#4:Texts.Greeting(patron.Email)|});
                log.LogInformation(Texts.Fixed(patron.Email));
            }
        }
        """;

    [Fact]
    public async Task A_shared_helper_that_logs_its_argument_is_reported_at_the_service_call() =>
        await VerifyAsync<ClassifiedDataLoggedAnalyzer>(
            Desk,
            SharedLibrary.Reference,
            new DiagnosticResult("MEC001", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Patron.Email (PersonalData)", "ILogger.LogInformation", " through Record(ILogger, string)"),
            new DiagnosticResult("MEC001", DiagnosticSeverity.Error).WithLocation(4)
                .WithArguments("Patron.Email (PersonalData)", "ILogger.LogInformation", " through Greeting(string)"));

    [Fact]
    public async Task A_shared_helper_that_copies_its_argument_into_an_unclassified_member_is_reported_at_the_service_call() =>
        await VerifyAsync<ClassificationLossAnalyzer>(
            Desk,
            SharedLibrary.Reference,
            new DiagnosticResult("MEC006", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("Patron.Email (PersonalData)", "property", "Notice.To", "PersonalData", " through For(string)"));

    [Fact]
    public async Task A_shared_client_that_posts_its_argument_to_an_undeclared_host_is_reported_at_the_service_call() =>
        await VerifyAsync<VendorEgressAnalyzer>(
            Desk,
            SharedLibrary.Reference,
            new DiagnosticResult("MEC002", DiagnosticSeverity.Error).WithLocation(2).WithArguments(
                "Patron.CardNumber (PatronRecord)",
                "an undeclared vendor by HttpClient.PostAsync to host 'track.partner.example'",
                " through Send(string)",
                "no declared vendor owns this destination; send through a client named after a vendor declared with [assembly: ApprovedVendor(\"<name>\", typeof(PatronRecordAttribute), Hosts = new[] { \"<host>\" }, Contract = \"<contract reference>\")], to a declared host, or through a [Vendor] client, or send an unclassified value instead"));

    private const string Lending = """
        using Shared;

        namespace Desk;

        public class Lending
        {
            public void Share(Patron patron) => Loans.Share({|#0:patron.CardNumber|});
        }
        """;

    [Fact]
    public async Task The_vendor_the_library_resolved_travels_with_its_summary_and_is_judged_by_the_services_policy() =>
        await VerifyAsync<VendorEgressAnalyzer>(
            Lending,
            SharedLibrary.Reference,
            "[assembly: MecCompliance.ApprovedVendor(\"OverDrive\", typeof(MecCompliance.PersonalDataAttribute), Hosts = new[] { \"patron.overdrive.example\" })]",
            new DiagnosticResult("MEC002", DiagnosticSeverity.Error).WithLocation(0).WithArguments(
                "Patron.CardNumber (PatronRecord)",
                "vendor 'OverDrive' by OverDriveApi.Post",
                " through Share(string)",
                "vendor 'OverDrive' is not approved for PatronRecord; add typeof(PatronRecordAttribute) to [assembly: ApprovedVendor(\"OverDrive\", ...)], Contract = \"<contract reference>\" in Policy.cs line 1"));

    [Fact]
    public async Task A_vendor_the_service_approves_receives_through_the_library_without_a_finding() =>
        await VerifyAsync<VendorEgressAnalyzer>(
            Lending.Replace("{|#0:patron.CardNumber|}", "patron.CardNumber"),
            SharedLibrary.Reference,
            "[assembly: MecCompliance.ApprovedVendor(\"OverDrive\", typeof(MecCompliance.PatronRecordAttribute), Hosts = new[] { \"patron.overdrive.example\" }, Contract = \"MEC-2023-007\")]");

    [Fact]
    public async Task A_shared_helper_that_writes_its_argument_to_a_file_is_reported_at_the_service_call() =>
        await VerifyAsync<StorageEgressAnalyzer>(
            Desk,
            SharedLibrary.Reference,
            new DiagnosticResult("MEC003", DiagnosticSeverity.Error).WithLocation(3).WithArguments(
                "Patron.Email (PersonalData)",
                "unapproved storage by File.WriteAllText",
                " through Save(string, string)",
                "only sinks declared with [assembly: ApprovedSink(\"<name>\", typeof(PersonalDataAttribute))] may hold it; store it through a [DataSink(\"<name>\")] repository or DbContext, or store an unclassified value (an id) instead"));

    private const string DeskWithoutMarkers = """
        using Microsoft.Extensions.Logging;
        using Shared;

        namespace Desk;

        public class CirculationDesk(ILogger log)
        {
            public Notice Checkout(Patron patron)
            {
                Audit.Record(log, patron.Email);
                Archive.Save("holds.txt", patron.Email);
                _ = new Tracker().Send(patron.CardNumber);
                return Notices.For(patron.Email);
            }
        }
        """;

    [Fact]
    public async Task A_copy_a_library_method_makes_of_its_receiver_keeps_the_receivers_data() =>
        // A summary says nothing of the receiver: Copy() keeps what the notice held, as any library method returning its
        // receiver's own type does; the copy of a notice that holds nothing classified is clean.
        await VerifyAsync<ClassifiedDataLoggedAnalyzer>(
            """
            using Microsoft.Extensions.Logging;
            using Shared;

            namespace Desk;

            public class Reminders(ILogger log)
            {
                public void Resend(Patron patron)
                {
                    var notice = new Notice { Subject = "Your hold" };
                    notice.To = {|#1:patron.Email|};
                    log.LogInformation({|#0:notice.Copy().To|});
                    var plain = new Notice { To = "desk@library.example", Subject = "Your hold" };
                    log.LogInformation(plain.Copy().To);
                }
            }
            """,
            SharedLibrary.Reference,
            new DiagnosticResult("MEC001", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1)
                .WithMessage("Patron.Email (PersonalData) reaches ILogger.LogInformation unredacted; redact it or log an unclassified value instead"));

    [Fact]
    public async Task A_library_without_summaries_is_an_ordinary_library_call()
    {
        var library = SharedLibrary.WithoutSummaries();
        await VerifyAsync<ClassifiedDataLoggedAnalyzer>(DeskWithoutMarkers, library);
        await VerifyAsync<ClassificationLossAnalyzer>(DeskWithoutMarkers, library);
        await VerifyAsync<VendorEgressAnalyzer>(DeskWithoutMarkers, library);
        await VerifyAsync<StorageEgressAnalyzer>(DeskWithoutMarkers, library);
    }

    [Theory]
    [InlineData("MecCompliance.FlowSummary.v0", "s\t1\t\tlog\t\tILogger.LogInformation\t\t")]
    [InlineData("MecCompliance.FlowSummary.v2", "s\t1\t\tlog\t\tILogger.LogInformation\t\t")]
    [InlineData("MecCompliance.FlowSummary.v1", "s\t1\t\tlog\t\tILogger.LogInformation\t\t\nq\tsomething newer")]
    [InlineData("MecCompliance.FlowSummary.v1", "s\t7\t\tlog\t\tILogger.LogInformation\t\t")]
    [InlineData("MecCompliance.FlowSummary.v1", "s\t1\t\tlog\tSecretData\tILogger.LogInformation\t\t")]
    [InlineData("MecCompliance.FlowSummary.v1", "s\t1\tP:Shared.Nowhere.Text\tlog\t\tILogger.LogInformation\t\t")]
    public async Task A_summary_of_another_version_or_one_this_version_cannot_read_is_ignored(string key, string lines)
    {
        var text = "M:Shared.Audit.Record(Microsoft.Extensions.Logging.ILogger,System.String)\n" + lines;
        var library = SharedLibrary.WithoutSummaries(
            $"[assembly: System.Reflection.AssemblyMetadata(\"{key}\", {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true)})]");
        await VerifyAsync<ClassifiedDataLoggedAnalyzer>(DeskWithoutMarkers, library);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\ns\t1\t\tmember\t\tAudit._last\t\tF:Shared.Audit._last")]
    public async Task A_hand_written_v1_summary_is_read_as_the_generator_writes_it(string privateStore)
    {
        // The twin of the test above: the same line under the key this version reads is followed. A store into a member
        // a reference assembly does not hold (a private field) is the one line left out.
        var text = "M:Shared.Audit.Record(Microsoft.Extensions.Logging.ILogger,System.String)\ns\t1\t\tlog\t\tILogger.LogInformation\t\t" + privateStore;
        var library = SharedLibrary.WithoutSummaries(
            $"[assembly: System.Reflection.AssemblyMetadata(\"MecCompliance.FlowSummary.v1\", {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true)})]");
        await VerifyAsync<ClassifiedDataLoggedAnalyzer>(
            DeskWithoutMarkers.Replace("Audit.Record(log, patron.Email)", "Audit.Record(log, {|#0:patron.Email|})"),
            library,
            new DiagnosticResult("MEC001", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Patron.Email (PersonalData)", "ILogger.LogInformation", " through Record(ILogger, string)"));
    }

    private static Task VerifyAsync<TAnalyzer>(string source, MetadataReference library, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() => VerifyAsync<TAnalyzer>(source, library, policy: null, expected);

    private static Task VerifyAsync<TAnalyzer>(string source, MetadataReference library, string? policy, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        if (policy is not null)
        {
            test.TestState.Sources.Add(("Policy.cs", policy));
        }

        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
