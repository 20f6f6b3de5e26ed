using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    MecCompliance.Analyzers.Rules.UnclassifiedPersonalDataAnalyzer,
    MecCompliance.CodeFixes.UnclassifiedPersonalDataFixer>;

namespace MecCompliance.Analyzers.Tests.CodeFixes;

public sealed class UnclassifiedPersonalDataFixerTests
{
    [Fact]
    public async Task Personal_name_gets_PersonalData_and_the_using_in_System_first_order()
    {
        await Verify.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using Xyz.Models;

            namespace Xyz.Models
            {
                public class PatronDto
                {
                    public int Id { get; set; }
                    public string {|MEC005:Email|} { get; set; } = "";
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using MecCompliance;
            using Xyz.Models;

            namespace Xyz.Models
            {
                public class PatronDto
                {
                    public int Id { get; set; }
                    [PersonalData]
                    public string Email { get; set; } = "";
                }
            }
            """);
    }

    [Fact]
    public async Task Card_and_patron_names_get_PatronRecord()
    {
        await Verify.VerifyCodeFixAsync("""
            using System;

            public class Loan
            {
                public long {|MEC005:CardNumber|} { get; set; }
                public string {|MEC005:PatronBarcode|} { get; set; } = "";
                public DateTime DueDate { get; set; }
            }
            """, """
            using System;
            using MecCompliance;

            public class Loan
            {
                [PatronRecord]
                public long CardNumber { get; set; }
                [PatronRecord]
                public string PatronBarcode { get; set; } = "";
                public DateTime DueDate { get; set; }
            }
            """);
    }

    [Fact]
    public async Task Fields_and_parameters_are_classified_and_attributes_go_on_their_own_line_before_existing_ones()
    {
        await Verify.VerifyCodeFixAsync("""
            using System;
            using MecCompliance;

            public class Mailer
            {
                [Obsolete("use the patron record")]
                private string? {|MEC005:_phoneNumber|};

                public void Send(string {|MEC005:email|}, int count)
                {
                }
            }
            """, """
            using System;
            using MecCompliance;

            public class Mailer
            {
                [PersonalData]
                [Obsolete("use the patron record")]
                private string? _phoneNumber;

                public void Send([PersonalData] string email, int count)
                {
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_all_classifies_members_in_every_document_with_one_using_each()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Patron.cs", """
            public class Patron
            {
                public string {|MEC005:FirstName|} { get; set; } = "";
                public string {|MEC005:LastName|} { get; set; } = "";
                public string {|MEC005:LibraryCardNumber|} { get; set; } = "";
            }
            """));
        test.TestState.Sources.Add(("/Contact.cs", """
            namespace Consortium;

            public class Contact
            {
                public string? {|MEC005:Phone|};
            }
            """));
        test.FixedState.Sources.Add(("/Patron.cs", """
            using MecCompliance;

            public class Patron
            {
                [PersonalData]
                public string FirstName { get; set; } = "";
                [PersonalData]
                public string LastName { get; set; } = "";
                [PatronRecord]
                public string LibraryCardNumber { get; set; } = "";
            }
            """));
        test.FixedState.Sources.Add(("/Contact.cs", """
            using MecCompliance;

            namespace Consortium;

            public class Contact
            {
                [PersonalData]
                public string? Phone;
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Record_positional_member_is_classified_on_its_parameter()
    {
        await Verify.VerifyCodeFixAsync("""
            public record PatronCard(int Id, string {|MEC005:CardNumber|});
            """, """
            using MecCompliance;

            public record PatronCard(int Id, [PatronRecord] string CardNumber);
            """);
    }

    [Fact]
    public async Task No_using_is_added_where_the_attributes_already_resolve()
    {
        await Verify.VerifyCodeFixAsync("""
            namespace MecCompliance.Samples;

            public class Member
            {
                public string {|MEC005:Email|} { get; set; } = "";
            }
            """, """
            namespace MecCompliance.Samples;

            public class Member
            {
                [PersonalData]
                public string Email { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task Classified_and_look_alike_members_are_offered_no_fix()
    {
        await Verify.VerifyNoCodeFixAsync("""
            using MecCompliance;

            public class Branch
            {
                [PersonalData]
                public string Email { get; set; } = "";
                public string SupportEmail { get; set; } = "";
                public bool HasPhone { get; set; }
            }
            """);
    }
}
