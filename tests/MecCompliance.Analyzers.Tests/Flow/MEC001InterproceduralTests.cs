using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Flow.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>MEC001 through calls: summaries (parameter to sink, parameter to return, classified returns), reported at the caller.</summary>
public sealed class MEC001InterproceduralTests
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
