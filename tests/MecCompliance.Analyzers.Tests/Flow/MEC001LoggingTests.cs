using MecCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Flow.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>MEC001 within one method: sources, the ILogger sinks, and what is not a violation.</summary>
public sealed class MEC001LoggingTests
{
    private static DiagnosticResult Logged(int key, string source, string sink, string path = "") =>
        Verify.Diagnostic("MEC001", key).WithArguments(source, sink, path);

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
}
