using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    MecCompliance.Analyzers.Rules.ClassificationLossAnalyzer,
    MecCompliance.CodeFixes.ClassificationLossFixer>;

namespace MecCompliance.Analyzers.Tests.CodeFixes;

public sealed class ClassificationLossFixerTests
{
    private const string Patron = """
        using MecCompliance;

        public class Patron
        {
            [PatronRecord] public string CardNumber { get; set; } = "";
            [PersonalData] public string Email { get; set; } = "";
            public int Id { get; set; }
        }
        """;

    [Fact]
    public async Task Receiving_property_gets_the_class_of_the_stored_value()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Patron.cs", Patron));
        test.TestState.Sources.Add(("/Receipt.cs", """
            public class Receipt
            {
                public string Reference { get; set; } = "";

                public static Receipt For(Patron patron)
                {
                    var receipt = new Receipt();
                    receipt.Reference = {|MEC006:patron.CardNumber|};
                    return receipt;
                }
            }
            """));
        test.FixedState.Sources.Add(("/Patron.cs", Patron));
        test.FixedState.Sources.Add(("/Receipt.cs", """
            using MecCompliance;

            public class Receipt
            {
                [PatronRecord]
                public string Reference { get; set; } = "";

                public static Receipt For(Patron patron)
                {
                    var receipt = new Receipt();
                    receipt.Reference = patron.CardNumber;
                    return receipt;
                }
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_all_classifies_members_declared_in_other_documents_once_each()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Patron.cs", Patron));
        test.TestState.Sources.Add(("/Notice.cs", """
            namespace Notices;

            public class Notice
            {
                public string Recipient { get; set; } = "";
                public string? Card;
            }
            """));
        test.TestState.Sources.Add(("/Mailer.cs", """
            using Notices;

            public class Mailer
            {
                public Notice Overdue(Patron patron) => new Notice { Recipient = {|MEC006:patron.Email|}, Card = {|MEC006:patron.CardNumber|} };

                public void Readdress(Notice notice, Patron patron) => notice.Recipient = {|MEC006:patron.Email|};
            }
            """));
        test.FixedState.Sources.Add(("/Patron.cs", Patron));
        test.FixedState.Sources.Add(("/Notice.cs", """
            using MecCompliance;

            namespace Notices;

            public class Notice
            {
                [PersonalData]
                public string Recipient { get; set; } = "";
                [PatronRecord]
                public string? Card;
            }
            """));
        test.FixedState.Sources.Add(("/Mailer.cs", """
            using Notices;

            public class Mailer
            {
                public Notice Overdue(Patron patron) => new Notice { Recipient = patron.Email, Card = patron.CardNumber };

                public void Readdress(Notice notice, Patron patron) => notice.Recipient = patron.Email;
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Unclassified_value_stored_into_a_member_needs_no_fix()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Patron.cs", Patron));
        test.TestState.Sources.Add(("/Receipt.cs", """
            public class Receipt
            {
                public int PatronId { get; set; }

                public static Receipt For(Patron patron) => new Receipt { PatronId = patron.Id };
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Member_that_already_carries_the_class_is_left_alone()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Patron.cs", Patron));
        test.TestState.Sources.Add(("/Receipt.cs", """
            using MecCompliance;

            public class Receipt
            {
                [PatronRecord] public string Reference { get; set; } = "";

                public static Receipt For(Patron patron) => new Receipt { Reference = patron.CardNumber };
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }
}
