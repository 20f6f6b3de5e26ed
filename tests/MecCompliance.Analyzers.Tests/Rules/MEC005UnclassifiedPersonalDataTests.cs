using MecCompliance.Analyzers.Naming;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MecCompliance.Analyzers.Rules.UnclassifiedPersonalDataAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Rules;

/// <summary>MEC005, a member named like personal data without a classification; how names split into words in <see cref="NameWords"/>.</summary>
public sealed class MEC005UnclassifiedPersonalDataTests
{
    private static DiagnosticResult Mec005(int location, string kind, string name, string phrase) =>
        Verify.Diagnostic(RuleDescriptors.MEC005_UnclassifiedPersonalData).WithLocation(location).WithArguments(kind, name, phrase);

    [Fact]
    public async Task Unclassified_personal_properties_and_fields_are_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public class PatronDto
            {
                public int Id { get; set; }
                public string {|#0:Email|} { get; set; } = "";
                public string? {|#1:PhoneNumber|} { get; set; }
                public DateTime {|#2:DateOfBirth|} { get; set; }
                public DateOnly? {|#3:BirthDate|} { get; set; }
                public long {|#4:CardNumber|} { get; set; }
                public string {|#5:PatronId|} { get; set; } = "";
                public string {|#6:AddressLine1|} { get; set; } = "";
                public string {|#7:LastName|} { get; set; } = "";
                public List<string> {|#8:EmailAddresses|} { get; } = new();
                private string? {|#9:_ssn|};
                public string? {|#10:library_card_number|};
            }
            """,
            Mec005(0, "Property", "Email", "email"),
            Mec005(1, "Property", "PhoneNumber", "phone number"),
            Mec005(2, "Property", "DateOfBirth", "date of birth"),
            Mec005(3, "Property", "BirthDate", "birth date"),
            Mec005(4, "Property", "CardNumber", "card number"),
            Mec005(5, "Property", "PatronId", "patron id"),
            Mec005(6, "Property", "AddressLine1", "address"),
            Mec005(7, "Property", "LastName", "last name"),
            Mec005(8, "Property", "EmailAddresses", "email address"),
            Mec005(9, "Field", "_ssn", "ssn"),
            Mec005(10, "Field", "library_card_number", "library card number"));
    }

    [Fact]
    public async Task Classified_members_and_members_of_classified_types_are_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using MecCompliance;

            public class Patron
            {
                [PatronRecord] public string CardNumber { get; set; } = "";
                [PersonalData] public string Email { get; set; } = "";
                [OrganizationalData] public string Address { get; set; } = "";
                [PersonalData] private string? _phone;
            }

            [PatronRecord]
            public class LoanRecord
            {
                public string PatronEmail { get; set; } = "";
                public DateTime PatronBirthDate { get; set; }
                public class Contact { public string Phone { get; set; } = ""; }
            }

            public class Staff
            {
                public LoanRecord? LastLoan { get; set; }
            }
            """);
    }

    [Fact]
    public async Task Member_whose_type_holds_classified_data_is_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;

            public class PostalAddress
            {
                [PersonalData] public string Street { get; set; } = "";
                [PersonalData] public string City { get; set; } = "";
            }

            [PersonalData] public record EmailAddress(string Value);

            public class Patron
            {
                public PostalAddress HomeAddress { get; set; } = new();
                public EmailAddress? Email { get; set; }
            }
            """);
    }

    [Fact]
    public async Task Unclassified_value_object_named_after_personal_data_is_reported_where_used()
    {
        await Verify.VerifyAnalyzerAsync("""
            public readonly record struct EmailAddress(string Value);

            public class Patron
            {
                public EmailAddress {|#0:Email|} { get; set; }
                public EmailSettings? Mail { get; set; }
            }

            public sealed class EmailSettings { }
            """,
            Mec005(0, "Property", "Email", "email"));
    }

    [Fact]
    public async Task Real_world_look_alikes_are_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            public interface IEmailSender { Task SendAsync(string subject); }

            public enum ContactMethod { Email, Phone, Address }

            public class Connection
            {
                public IPAddress? Address { get; set; }
                public AddressFamily AddressFamily { get; set; }
                public string IpAddress { get; set; } = "";
                public string RemoteAddress { get; set; } = "";
                public PhysicalAddress? MacAddress { get; set; }
                public string MacAddressText { get; set; } = "";
                public IPEndPoint? EndPoint { get; set; }
            }

            public class IdentityUserView
            {
                public bool IsEmailConfirmed { get; set; }
                public bool EmailConfirmed { get; set; }
                public bool PhoneNumberConfirmed { get; set; }
                public int EmailTemplateId { get; set; }
                public string EmailTemplateId2 { get; set; } = "";
                public Guid AddressId { get; set; }
                public int PatronId { get; set; }
                public Guid[] PatronIds { get; set; } = [];
                public long BorrowerNumber { get; set; }
                public int PhoneTypeId { get; set; }
                public int EmailCount { get; set; }
                public string EmailSubject { get; set; } = "";
                public ContactMethod PreferredContact { get; set; }
                public string Name { get; set; } = "";
                public string DisplayName { get; set; } = "";
                public string UserName { get; set; } = "";
                public string TypeFullName { get; set; } = "";
                public int Address { get; set; }
                public object? Email { get; set; }
                public Func<string>? Phone { get; set; }
            }

            public class NotificationService
            {
                private readonly IEmailSender _emailSender;
                private const string EmailHeader = "X-MEC";
                private static readonly string SupportPhone = "555-0100";
                public NotificationService(IEmailSender emailSender) => _emailSender = emailSender;
                public Task NotifyAsync(int emailTemplateId, bool sendEmail) => _emailSender.SendAsync(SupportPhone + EmailHeader + emailTemplateId + sendEmail);
                public void Each(Action<string> action) => action("x");
                public void Use() => Each(email => Console.WriteLine(email.Length));
            }

            public sealed class EmailSettings
            {
                public string SmtpHost { get; set; } = "";
                public string FromAddress { get; set; } = "";
                public string SupportEmail { get; set; } = "";
                public string AdminEmail { get; set; } = "";
                public string Address { get; set; } = "";
            }

            public sealed class MailOptions { public string Email { get; set; } = ""; }

            public sealed class ListenerConfig { public string Address { get; set; } = ""; }
            """);
    }

    [Fact]
    public async Task Parameters_are_reported_once_per_declaration()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public interface IPatronLookup
            {
                string? FindByEmail(string {|#0:email|});
            }

            public sealed class PatronLookup : IPatronLookup
            {
                public string? FindByEmail(string email) => email;
                public void Remind(string {|#1:phoneNumber|}, int count, DateTime {|#2:dob|}) { }
                public Action<string> Handler => phone => Console.WriteLine(phone.Length);
            }

            public abstract class Notifier
            {
                public abstract void Notify(string {|#3:emailAddress|});
            }

            public sealed class SmsNotifier : Notifier
            {
                public override void Notify(string emailAddress) { }
            }
            """,
            Mec005(0, "Parameter", "email", "email"),
            Mec005(1, "Parameter", "phoneNumber", "phone number"),
            Mec005(2, "Parameter", "dob", "dob"),
            Mec005(3, "Parameter", "emailAddress", "email address"));
    }

    [Fact]
    public async Task Parameters_of_a_sanitizer_are_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;

            public class CardMask
            {
                [Redacts] public virtual string LastFour(string cardNumber) => "****";
                public string NotASanitizer(string {|#0:cardNumber|}) => "****";
            }

            public class StrictCardMask : CardMask
            {
                public override string LastFour(string cardNumber) => "";
            }
            """,
            Mec005(0, "Parameter", "cardNumber", "card number"));
    }

    [Fact]
    public async Task Parameter_that_fills_a_classified_member_is_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;

            public class Patron
            {
                public Patron(string email, string cardNumber)
                {
                    Email = email;
                    _cardNumber = cardNumber;
                }

                [PersonalData] public string Email { get; private set; }
                [PatronRecord] private string _cardNumber;

                public void ChangeEmail(string email) => Email = email;
                public void Classified([PersonalData] string phone) { }
            }
            """);
    }

    [Fact]
    public async Task Members_are_reported_on_the_declaration_that_should_carry_the_classification()
    {
        await Verify.VerifyAnalyzerAsync("""
            public interface IPatron
            {
                string {|#0:Email|} { get; }
            }

            public class Patron : IPatron
            {
                public string Email { get; set; } = "";
            }

            public class ExplicitPatron : IPatron
            {
                string IPatron.Email => "";
            }

            public abstract class Person
            {
                public abstract string {|#1:Phone|} { get; }
            }

            public sealed class Librarian : Person
            {
                public override string Phone => "";
            }
            """,
            Mec005(0, "Property", "Email", "email"),
            Mec005(1, "Property", "Phone", "phone"));
    }

    [Fact]
    public async Task Record_positional_member_is_reported_once_on_its_parameter()
    {
        await Verify.VerifyAnalyzerAsync("""
            public record Patron(int Id, string {|#0:Email|});
            public record struct Card(string {|#1:CardNumber|});
            """,
            Mec005(0, "Parameter", "Email", "email"),
            Mec005(1, "Parameter", "CardNumber", "card number"));
    }

    [Theory]
    [InlineData("[PersonalData] string Email")]
    [InlineData("[property: PersonalData] string Email")]
    [InlineData("[property: PatronRecord][PersonalData] string Email")]
    public async Task Classified_record_positional_member_is_not_reported(string parameter)
    {
        await Verify.VerifyAnalyzerAsync($$"""
            using MecCompliance;
            public record Patron(int Id, {{parameter}});
            """);
    }

    [Fact]
    public async Task Primary_constructor_parameter_of_a_class_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            public class Reminder(string {|#0:email|})
            {
                public override string ToString() => email.Length.ToString();
            }
            """,
            Mec005(0, "Parameter", "email", "email"));
    }

    [Fact]
    public async Task Generated_code_is_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            public class PatronDto
            {
                public string Email { get; set; } = "";
                public void Set(string phone) { }
            }
            """);
    }

    [Fact]
    public async Task Generated_code_attribute_is_honoured()
    {
        await Verify.VerifyAnalyzerAsync("""
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public class PatronDto
            {
                public string Email { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task Added_words_from_editorconfig_are_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            public class Patron
            {
                public string {|#0:NationalId|} { get; set; } = "";
                public int {|#1:StateIdNumber|} { get; set; }
                public string Nickname { get; set; } = "";
            }
            """,
            "mec_compliance.personal_data_words = national id, StateIdNumber\n",
            Mec005(0, "Property", "NationalId", "national id"),
            Mec005(1, "Property", "StateIdNumber", "state id number"));
    }

    [Fact]
    public async Task Excluded_words_from_editorconfig_are_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            public class Shipment
            {
                public string Address { get; set; } = "";
                public string BillingAddress { get; set; } = "";
                public string {|#0:EmailAddress|} { get; set; } = "";
                public string Phone { get; set; } = "";
            }
            """,
            "mec_compliance.excluded_words = address, phone\n",
            Mec005(0, "Property", "EmailAddress", "email address"));
    }

    [Fact]
    public async Task Without_options_the_defaults_apply()
    {
        await Verify.VerifyAnalyzerAsync("""
            public class Shipment
            {
                public string {|#0:Address|} { get; set; } = "";
                public string NationalId { get; set; } = "";
            }
            """,
            "other_option = 1\n",
            Mec005(0, "Property", "Address", "address"));
    }

    [Fact]
    public async Task Severity_is_info_by_default_and_configurable()
    {
        await Verify.VerifyAnalyzerAsync("""
            public class Patron { public string {|#0:Email|} { get; set; } = ""; }
            """,
            "dotnet_diagnostic.MEC005.severity = error\n",
            Mec005(0, "Property", "Email", "email").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("public class C { public Missing Email { get; set; } }")]
    [InlineData("public class C { public string Email { get; set }")]
    [InlineData("public class C { public void M(string email, Missing phone) { } }")]
    [InlineData("public record R(string Email, );")]
    [InlineData("public class C { string this[string email] => email; }")]
    [InlineData("public class C : Missing { public override string Email { get; } = \"\"; }")]
    [InlineData("public class C : IMissing { public string Email => \"\"; }")]
    public async Task Broken_code_never_makes_the_analyzer_throw(string code)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new MecCompliance.Analyzers.Rules.UnclassifiedPersonalDataAnalyzer(), code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    public sealed class NameWords
    {
        [Theory]
        [InlineData("EmailAddress", "email address")]
        [InlineData("emailAddress", "email address")]
        [InlineData("email_address", "email address")]
        [InlineData("EMAIL_ADDRESS", "email address")]
        [InlineData("_emailAddress", "email address")]
        [InlineData("SSNNumber", "ssn number")]
        [InlineData("eMail", "e mail")]
        [InlineData("E-Mail", "e mail")]
        [InlineData("AddressLine1", "address line")]
        [InlineData("DateOfBirth", "date of birth")]
        [InlineData("IPAddress", "ip address")]
        [InlineData("", "")]
        [InlineData("_", "")]
        public void Identifiers_split_into_lower_case_words(string identifier, string words)
        {
            Assert.Equal(words, string.Join(" ", IdentifierWords.Split(identifier)));
        }

        [Theory]
        [InlineData("EmailAddress")]
        [InlineData("emailAddress1")]
        [InlineData("EMAIL_ADDRESS")]
        [InlineData("SSNNumber")]
        [InlineData("IPAddress")]
        [InlineData("eMail")]
        [InlineData("ABC")]
        [InlineData("x")]
        [InlineData("_1")]
        [InlineData("")]
        public void Last_word_is_the_last_word_of_the_split(string identifier)
        {
            var words = IdentifierWords.Split(identifier);

            Assert.Equal(words.Length == 0 ? null : words[^1], IdentifierWords.LastWord(identifier));
        }

        [Theory]
        [InlineData("Email", "email")]
        [InlineData("EmailAddress", "email address")]
        [InlineData("emailAddresses", "email address")]
        [InlineData("PatronEmail", "email")]
        [InlineData("eMail", "e mail")]
        [InlineData("MailAddress", "mail address")]
        [InlineData("Phone", "phone")]
        [InlineData("HomePhone", "phone")]
        [InlineData("phone_number", "phone number")]
        [InlineData("PhoneNumbers", "phone number")]
        [InlineData("MobileNumber", "mobile number")]
        [InlineData("Address", "address")]
        [InlineData("HomeAddress", "home address")]
        [InlineData("BillingAddress", "address")]
        [InlineData("AddressLine1", "address")]
        [InlineData("DateOfBirth", "date of birth")]
        [InlineData("BirthDate", "birth date")]
        [InlineData("Birthdate", "birthdate")]
        [InlineData("Dob", "dob")]
        [InlineData("SSN", "ssn")]
        [InlineData("SocialSecurityNumber", "social security number")]
        [InlineData("CardNumber", "card number")]
        [InlineData("LibraryCard", "library card")]
        [InlineData("LibraryCardNumber", "library card number")]
        [InlineData("PatronId", "patron id")]
        [InlineData("patron_ids", "patron id")]
        [InlineData("PatronBarcode", "patron barcode")]
        [InlineData("FirstName", "first name")]
        [InlineData("LastName", "last name")]
        [InlineData("FullName", "full name")]
        [InlineData("Surname", "surname")]
        [InlineData("EmailValue", "email")]
        public void Personal_data_names_match_their_phrase(string identifier, string phrase)
        {
            Assert.Equal(phrase, PersonalDataVocabulary.Default.Match(identifier, out _));
        }

        [Theory]
        [InlineData("Name")]
        [InlineData("DisplayName")]
        [InlineData("UserName")]
        [InlineData("FileName")]
        [InlineData("TypeFullName")]
        [InlineData("AssemblyFullName")]
        [InlineData("IPAddress")]
        [InlineData("IpAddress")]
        [InlineData("RemoteAddress")]
        [InlineData("MacAddress")]
        [InlineData("ServerAddress")]
        [InlineData("PhysicalAddress")]
        [InlineData("AddressFamily")]
        [InlineData("AddressId")]
        [InlineData("EmailTemplateId")]
        [InlineData("EmailTemplate")]
        [InlineData("EmailSender")]
        [InlineData("EmailSettings")]
        [InlineData("EmailService")]
        [InlineData("EmailCount")]
        [InlineData("EmailSubject")]
        [InlineData("IsEmailConfirmed")]
        [InlineData("EmailConfirmed")]
        [InlineData("PhoneNumberConfirmed")]
        [InlineData("PhoneTypeId")]
        [InlineData("SmtpHost")]
        [InlineData("FromAddress")]
        [InlineData("FromEmailAddress")]
        [InlineData("SupportEmail")]
        [InlineData("NoReplyEmail")]
        [InlineData("ReplyToAddress")]
        [InlineData("Id")]
        [InlineData("Barcode")]
        [InlineData("CardNumberLength")]
        [InlineData("SsnHash")]
        [InlineData("Birthplace")]
        [InlineData("")]
        public void Look_alikes_do_not_match(string identifier)
        {
            Assert.Null(PersonalDataVocabulary.Default.Match(identifier, out _));
        }

        [Fact]
        public void Added_phrases_match_in_any_casing_and_win_over_default_exclusions()
        {
            var vocabulary = PersonalDataVocabulary.Create("national id, PassportNo, support_email", null);

            Assert.Equal("national id", vocabulary.Match("NationalId", out var kind));
            Assert.Equal(PhraseKind.Any, kind);
            Assert.Equal("passport no", vocabulary.Match("passport_no", out _));
            Assert.Equal("support email", vocabulary.Match("SupportEmail", out _));
            Assert.Equal("email", vocabulary.Match("Email", out _));
        }

        [Fact]
        public void Excluded_phrases_remove_defaults_but_a_more_specific_phrase_still_matches()
        {
            var vocabulary = PersonalDataVocabulary.Create(null, " address ,billing address, , Phone");

            Assert.Null(vocabulary.Match("Address", out _));
            Assert.Null(vocabulary.Match("BillingAddress", out _));
            Assert.Null(vocabulary.Match("Phone", out _));
            Assert.Equal("email address", vocabulary.Match("EmailAddress", out _));
            Assert.Equal("home address", vocabulary.Match("HomeAddress", out _));
            Assert.Equal("phone number", vocabulary.Match("PhoneNumber", out _));
        }
    }
}
