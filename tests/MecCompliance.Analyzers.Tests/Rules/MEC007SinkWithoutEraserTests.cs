using MecCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.ErasureTest<MecCompliance.Analyzers.Rules.SinkWithoutEraserAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Rules;

/// <summary>MEC007: an approved sink that may hold personal data or patron records needs an [ErasesPersonalData] method.</summary>
public sealed class MEC007SinkWithoutEraserTests
{
    private const string Eraser = """
        using MecCompliance;

        namespace Library.Data
        {
            public class PatronErasure(PatronDb db)
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId)
                {
                    if (db.Patrons.Find(patronId) is { } patron)
                    {
                        db.Patrons.Remove(patron);
                        db.SaveChanges();
                    }
                }
            }
        }
        """;

    private static DiagnosticResult Mec007(int key, string sink, string classes, string origin = "") =>
        Verify.Warning("MEC007", key).WithArguments(sink, origin, classes);

    [Fact]
    public async Task Sink_approved_for_personal_data_without_an_eraser_is_reported_on_its_declaration()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: {|#0:ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))|}]
            """, Verify.PatronDb],
            Mec007(0, "PatronDb", "PatronRecord, PersonalData"));
    }

    [Fact]
    public async Task Sink_with_an_eraser_in_source_is_not_reported()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
            """, Verify.PatronDb, Eraser]);
    }

    [Fact]
    public async Task Eraser_name_is_compared_ignoring_case_as_sink_names_are()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]
            """, Verify.PatronDb, Eraser.Replace("[ErasesPersonalData(\"PatronDb\")]", "[ErasesPersonalData(\"patrondb\")]")]);
    }

    [Fact]
    public async Task Sink_whose_eraser_is_in_a_referenced_assembly_is_not_reported()
    {
        var dataLayer = Verify.Assembly("Consortium.Data", """
            using MecCompliance;
            namespace Consortium.Data;
            public static class PatronErasure
            {
                [ErasesPersonalData("PatronDb")]
                public static void Erase(int patronId) { }
            }
            """);

        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
            """, Verify.PatronDb],
            [dataLayer]);
    }

    [Fact]
    public async Task Eraser_for_another_sink_or_a_corrector_does_not_serve_the_sink()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: {|#0:ApprovedSink("PatronDb", typeof(PersonalDataAttribute))|}]
            [assembly: ApprovedSink("HoldsQueue", typeof(PatronRecordAttribute))]

            public class Requests
            {
                [ErasesPersonalData("HoldsQueue")]
                public void EraseHolds(int patronId) { }

                [CorrectsPersonalData("PatronDb")]
                public void CorrectEmail(int patronId, [PersonalData] string email) { }
            }
            """],
            Mec007(0, "PatronDb", "PersonalData"));
    }

    [Fact]
    public async Task Sink_approved_only_for_organizational_data_needs_no_eraser()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: ApprovedSink("Reports", typeof(OrganizationalDataAttribute))]
            [assembly: ApprovedSink("Scratch")]
            """]);
    }

    [Fact]
    public async Task Sink_approved_for_a_foreign_classification_needs_an_eraser()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            using Microsoft.Extensions.Compliance.Classification;

            [assembly: {|#0:ApprovedSink("Clinic", typeof(OrganizationalDataAttribute), typeof(HealthDataAttribute))|}]

            public sealed class HealthDataAttribute : DataClassificationAttribute
            {
                public HealthDataAttribute() : base(new DataClassification("Health", "Medical")) { }
            }
            """],
            Mec007(0, "Clinic", "PersonalData"));
    }

    [Fact]
    public async Task Malformed_declaration_is_left_to_MEC004()
    {
        await Verify.VerifyAsync(
            ["""
            using MecCompliance;
            [assembly: ApprovedSink("", typeof(PersonalDataAttribute))]
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = -1)]
            """]);
    }

    [Fact]
    public async Task Sink_declared_in_a_referenced_policy_is_reported_at_the_first_approved_store_into_it()
    {
        var policy = Verify.Assembly("Consortium.Policy", """
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
            """);

        await Verify.VerifyAsync(
            [Verify.PatronDb, """
            using Library;
            using Library.Data;

            public class Registration(PatronDb db)
            {
                public void Register(Patron patron)
                {
                    db.Patrons.Add({|#0:patron|});
                    db.SaveChanges();
                }

                public void Renew(Patron patron) => db.Patrons.Add(patron);
            }
            """],
            [policy],
            Mec007(0, "PatronDb", "PatronRecord, PersonalData", " (declared in referenced assembly 'Consortium.Policy')"));
    }

    [Fact]
    public async Task Sink_declared_in_a_referenced_policy_with_an_eraser_here_is_not_reported()
    {
        var policy = Verify.Assembly("Consortium.Policy", """
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
            """);

        await Verify.VerifyAsync(
            [Verify.PatronDb, Eraser, """
            using Library;
            using Library.Data;

            public class Registration(PatronDb db)
            {
                public void Register(Patron patron) => db.Patrons.Add(patron);
            }
            """],
            [policy]);
    }

    [Fact]
    public async Task Sink_declared_in_a_referenced_policy_that_this_code_never_stores_into_is_not_reported()
    {
        var policy = Verify.Assembly("Consortium.Policy", """
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
            """);

        await Verify.VerifyAsync(
            [Verify.PatronDb, """
            using Library;
            using Library.Data;

            public class Registration(PatronDb db)
            {
                public void Register(Patron patron) => db.Patrons.Add(new Patron { Id = patron.Id }.Id == 0 ? null! : null!);
                public int Count(Patron patron) => patron.Id;
            }
            """],
            [policy]);
    }
}
