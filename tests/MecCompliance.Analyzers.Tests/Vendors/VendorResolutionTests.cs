using Verify = MecCompliance.Analyzers.Tests.Vendors.EgressTest<MecCompliance.Analyzers.Rules.VendorEgressAnalyzer>;
using static MecCompliance.Analyzers.Tests.Vendors.VendorEgressTests;

namespace MecCompliance.Analyzers.Tests.Vendors;

/// <summary>MEC002 through [Vendor] marks, typed clients, SMTP and calls into code that sends.</summary>
public sealed class VendorResolutionTests
{
    [Fact]
    public async Task Call_on_a_Vendor_interface_approved_for_the_data_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using MecCompliance;
            using Library;

            [Vendor("OverDrive")]
            interface IOverDrive { void Register(string card, string email); }

            class Sync(IOverDrive overDrive)
            {
                void Run(Patron patron) => overDrive.Register(patron.CardNumber, patron.Email);
            }
            """);
    }

    [Fact]
    public async Task Call_on_a_Vendor_interface_not_approved_for_the_data_is_reported_at_the_argument()
    {
        await Verify.VerifyAsync("""
            using MecCompliance;
            using Library;

            [Vendor("Weather")]
            interface IForecast { void Subscribe(string city, string email); }

            class Sync(IForecast forecast)
            {
                void Run(Patron patron) => forecast.Subscribe("Columbia", {|#0:patron.Email|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Weather' by IForecast.Subscribe", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Vendor_mark_on_a_method_of_an_unmarked_class_applies_to_that_method_only()
    {
        await Verify.VerifyAsync("""
            using MecCompliance;
            using Library;

            class Gateway
            {
                [Vendor("Weather")] public void Forecast(string who) { }
                public void Local(string who) { }
            }

            class Sync(Gateway gateway)
            {
                void Run(Patron patron)
                {
                    gateway.Forecast({|#0:patron.Name|});
                    gateway.Local(patron.Name);
                }
            }
            """,
            Sent(0, "Patron.Name (PersonalData)", "vendor 'Weather' by Gateway.Forecast", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Vendor_mark_naming_no_declaration_asks_for_the_declaration()
    {
        await Verify.VerifyAsync("""
            using MecCompliance;
            using Library;

            [Vendor("Analytics")]
            interface ITracker { void Track(string what); }

            class Sync(ITracker tracker)
            {
                void Run(Patron patron) => tracker.Track({|#0:patron.Email|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Analytics' by ITracker.Track",
                "vendor 'Analytics' is not declared; declare it with [assembly: ApprovedVendor(\"Analytics\", typeof(PersonalDataAttribute))]"));
    }

    [Fact]
    public async Task Sends_inside_a_Vendor_client_belong_to_its_vendor()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using MecCompliance;
            using Library;

            [Vendor("OverDrive")]
            interface IOverDrive { void Register(Patron patron); }

            class OverDriveClient(HttpClient http) : IOverDrive
            {
                public void Register(Patron patron) => http.PostAsync("v1/patrons", new StringContent(patron.CardNumber));
            }
            """);
    }

    [Fact]
    public async Task Sends_inside_a_Vendor_client_not_approved_for_the_data_are_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using MecCompliance;
            using Library;

            [Vendor("Weather")]
            class ForecastClient(HttpClient http)
            {
                public void Subscribe(Patron patron) => http.PostAsync("v1/subscribe", {|#0:new StringContent(patron.CardNumber)|});
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "vendor 'Weather' by HttpClient.PostAsync",
                NotApproved("Weather", "PatronRecord", "typeof(PatronRecordAttribute)", 5, ", Contract = \"<contract reference>\"")));
    }

    [Fact]
    public async Task Vendor_mark_does_not_vouch_for_a_host_no_declared_vendor_owns()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using MecCompliance;
            using Library;

            [Vendor("OverDrive")]
            class OverDriveClient
            {
                private readonly HttpClient _analytics = new();

                public void Track(Patron patron) => _analytics.GetAsync({|#0:"https://stats.analytics.example/who?email=" + patron.Email|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "an undeclared vendor by HttpClient.GetAsync to host 'stats.analytics.example'", UndeclaredFor("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Typed_client_registered_with_a_vendor_name_sends_to_that_vendor()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Library;

            static class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddHttpClient<ForecastClient>("Weather");
            }

            class ForecastClient(HttpClient http)
            {
                public void Send(Patron patron) => http.PostAsync("v1/subscribe", {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Weather' by HttpClient.PostAsync", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Typed_client_registered_with_an_approved_vendor_name_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Library;

            static class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddHttpClient<IPatronSync, PatronSync>("OverDrive");
            }

            interface IPatronSync { void Send(Patron patron); }

            class PatronSync : IPatronSync
            {
                private readonly HttpClient _http;

                public PatronSync(HttpClient http) => _http = http;

                public void Send(Patron patron) => _http.PostAsync("v1/patrons", new StringContent(patron.CardNumber));
            }
            """);
    }

    [Fact]
    public async Task Smtp_send_to_the_declared_host_of_an_approved_vendor_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Mail;
            using Library;

            class Notices
            {
                void Run(Patron patron)
                {
                    var message = new MailMessage("notices@library.example", patron.Email) { Subject = "Your hold is ready" };
                    message.Body = "Dear " + patron.Name;
                    using var smtp = new SmtpClient("smtp.mailrelay.example");
                    smtp.Send(message);
                }
            }
            """);
    }

    [Fact]
    public async Task Smtp_send_of_a_patron_record_to_a_vendor_not_approved_for_it_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Mail;
            using Library;

            class Notices
            {
                void Run(Patron patron)
                {
                    var message = new MailMessage();
                    message.To.Add(patron.Email);
                    message.Body = "Card " + {|#1:patron.CardNumber|};
                    var smtp = new SmtpClient { Host = "smtp.mailrelay.example" };
                    smtp.Send({|#0:message|});
                }
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "vendor 'MailRelay' by SmtpClient.Send",
                NotApproved("MailRelay", "PatronRecord", "typeof(PatronRecordAttribute)", 4, ", Contract = \"<contract reference>\"")).WithLocation(1));
    }

    [Fact]
    public async Task Smtp_send_to_an_undeclared_host_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Mail;
            using Library;

            class Notices
            {
                void Run(Patron patron) => new SmtpClient("smtp.unknown.example").Send("notices@library.example", "desk@library.example", "Hold", {|#0:patron.Name|});
            }
            """,
            Sent(0, "Patron.Name (PersonalData)", "an undeclared vendor by SmtpClient.Send to host 'smtp.unknown.example'", UndeclaredFor("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Classified_argument_to_a_helper_that_sends_to_an_unapproved_vendor_is_reported_at_the_caller()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Forecast(HttpClient http)
            {
                void Run(Patron patron) => Subscribe({|#0:patron.Email|});

                void Subscribe(string email) => {|#1:http.PostAsync("https://api.weather.example/subscribe", new StringContent(email))|};
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Weather' by HttpClient.PostAsync", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5), " through Subscribe(string)")
                .WithLocation(1));
    }

    [Fact]
    public async Task Classified_argument_to_a_helper_that_sends_to_an_approved_vendor_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Register(HttpClient http)
            {
                void Run(Patron patron) => Send(patron.CardNumber);

                void Send(string card) => http.PostAsync("https://patron.overdrive.example/patrons", new StringContent(card));
            }
            """);
    }

    [Fact]
    public async Task Typed_client_registered_without_a_name_is_named_after_its_type()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Library;

            static class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddHttpClient<Weather>();
            }

            class Weather(HttpClient http)
            {
                public void Send(Patron patron) => http.PostAsync("v1/subscribe", {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Weather' by HttpClient.PostAsync", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Injected_client_that_is_not_registered_is_undeclared()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Forecast(HttpClient http)
            {
                public void Send(Patron patron) => http.PostAsync("v1/subscribe", {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "an undeclared vendor by HttpClient.PostAsync", UndeclaredFor("typeof(PersonalDataAttribute)")));
    }
}

