using MecCompliance.Analyzers.Naming;

namespace MecCompliance.Analyzers.Tests;

public sealed class UnclassifiedPersonalDataNamesTests
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
