using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.EgressTest<MecCompliance.Analyzers.Rules.VendorEgressAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Rules;

/// <summary>
/// MEC002, classified data sent to a vendor: HttpClient sends here (vendor resolution by host, client name, base address);
/// [Vendor] marks, typed clients, SMTP and calls into code that sends in <see cref="VendorResolution"/>.
/// </summary>
public sealed class MEC002VendorEgressTests
{
    internal const string Undeclared =
        "no declared vendor owns this destination; send through a client named after a vendor declared with [assembly: ApprovedVendor(\"<name>\", {0}, Hosts = new[] {{ \"<host>\" }}{1})], to a declared host, or through a [Vendor] client, or send an unclassified value instead";

    internal static DiagnosticResult Sent(int key, string source, string vendor, string remedy, string path = "") =>
        Verify.Diagnostic("MEC002", key).WithArguments(source, vendor, path, remedy);

    internal static string UndeclaredFor(string typeOfs, bool contract = false) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Undeclared, typeOfs, contract ? ", Contract = \"<contract reference>\"" : "");

    internal static string NotApproved(string vendor, string classes, string typeOfs, int line, string contract = "") =>
        $"vendor '{vendor}' is not approved for {classes}; add {typeOfs} to [assembly: ApprovedVendor(\"{vendor}\", ...)]{contract} in Policy.cs line {line}";

    [Fact]
    public async Task Personal_data_posted_to_the_declared_host_of_an_approved_vendor_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsync("https://patron.overdrive.example/v1/patrons", new StringContent(patron.Email));
            }
            """);
    }

    [Fact]
    public async Task Personal_data_posted_to_a_vendor_not_approved_for_it_names_the_missing_approval()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsync("https://api.weather.example/v1", {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Weather' by HttpClient.PostAsync", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Patron_record_to_a_vendor_without_contract_asks_for_the_contract_too()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.GetAsync({|#0:"https://api.mailrelay.example/lookup?card=" + patron.CardNumber|});
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "vendor 'MailRelay' by HttpClient.GetAsync",
                NotApproved("MailRelay", "PatronRecord", "typeof(PatronRecordAttribute)", 4, ", Contract = \"<contract reference>\"")));
    }

    [Fact]
    public async Task Personal_data_sent_to_an_undeclared_host_is_reported_with_the_host()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsync("https://api.unknown.example/v1", {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "an undeclared vendor by HttpClient.PostAsync to host 'api.unknown.example'", UndeclaredFor("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Unclassified_data_sent_to_an_undeclared_host_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsync("https://api.unknown.example/v1", new StringContent(patron.Status + patron.Id));
            }
            """);
    }

    [Fact]
    public async Task Interpolated_uri_with_a_literal_host_resolves_the_vendor()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.GetStringAsync($"https://patron.overdrive.example/patrons/{patron.CardNumber}");
            }
            """);
    }

    [Fact]
    public async Task Interpolated_uri_starting_with_a_constant_resolves_the_vendor()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                private const string OverDrive = "https://patron.overdrive.example/v1";
                private const string Weather = "https://api.weather.example/v1";

                void Run(HttpClient http, Patron patron)
                {
                    http.GetStringAsync($"{OverDrive}/patrons/{patron.CardNumber}");
                    http.GetStringAsync({|#0:$"{Weather}/alerts?card={patron.CardNumber}"|});
                }
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "vendor 'Weather' by HttpClient.GetStringAsync",
                NotApproved("Weather", "PatronRecord", "typeof(PatronRecordAttribute)", 5, ", Contract = \"<contract reference>\"")));
    }

    [Fact]
    public async Task Interpolated_uri_whose_host_is_not_literal_is_undeclared()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron, string tenant) =>
                    http.GetStringAsync({|#0:$"https://{tenant}.overdrive.example/patrons/{patron.CardNumber}"|});
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "an undeclared vendor by HttpClient.GetStringAsync",
                UndeclaredFor("typeof(PatronRecordAttribute)", contract: true)));
    }

    [Fact]
    public async Task Wildcard_host_owns_its_subdomains()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Library;

            class Sync
            {
                private const string Cdn = "https://eu.cdn.overdrive.example/covers";

                void Run(HttpClient http, Patron patron) => http.PutAsync(new Uri(Cdn + "/" + patron.CardNumber), null);
            }
            """);
    }

    [Fact]
    public async Task Wildcard_host_does_not_own_the_bare_domain()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Library;

            class Sync
            {
                private static readonly Uri Covers = new("https://cdn.overdrive.example/covers");

                void Run(HttpClient http, Patron patron) => http.PostAsync(Covers, {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "an undeclared vendor by HttpClient.PostAsync to host 'cdn.overdrive.example'", UndeclaredFor("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Named_client_of_an_approved_vendor_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync(IHttpClientFactory factory)
            {
                void Run(Patron patron)
                {
                    var client = factory.CreateClient("OverDrive");
                    client.PostAsync("v1/patrons", new StringContent(patron.CardNumber));
                }
            }
            """);
    }

    [Fact]
    public async Task Named_client_held_in_a_field_assigned_in_the_constructor_resolves_its_vendor()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Forecast
            {
                private readonly HttpClient _client;

                public Forecast(IHttpClientFactory factory)
                {
                    _client = factory.CreateClient("Weather");
                }

                void Run(Patron patron) => _client.PostAsync("v1/forecast", {|#0:new StringContent(patron.Name)|});
            }
            """,
            Sent(0, "Patron.Name (PersonalData)", "vendor 'Weather' by HttpClient.PostAsync", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Client_named_after_no_declared_vendor_is_undeclared()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync(IHttpClientFactory factory)
            {
                void Run(Patron patron) => factory.CreateClient("Analytics").PostAsync("v1/events", {|#0:new StringContent(patron.Email)|});
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "an undeclared vendor by HttpClient.PostAsync on client 'Analytics'", UndeclaredFor("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Base_address_set_from_a_literal_resolves_relative_sends()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Library;

            class Sync
            {
                private readonly HttpClient _http = new() { BaseAddress = new Uri("https://patron.overdrive.example/") };

                void Run(Patron patron) => _http.PostAsync("v1/patrons", new StringContent(patron.Email));
            }
            """);
    }

    [Fact]
    public async Task Base_address_assigned_later_resolves_relative_sends()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(Patron patron)
                {
                    var http = new HttpClient();
                    http.BaseAddress = new Uri("https://api.weather.example/");
                    http.PostAsync("v1/forecast", {|#0:new StringContent(patron.Email)|});
                }
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "vendor 'Weather' by HttpClient.PostAsync", NotApproved("Weather", "PersonalData", "typeof(PersonalDataAttribute)", 5)));
    }

    [Fact]
    public async Task Request_message_with_classified_content_is_reported_where_it_is_sent()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, string endpoint, Patron patron)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
                    request.Content = new StringContent({|#1:patron.Email|});
                    http.SendAsync({|#0:request|});
                }
            }
            """,
            Sent(0, "Patron.Email (PersonalData)", "an undeclared vendor by HttpClient.SendAsync", UndeclaredFor("typeof(PersonalDataAttribute)")).WithLocation(1));
    }

    [Fact]
    public async Task Request_message_to_a_declared_host_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://patron.overdrive.example/v1")
                    {
                        Content = new StringContent(patron.Email),
                    };
                    request.Headers.Add("X-Card", patron.CardNumber);
                    http.Send(request);
                }
            }
            """);
    }

    [Fact]
    public async Task Request_message_with_a_classified_header_to_an_undeclared_host_is_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron)
                {
                    var request = new HttpRequestMessage { RequestUri = new Uri("https://api.unknown.example/v1"), Method = HttpMethod.Get };
                    request.Headers.Add("X-Card", {|#1:patron.CardNumber|});
                    http.Send({|#0:request|});
                }
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "an undeclared vendor by HttpClient.Send to host 'api.unknown.example'",
                UndeclaredFor("typeof(PatronRecordAttribute)", contract: true)).WithLocation(1));
    }

    [Fact]
    public async Task Default_request_header_of_an_undeclared_client_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.DefaultRequestHeaders.Add("X-Card", {|#0:patron.CardNumber|});
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "an undeclared vendor by HttpClient.DefaultRequestHeaders.Add",
                UndeclaredFor("typeof(PatronRecordAttribute)", contract: true)));
    }

    [Fact]
    public async Task Default_request_header_of_an_approved_named_client_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using Library;

            class Sync(IHttpClientFactory factory)
            {
                void Run(Patron patron)
                {
                    var http = factory.CreateClient("OverDrive");
                    http.DefaultRequestHeaders.Add("X-Card", patron.CardNumber);
                }
            }
            """);
    }

    [Fact]
    public async Task Whole_object_posted_as_json_carries_all_its_classes()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsJsonAsync("https://directory.example/patrons", {|#0:patron|});
            }
            """,
            Sent(0, "Patron object (PatronRecord, PersonalData, OrganizationalData)", "vendor 'Directory' by HttpClient.PostAsJsonAsync",
                NotApproved("Directory", "PatronRecord, PersonalData", "typeof(PatronRecordAttribute), typeof(PersonalDataAttribute)", 6, ", Contract = \"<contract reference>\"")));
    }

    [Fact]
    public async Task Organizational_data_sent_to_a_vendor_approved_for_it_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Branch branch) => http.PutAsJsonAsync("https://directory.example/branches", branch);
            }
            """);
    }

    [Fact]
    public async Task Organizational_data_sent_to_an_undeclared_vendor_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Branch branch) => http.PutAsJsonAsync("https://api.unknown.example/branches", {|#0:branch|});
            }
            """,
            Sent(0, "Branch object (OrganizationalData)", "an undeclared vendor by HttpClient.PutAsJsonAsync to host 'api.unknown.example'",
                UndeclaredFor("typeof(OrganizationalDataAttribute)")));
    }

    [Fact]
    public async Task Json_content_of_a_whole_object_to_an_undeclared_host_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsync("https://api.unknown.example/v1", {|#0:JsonContent.Create(patron)|});
            }
            """,
            Sent(0, "Patron object (PatronRecord, PersonalData, OrganizationalData)", "an undeclared vendor by HttpClient.PostAsync to host 'api.unknown.example'",
                UndeclaredFor("typeof(PatronRecordAttribute), typeof(PersonalDataAttribute), typeof(OrganizationalDataAttribute)", contract: true)));
    }

    [Fact]
    public async Task Json_content_of_an_unclassified_value_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using Library;

            class Sync
            {
                void Run(HttpClient http, Patron patron) => http.PostAsync("https://api.unknown.example/v1", JsonContent.Create(new { patron.Id, patron.Status }));
            }
            """);
    }

    [Fact]
    public async Task Host_is_resolved_when_a_later_argument_spills_the_uri_into_a_flow_capture()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Library;

            public sealed class CirculationDesk(HttpClient http)
            {
                public Task ReportReadingAsync(Patron patron, string titleId) =>
                    http.PostAsJsonAsync("https://api.readingstats.example/v1/events", {|#0:new { patron.CardNumber, titleId }|});
            }
            """,
            Sent(0, "Patron.CardNumber (PatronRecord)", "an undeclared vendor by HttpClient.PostAsJsonAsync to host 'api.readingstats.example'", UndeclaredFor("typeof(PatronRecordAttribute)", contract: true)));
    }

    /// <summary>MEC002 through [Vendor] marks, typed clients, SMTP and calls into code that sends.</summary>
    public sealed class VendorResolution
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
}
