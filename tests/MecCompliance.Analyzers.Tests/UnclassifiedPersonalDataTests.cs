using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MecCompliance.Analyzers.Rules.UnclassifiedPersonalDataAnalyzer>;

namespace MecCompliance.Analyzers.Tests;

public sealed class UnclassifiedPersonalDataTests
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
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new Rules.UnclassifiedPersonalDataAnalyzer(), code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
