using MecCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Rules;

/// <summary>
/// MEC001, classified data logged: within one method here (sources, the ILogger sinks, what is not a violation); through
/// calls in <see cref="Interprocedural"/>; every log sink family in <see cref="LogSinks"/>.
/// </summary>
public sealed class MEC001ClassifiedDataLoggedTests
{
    private static DiagnosticResult Logged(int key, string source, string sink, string path = "") =>
        Verify.Diagnostic("MEC001", key).WithArguments(source, sink, path);

    private static DiagnosticResult LoggedFrom(int key, string source, string path = "") =>
        Logged(key, source, "ILogger.LogInformation", path).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task Classified_member_passed_to_LogInformation_is_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron) => logger.LogInformation("Checked out to {Email}", {|#0:patron.Email|});
            }
            """,
            Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation"));
    }

    [Fact]
    public async Task Unclassified_member_passed_to_LogInformation_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron) => logger.LogInformation("Checked out to {Id} {Status}", patron.Id, patron.Status);
            }
            """);
    }

    [Fact]
    public async Task Organizational_data_may_be_logged()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron, Branch branch) => logger.LogInformation("At {Branch} {Name}", patron.Branch, branch.Name);
            }
            """);
    }

    [Fact]
    public async Task Patron_record_through_a_local_is_reported_with_its_class()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron)
                {
                    var card = {|#1:patron.CardNumber|};
                    logger.LogWarning("Card {Card}", {|#0:card|});
                }
            }
            """,
            Logged(0, "Patron.CardNumber (PatronRecord)", "ILogger.LogWarning").WithLocation(1));
    }

    [Fact]
    public async Task Reassigned_local_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron)
                {
                    var text = patron.Email;
                    text = "redacted";
                    logger.LogWarning("Patron {Text}", text);
                }
            }
            """);
    }

    [Fact]
    public async Task Value_classified_on_one_branch_is_reported_after_the_join()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron, bool verbose)
                {
                    var text = "patron";
                    if (verbose)
                    {
                        text = {|#1:patron.Name|};
                    }

                    logger.LogDebug("Patron {Text}", {|#0:text|});
                }
            }
            """,
            Logged(0, "Patron.Name (PersonalData)", "ILogger.LogDebug").WithLocation(1));
    }

    [Fact]
    public async Task Classified_parameter_is_a_source()
    {
        await Verify.VerifyAsync("""
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            class Notices
            {
                void Send(ILogger logger, [PersonalData] string {|#1:address|}) => logger.LogInformation("Sending to {Address}", {|#0:address|});
            }
            """,
            Logged(0, "parameter 'address' (PersonalData)", "ILogger.LogInformation").WithLocation(1));
    }

    [Fact]
    public async Task Unclassified_parameter_alone_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;

            class Notices
            {
                void Send(ILogger logger, string address) => logger.LogInformation("Sending to {Address}", address);
            }
            """);
    }

    [Fact]
    public async Task Interpolated_message_with_classified_member_is_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron) => logger.LogInformation({|#0:$"Checked out to {patron.Email}"|});
            }
            """,
            Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation"));
    }

    [Fact]
    public async Task Interpolated_message_with_unclassified_member_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron) => logger.LogInformation($"Checked out to {patron.Id}");
            }
            """);
    }

    [Fact]
    public async Task ILogger_Log_and_BeginScope_are_sinks()
    {
        await Verify.VerifyAsync("""
            using System;
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron)
                {
                    using var scope = logger.BeginScope({|#0:patron.CardNumber|});
                    logger.Log(LogLevel.Information, new EventId(1), {|#1:patron.Email|}, null, (s, e) => "x");
                    logger.Log(LogLevel.Information, new EventId(2), patron.Id, null, (s, e) => "x");
                }
            }
            """,
            Logged(0, "Patron.CardNumber (PatronRecord)", "ILogger.BeginScope"),
            Logged(1, "Patron.Email (PersonalData)", "ILogger.Log"));
    }

    [Fact]
    public async Task Several_sources_in_one_argument_are_one_finding()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron patron) => logger.LogError({|#0:patron.Name + " <" + patron.Email + ">"|});
            }
            """,
            Logged(0, "Patron.Name (PersonalData) and Patron.Email (PersonalData)", "ILogger.LogError"));
    }

    [Fact]
    public async Task Member_of_a_tuple_element_from_a_call_without_a_body_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Library;
            using Microsoft.Extensions.Logging;

            public class Sponsorship
            {
                public string Id { get; set; } = "";
                [MecCompliance.PersonalData] public string OfferedToEmail { get; set; } = "";
            }

            public interface ISponsorships
            {
                Task<(bool, Sponsorship)> ValidateTokenAsync(string token, string email);
            }

            class Redeem
            {
                async Task Run(ISponsorships sponsorships, ILogger logger, Patron user, string token)
                {
                    var (valid, sponsorship) = await sponsorships.ValidateTokenAsync(token, user.Email);
                    logger.LogInformation("Sponsorship {Id}", sponsorship.Id);
                    logger.LogInformation("Sponsorship {Email}", {|#0:sponsorship.OfferedToEmail|});
                }
            }
            """,
            LoggedFrom(0, "Sponsorship.OfferedToEmail (PersonalData)"));
    }

    [Fact]
    public async Task Whole_result_of_a_call_without_a_body_is_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            public interface INormalizer
            {
                string Normalize(string email);
            }

            class Register
            {
                void Run(INormalizer normalizer, ILogger logger, Patron user) =>
                    logger.LogInformation("Registered {Email}", {|#0:normalizer.Normalize(user.Email)|});
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)", " through Normalize(string)"));
    }

    [Fact]
    public async Task Projection_of_unclassified_members_over_an_array_or_a_list_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.Json;
            using Library;
            using Microsoft.Extensions.Logging;

            class Export
            {
                void Run(ILogger logger, Patron u)
                {
                    logger.LogInformation("Ids {Ids}", JsonSerializer.Serialize(new[] { u }.Select(x => new { x.Id, x.Status })));
                    logger.LogInformation("Ids {Ids}", JsonSerializer.Serialize(new List<Patron> { u }.Select(x => new { x.Id, x.Status })));
                    logger.LogInformation("Emails {Emails}", {|#0:JsonSerializer.Serialize(new[] { u }.Select(x => new { x.Id, x.Email }))|});
                }
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)"));
    }

    // A diagnostics helper wraps one user in a collection and logs a projection that only tests the e-mail (the shape of
    // bitwarden's UserInviteDebuggingLogger; its finding there, SendOrganizationInvitesCommand.cs:61, does not reproduce
    // here and stays judged false). The helper that projects the e-mail itself is reported where it logs; a caller only
    // passing on its own parameter leaves the report to its callers.
    [Fact]
    public async Task Projection_of_a_wrapped_object_through_helpers_is_reported_only_when_it_selects_classified_data()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.Json;
            using Library;
            using Microsoft.Extensions.Logging;

            static class InviteLogger
            {
                public static void LogState(this ILogger logger, Patron user) => LogState(logger, [user]);

                public static void LogState(this ILogger logger, IEnumerable<Patron> all)
                {
                    var list = all.ToList();
                    if (list.Any(u => u.Status == "invited" && string.IsNullOrWhiteSpace(u.Email)))
                    {
                        var data = Map(list);
                        logger.LogWarning("Invalid state {Data}", data);
                    }
                }

                public static void LogContacts(this ILogger logger, IEnumerable<Patron> all) =>
                    logger.LogWarning("Contacts {Data}", {|#1:JsonSerializer.Serialize(all.Select(u => new { u.Id, u.Email }))|});

                private static string Map(IEnumerable<Patron> all)
                {
                    var log = all.Select(u => new { u.Id, u.Status, hasEmail = !string.IsNullOrWhiteSpace(u.Email) });
                    var options = new JsonSerializerOptions { WriteIndented = true };
                    return JsonSerializer.Serialize(log, options);
                }
            }

            class Invites
            {
                void Send(ILogger logger, Patron user)
                {
                    logger.LogState(user);
                    logger.LogContacts([user]);
                }
            }
            """,
            Logged(1, "Patron.Email (PersonalData)", "ILogger.LogWarning").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task Branch_under_a_constant_false_condition_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron p)
                {
                    var text = p.Status;
                    if (1 == 2)
                    {
                        text = p.Email;
                    }

                    logger.LogInformation("Status {Text}", text);
                    if (1 == 1)
                    {
                        text = p.Email;
                    }

                    logger.LogInformation("Status {Text}", {|#0:text|});
                }
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)"));
    }

    [Fact]
    public async Task Delegate_that_ignores_its_input_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron p)
                {
                    Func<string, string> constant = s => "x";
                    Func<string, string> identity = s => s.Trim();
                    logger.LogInformation("Value {Value}", constant(p.Email));
                    logger.LogInformation("Value {Value}", {|#0:identity(p.Email)|});
                }
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)"));
    }

    [Fact]
    public async Task Fluent_StringBuilder_chain_is_reported_and_a_clean_one_is_not()
    {
        await Verify.VerifyAsync("""
            using System.Text;
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron p)
                {
                    var sb = new StringBuilder();
                    sb.Append("card:").Append(p.CardNumber);
                    logger.LogInformation({|#0:sb.ToString()|});

                    var clean = new StringBuilder();
                    clean.Append("status:").Append(p.Status);
                    logger.LogInformation(clean.ToString());
                }
            }
            """,
            LoggedFrom(0, "Patron.CardNumber (PatronRecord)"));
    }

    [Fact]
    public async Task Regex_group_of_a_classified_value_is_reported_and_of_an_unclassified_one_is_not()
    {
        await Verify.VerifyAsync("""
            using System.Text.RegularExpressions;
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron p)
                {
                    logger.LogInformation("Domain {Domain}", {|#0:Regex.Match(p.Email, "@(.*)$").Groups[1].Value|});
                    logger.LogInformation("Domain {Domain}", Regex.Match(p.Status, "@(.*)$").Groups[1].Value);
                }
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)"));
    }

    [Fact]
    public async Task Element_taken_from_a_collection_of_projections_keeps_what_flowed_into_each_member()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Library;
            using Microsoft.Extensions.Logging;

            class Directory
            {
                void Run(ILogger logger, List<Patron> patrons)
                {
                    var contacts = patrons.Select(p => new { p.Status, p.Email }).ToList();
                    var first = contacts.First();
                    logger.LogInformation("Contact {Email}", {|#0:first.Email|});
                    logger.LogInformation("Contact {Status}", first.Status);
                }
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)"));
    }

    [Fact]
    public async Task Member_of_what_an_unknown_library_method_returns_is_not_reported_and_its_whole_result_is()
    {
        const string core = """
            namespace Core
            {
                public sealed class Account
                {
                    public string Id { get; set; } = "";
                }

                public static class Directory
                {
                    public static Account[] FindByEmail(string email) => new Account[0];

                    public static string Normalize(string email) => email;
                }
            }
            """;

        await Verify.VerifyWithLibraryAsync(core, """
            using Library;
            using Microsoft.Extensions.Logging;

            class Checkout
            {
                void Run(ILogger logger, Patron p)
                {
                    foreach (var account in Core.Directory.FindByEmail(p.Email))
                    {
                        logger.LogInformation("Account {Id}", account.Id);
                    }

                    logger.LogInformation("Contact {Email}", {|#0:Core.Directory.Normalize(p.Email)|});
                }
            }
            """,
            LoggedFrom(0, "Patron.Email (PersonalData)"));
    }

    /// <summary>MEC001 through calls: summaries (parameter to sink, parameter to return, classified returns), reported at the caller.</summary>
    public sealed class Interprocedural
    {
        private static DiagnosticResult Logged(int key, string source, string sink, string path = "") =>
            Verify.Diagnostic("MEC001", key).WithArguments(source, sink, path);

        [Fact]
        public async Task Classified_argument_to_a_logging_helper_is_reported_at_the_caller()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => Audit({|#0:patron.Email|});

                    void Audit(string text) => {|#1:logger.LogInformation("Audit {Text}", text)|};
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Audit(string)").WithLocation(1));
        }

        [Fact]
        public async Task Unclassified_argument_to_a_logging_helper_is_not_reported()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => Audit(patron.Status);

                    void Audit(string text) => logger.LogInformation("Audit {Text}", text);
                }
                """);
        }

        [Fact]
        public async Task Classified_value_returned_by_a_helper_is_reported_where_it_is_logged()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => logger.LogInformation("To {Who}", {|#0:Describe(patron)|});

                    string Describe(Patron patron) => {|#1:patron.Name|} + " (" + patron.Id + ")";
                }
                """,
                Logged(0, "Patron.Name (PersonalData)", "ILogger.LogInformation", " through Describe(Patron)").WithLocation(1));
        }

        [Fact]
        public async Task Unclassified_value_returned_by_a_helper_is_not_reported()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => logger.LogInformation("To {Who}", Describe(patron));

                    string Describe(Patron patron) => patron.Status + " (" + patron.Id + ")";
                }
                """);
        }

        [Fact]
        public async Task Parameter_passed_through_to_the_return_value_keeps_the_callers_classification()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron)
                    {
                        logger.LogInformation("To {Who}", {|#0:Shout(patron.Email)|});
                        logger.LogInformation("To {Who}", Shout(patron.Status));
                    }

                    static string Shout(string text) => text.ToUpperInvariant() + "!";
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Shout(string)"));
        }

        [Fact]
        public async Task Chain_of_helpers_names_every_step()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => First({|#0:patron.CardNumber|}, 1);

                    void First(string card, int attempt) => Second(card);

                    void Second(string card) => {|#1:logger.LogError("Card {Card}", card)|};
                }
                """,
                Logged(0, "Patron.CardNumber (PatronRecord)", "ILogger.LogError", " through First(string, int) and Second(string)").WithLocation(1));
        }

        [Fact]
        public async Task Recursive_helpers_terminate_and_report_once()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => Retry({|#0:patron.Email|}, 3);

                    void Retry(string text, int left)
                    {
                        if (left == 0)
                        {
                            {|#1:logger.LogWarning("Gave up on {Text}", text)|};
                            return;
                        }

                        Retry(text, left - 1);
                    }
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogWarning", " through Retry(string, int)").WithLocation(1));
        }

        [Fact]
        public async Task Interface_call_is_the_union_of_its_implementations()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                interface INotifier { void Notify(string text); }

                class QuietNotifier : INotifier { public void Notify(string text) { } }

                class LoggingNotifier(ILogger logger) : INotifier
                {
                    public void Notify(string text) => {|#1:logger.LogInformation("Notify {Text}", text)|};
                }

                class Checkout(INotifier notifier)
                {
                    void Run(Patron patron)
                    {
                        notifier.Notify({|#0:patron.Email|});
                        notifier.Notify(patron.Status);
                    }
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Notify(string)").WithLocation(1));
        }

        [Fact]
        public async Task Classified_parameter_of_the_helper_is_reported_once_inside_the_helper()
        {
            await Verify.VerifyAsync("""
                using Library;
                using MecCompliance;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron patron) => Audit(patron.Email);

                    void Audit([PersonalData] string {|#1:text|}) => logger.LogInformation("Audit {Text}", {|#0:text|});
                }
                """,
                Logged(0, "parameter 'text' (PersonalData)", "ILogger.LogInformation").WithLocation(1));
        }

        [Fact]
        public async Task Computed_property_returning_classified_data_is_a_source_and_auto_property_is_not()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Card(Patron patron)
                {
                    public string Label => "Card of " + {|#1:patron.Name|};
                    public string Title { get; set; } = "Card";
                }

                class Printer(ILogger logger)
                {
                    void Run(Card card) => logger.LogInformation("{Label} {Title}", {|#0:card.Label|}, card.Title);
                }
                """,
                Logged(0, "Patron.Name (PersonalData)", "ILogger.LogInformation", " through Card.Label").WithLocation(1));
        }

        [Fact]
        public async Task Abstract_method_is_the_union_of_its_overrides()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                abstract class Formatter { public abstract string Format(Patron p); }

                sealed class EmailFormatter : Formatter { public override string Format(Patron p) => {|#1:p.Email|}; }

                sealed class IdFormatter : Formatter { public override string Format(Patron p) => p.Id.ToString(); }

                class Printer(ILogger logger)
                {
                    void Run(Formatter formatter, Patron p) => logger.LogInformation("{Text}", {|#0:formatter.Format(p)|});
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Format(Patron)").WithLocation(1));
        }

        [Fact]
        public async Task Library_lookups_return_what_they_find_not_the_key()
        {
            await Verify.VerifyAsync("""
                using System.Collections.Generic;
                using System.Net;
                using Library;
                using Microsoft.Extensions.Logging;

                class Resolver(ILogger logger, Dictionary<string, string> branches)
                {
                    void Run(Patron p)
                    {
                        var entry = Dns.GetHostEntry(p.Email);
                        logger.LogInformation("{Host}", entry.HostName);
                        if (branches.TryGetValue(p.Email, out var branch))
                        {
                            logger.LogInformation("{Branch}", branch);
                        }

                        logger.LogInformation("{Parts}", {|#0:p.Email.Split('@')|});
                    }
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation"));
        }

        [Fact]
        public async Task Helper_that_only_measures_classified_data_is_still_followed_when_it_logs_a_parameter()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron p) => Check(p, {|#0:p.Email|});

                    void Check(Patron p, string note)
                    {
                        if (p.Email.Length > 0 && !string.IsNullOrEmpty(p.Name))
                        {
                            {|#1:logger.LogInformation("Note {Note} for {Id}", note, p.Id)|};
                        }
                    }
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Check(Patron, string)").WithLocation(1));
        }

        [Fact]
        public async Task Extension_method_in_source_is_followed_through_its_summary()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                static class Text
                {
                    public static string Quoted(this string value) => "'" + value + "'";
                }

                class Checkout(ILogger logger)
                {
                    void Run(Patron p) => logger.LogInformation("{A} {B}", {|#0:p.Email.Quoted()|}, p.Status.Quoted());
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Quoted(string)"));
        }

        [Fact]
        public async Task Interface_without_implementation_here_is_judged_like_a_library()
        {
            await Verify.VerifyAsync("""
                using System.Threading.Tasks;
                using Library;
                using Microsoft.Extensions.Logging;

                public interface IPatronDirectory
                {
                    Task<Patron?> FindByEmailAsync(string email);

                    string Normalize(string email);
                }

                class Lookup(IPatronDirectory directory, ILogger logger)
                {
                    async Task Run(Patron p)
                    {
                        var found = await directory.FindByEmailAsync(p.Email);
                        logger.LogInformation("Found {Status} {Id}", found?.Status, found?.Id);
                        logger.LogInformation("Normalized {Text}", {|#0:directory.Normalize(p.Email)|});
                    }
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through Normalize(string)"));
        }

        [Fact]
        public async Task Callee_that_logs_only_an_unclassified_member_of_its_parameter_is_not_reported()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                public interface ISubscriber
                {
                    int Id { get; }
                    string Contact { get; }
                }

                public class User : ISubscriber
                {
                    public int Id { get; set; }
                    [MecCompliance.PersonalData] public string Email { get; set; } = "";
                    public string Contact => Email;
                }

                class Billing(ILogger logger)
                {
                    void Run(User user)
                    {
                        LogId(user);
                        LogContact(user);
                    }

                    void LogId(ISubscriber s) => logger.LogInformation("Subscriber {Id}", s.Id.ToString());

                    void LogContact(ISubscriber s) => logger.LogInformation("Subscriber {Contact}", {|#0:s.Contact|});
                }
                """,
                Logged(0, "User.Email (PersonalData)", "ILogger.LogInformation", " through User.Contact").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task Out_argument_of_a_method_in_source_is_followed()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron p)
                    {
                        if (TryContact(p, out var contact))
                        {
                            logger.LogInformation("Contact {Contact}", {|#0:contact|});
                        }

                        if (TryStatus(p, out var status))
                        {
                            logger.LogInformation("Status {Status}", status);
                        }
                    }

                    static bool TryContact(Patron p, out string contact)
                    {
                        contact = p.Email;
                        return contact.Length > 0;
                    }

                    static bool TryStatus(Patron p, out string status)
                    {
                        status = p.Status;
                        return status.Length > 0;
                    }
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation", " through TryContact(Patron, string)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task Ref_argument_keeps_its_labels_when_the_callee_does_not_overwrite_it()
        {
            await Verify.VerifyAsync("""
                using Library;
                using Microsoft.Extensions.Logging;

                class Checkout(ILogger logger)
                {
                    void Run(Patron p)
                    {
                        var contact = p.Email;
                        Trim(ref contact);
                        logger.LogInformation("Contact {Contact}", {|#0:contact|});

                        var status = p.Status;
                        Trim(ref status);
                        logger.LogInformation("Status {Status}", status);
                    }

                    static void Trim(ref string text) => text = text.Trim();
                }
                """,
                Logged(0, "Patron.Email (PersonalData)", "ILogger.LogInformation").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }
    }

    /// <summary>Every log sink family of DESIGN §5; each test logs a classified value (reported) and an unclassified one (silent).</summary>
    public sealed class LogSinks
    {
        private const string Usings = """
            using System;
            using System.Diagnostics;
            using System.Diagnostics.Tracing;
            using Library;
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            """;

        private static DiagnosticResult Logged(int key, string sink, string source = "Patron.Email (PersonalData)") =>
            Verify.Diagnostic("MEC001", key).WithArguments(source, sink, string.Empty).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public async Task Console_and_console_writers_are_sinks()
        {
            await Verify.VerifyAsync(Usings + """
                class C
                {
                    void Run(Patron p, System.IO.TextWriter file)
                    {
                        Console.WriteLine({|#0:p.Email|});
                        Console.Error.WriteLine({|#1:p.Email|});
                        Console.Write("{0}", {|#2:p.Email|});
                        Console.WriteLine(p.Status);
                        file.WriteLine(p.Status);
                    }
                }
                """,
                Logged(0, "Console.WriteLine"), Logged(1, "Console.Error.WriteLine"), Logged(2, "Console.Write"));
        }

        [Fact]
        public async Task Debug_Trace_and_TraceSource_are_sinks()
        {
            await Verify.VerifyAsync(Usings + """
                class C
                {
                    void Run(Patron p, TraceSource source)
                    {
                        Debug.WriteLine({|#0:p.Email|});
                        Trace.TraceWarning({|#1:p.Email|});
                        source.TraceEvent(TraceEventType.Information, 1, {|#2:p.Email|});
                        Debug.WriteLine(p.Status);
                        Trace.TraceWarning(p.Status);
                        source.TraceEvent(TraceEventType.Information, p.Id, p.Status);
                    }
                }
                """,
                Logged(0, "Debug.WriteLine"), Logged(1, "Trace.TraceWarning"), Logged(2, "TraceSource.TraceEvent"));
        }

        [Fact]
        public async Task EventSource_events_are_sinks()
        {
            await Verify.VerifyAsync(Usings + """
                sealed class LibraryEvents : EventSource
                {
                    public void CheckedOut(Patron p)
                    {
                        WriteEvent(1, {|#0:p.Email|});
                        WriteEvent(2, p.Status);
                    }
                }
                """,
                Logged(0, "EventSource.WriteEvent"));
        }

        [Fact]
        public async Task Activity_tags_baggage_and_events_are_sinks()
        {
            await Verify.VerifyAsync(Usings + """
                class C
                {
                    void Run(Patron p, Activity activity)
                    {
                        activity.SetTag("patron.email", {|#0:p.Email|});
                        activity.AddBaggage("patron.card", {|#1:p.CardNumber|});
                        activity.AddEvent({|#2:new ActivityEvent(p.Name)|});
                        activity.SetTag("patron.id", p.Id);
                        activity.AddEvent(new ActivityEvent(p.Status));
                    }
                }
                """,
                Logged(0, "Activity.SetTag"),
                Logged(1, "Activity.AddBaggage", "Patron.CardNumber (PatronRecord)"),
                Logged(2, "Activity.AddEvent", "Patron.Name (PersonalData)"));
        }

        [Fact]
        public async Task Message_of_a_constructed_exception_is_a_sink()
        {
            await Verify.VerifyAsync(Usings + """
                class PatronNotFound(string message) : Exception(message);

                class C
                {
                    void Run(Patron p)
                    {
                        if (p.Id == 0) throw new InvalidOperationException({|#0:"No patron " + p.Email|});
                        if (p.Id == 1) throw new ArgumentException("Bad status " + p.Status, nameof(p));
                        if (p.Id == 2) throw new PatronNotFound({|#1:p.Email|});
                        throw new PatronNotFound(p.Status);
                    }
                }
                """,
                Logged(0, "new InvalidOperationException"),
                Verify.Diagnostic("MEC001", 1).WithArguments("Patron.Email (PersonalData)", "new Exception", " through new PatronNotFound(string)")
                    .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task LoggerMessage_Define_delegates_are_sinks()
        {
            await Verify.VerifyAsync(Usings + """
                static class Log
                {
                    private static readonly Action<ILogger, string, Exception?> CheckedOut =
                        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Checked out to {Who}");

                    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("Patron {Who}");

                    public static void Run(ILogger logger, Patron p)
                    {
                        CheckedOut(logger, {|#0:p.Email|}, null);
                        using var scope = Scope(logger, {|#1:p.CardNumber|});
                        CheckedOut(logger, p.Status, null);
                    }
                }
                """,
                Logged(0, "LoggerMessage.Define delegate"),
                Logged(1, "LoggerMessage.DefineScope delegate", "Patron.CardNumber (PatronRecord)"));
        }

        [Fact]
        public async Task LoggerMessage_method_redacts_classified_parameters_and_logs_the_others()
        {
            await Verify.VerifyAsync(
                [
                    Usings + """
                    static partial class Log
                    {
                        [LoggerMessage(1, LogLevel.Information, "Checked out {Email} at {Desk}")]
                        public static partial void CheckedOut(ILogger logger, [PersonalData] string email, string desk);

                        [LoggerMessage(2, LogLevel.Information, "Card {Card}")]
                        public static partial void Card(ILogger logger, [PersonalData] string card);
                    }

                    class C
                    {
                        void Run(ILogger logger, Patron p)
                        {
                            Log.CheckedOut(logger, p.Email, p.Status);
                            Log.CheckedOut(logger, p.Status, {|#0:p.Email|});
                            Log.Card(logger, {|#1:p.CardNumber|});
                        }
                    }
                    """,
                    """
                    // <auto-generated/>
                    static partial class Log
                    {
                        public static partial void CheckedOut(Microsoft.Extensions.Logging.ILogger logger, string email, string desk) =>
                            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, email + desk);

                        public static partial void Card(Microsoft.Extensions.Logging.ILogger logger, string card) =>
                            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, card);
                    }
                    """,
                ],
                Logged(0, "Log.CheckedOut"),
                Logged(1, "Log.Card", "Patron.CardNumber (PatronRecord)"));
        }

        [Fact]
        public async Task Serilog_NLog_and_log4net_are_sinks()
        {
            await Verify.VerifyAsync(
                [
                    Usings + """
                    class C
                    {
                        void Run(Patron p, Serilog.ILogger serilog, NLog.Logger nlog, log4net.ILog log4)
                        {
                            serilog.Information("Patron {Email}", {|#0:p.Email|});
                            Serilog.Log.Warning("Patron {Email}", {|#1:p.Email|});
                            nlog.Info({|#2:p.Email|});
                            log4.InfoFormat("Patron {0}", {|#3:p.Email|});
                            serilog.Information("Patron {Id}", p.Id);
                            Serilog.Log.Warning("Patron {Status}", p.Status);
                            nlog.Info(p.Status);
                            log4.InfoFormat("Patron {0}", p.Status);
                        }
                    }
                    """,
                    """
                    namespace Serilog
                    {
                        public interface ILogger { void Information(string messageTemplate, params object?[]? propertyValues); }
                        public static class Log { public static void Warning(string messageTemplate, params object?[]? propertyValues) { } }
                    }

                    namespace NLog
                    {
                        public class Logger { public void Info(string message) { } }
                    }

                    namespace log4net
                    {
                        public interface ILog { void InfoFormat(string format, params object[] args); }
                    }
                    """,
                ],
                Logged(0, "Serilog.ILogger.Information"),
                Logged(1, "Serilog.Log.Warning"),
                Logged(2, "NLog.Logger.Info"),
                Logged(3, "log4net.ILog.InfoFormat"));
        }

        [Fact]
        public async Task Whole_object_passed_to_a_LoggerMessage_method_of_its_own_type_is_reported()
        {
            await Verify.VerifyAsync(
                [
                    Usings + """
                    public class Card
                    {
                        [PatronRecord] public string Number { get; set; } = "";
                    }

                    static partial class Log
                    {
                        [LoggerMessage(3, LogLevel.Information, "Card {Card}")]
                        public static partial void CardIssued(ILogger logger, Card card);
                    }

                    class C
                    {
                        void Run(ILogger logger, Card card) => Log.CardIssued(logger, {|#0:card|});
                    }
                    """,
                    """
                    // <auto-generated/>
                    static partial class Log
                    {
                        public static partial void CardIssued(Microsoft.Extensions.Logging.ILogger logger, Card card) { }
                    }
                    """,
                ],
                Logged(0, "Log.CardIssued", "Card object (PatronRecord)"));
        }
    }
}
