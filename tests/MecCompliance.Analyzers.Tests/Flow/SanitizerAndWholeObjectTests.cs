using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>Sanitizers (by declaration, never by name) and the whole-object rule, observed through MEC001.</summary>
public sealed class SanitizerAndWholeObjectTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Library;
        using MecCompliance;
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Compliance.Redaction;
        using Microsoft.Extensions.Logging;

        """;

    private static DiagnosticResult Logged(int key, string source, string path = "") =>
        Verify.Diagnostic("MEC001", key).WithArguments(source, "ILogger.LogInformation", path).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task Redacts_method_and_Redactor_results_are_clean_but_a_method_named_Encrypt_is_not()
    {
        await Verify.VerifyAsync(Usings + """
            static class Masking
            {
                [Redacts]
                public static string Mask(string value) => new string('*', value.Length);

                public static string Encrypt(string value) => value;
            }

            class C(IRedactorProvider redactors, Redactor redactor)
            {
                void Run(ILogger log, Patron p)
                {
                    log.LogInformation(Masking.Mask(p.Email));
                    log.LogInformation(redactor.Redact(p.Email));
                    log.LogInformation(redactors.GetRedactor(new DataClassificationSet(MecTaxonomy.PersonalData)).Redact(p.Email));
                    log.LogInformation({|#0:Masking.Encrypt(p.Email)|});
                }
            }
            """,
            Logged(0, "Patron.Email (PersonalData)", " through Encrypt(string)"));
    }

    [Fact]
    public async Task Object_whose_type_holds_classified_members_is_reported_whole()
    {
        await Verify.VerifyAsync(Usings + """
            public class Loan
            {
                public int Id { get; set; }
                public Patron Borrower { get; set; } = new();
            }

            public record LoanView(int Id, [property: PatronRecord] string Card);

            public record Counts(int Loans, int Holds);

            class C
            {
                void Run(ILogger log, Loan loan, LoanView view, Counts counts, List<Loan> loans, Patron p)
                {
                    log.LogInformation("{Loan}", {|#0:loan|});
                    log.LogInformation("{View}", {|#1:view|});
                    log.LogInformation("{Loans}", {|#2:loans|});
                    log.LogInformation({|#3:$"{p}"|});
                    log.LogInformation("{Counts} {Id} {Count}", counts, loan.Id, loans.Count);
                    log.LogInformation("{Branch}", new Branch());
                }
            }
            """,
            Logged(0, "Loan object (PatronRecord, PersonalData, OrganizationalData)"),
            Logged(1, "LoanView object (PatronRecord)"),
            Logged(2, "List<Loan> object (PatronRecord, PersonalData, OrganizationalData)"),
            Logged(3, "Patron object (PatronRecord, PersonalData, OrganizationalData)"));
    }

    [Fact]
    public async Task Classified_type_classifies_every_member()
    {
        await Verify.VerifyAsync(Usings + """
            [PatronRecord]
            public class Hold
            {
                public int Id { get; set; }
            }

            public class Shelf
            {
                public int Id { get; set; }
            }

            class C
            {
                void Run(ILogger log, Hold hold, Shelf shelf) => log.LogInformation("{Hold} {Shelf}", {|#0:hold.Id|}, shelf.Id);
            }
            """,
            Logged(0, "Hold.Id (PatronRecord)"));
    }

    [Fact]
    public async Task Anonymous_object_with_classified_member_is_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void Run(ILogger log, Patron p) => log.LogInformation("{Who}", {|#0:new { p.Id, p.CardNumber }|});

                void Clean(ILogger log, Patron p) => log.LogInformation("{Who}", new { p.Id, p.Status });
            }
            """,
            Logged(0, "Patron.CardNumber (PatronRecord)"));
    }

    [Fact]
    public async Task Object_with_its_own_ToString_is_judged_by_what_ToString_returns()
    {
        await Verify.VerifyAsync(Usings + """
            public class Member
            {
                public int Id { get; set; }
                [PersonalData] public string Email { get; set; } = "";
                public override string ToString() => "Member " + Id;
            }

            public class Subscriber
            {
                [PersonalData] public string Email { get; set; } = "";
                public override string ToString() => "Subscriber " + {|#1:Email|};
            }

            class C
            {
                void Run(ILogger log, Member member, Subscriber subscriber)
                {
                    log.LogInformation("{Member}", member);
                    log.LogInformation($"Now {member}");
                    log.LogInformation("{Subscriber}", {|#0:subscriber|});
                }
            }
            """,
            Logged(0, "Subscriber.Email (PersonalData)", " through ToString()"));
    }
}
