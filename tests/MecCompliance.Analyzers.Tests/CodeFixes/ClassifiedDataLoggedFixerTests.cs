using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer,
    MecCompliance.CodeFixes.ClassifiedDataLoggedFixer>;

namespace MecCompliance.Analyzers.Tests.CodeFixes;

public sealed class ClassifiedDataLoggedFixerTests
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

    // Stands for Microsoft.Extensions.Telemetry.Abstractions (brought by MecCompliance.Redaction), whose logging
    // generator redacts classified [LoggerMessage] parameters; the fix is offered only where it is referenced.
    private const string RedactingGenerator = """
        namespace Microsoft.Extensions.Logging
        {
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public sealed class LogPropertiesAttribute : System.Attribute { }
        }
        """;

    private static Task VerifyAsync(string source, string fixedSource, bool redactingGenerator = true)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Service.cs", source));
        test.TestState.Sources.Add(("/Patron.cs", Patron));
        test.FixedState.Sources.Add(("/Service.cs", fixedSource));
        test.FixedState.Sources.Add(("/Patron.cs", Patron));
        if (redactingGenerator)
        {
            test.TestState.Sources.Add(("/Generator.cs", RedactingGenerator));
            test.FixedState.Sources.Add(("/Generator.cs", RedactingGenerator));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Logging_call_becomes_a_LoggerMessage_method_with_the_classified_parameter()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public class CheckoutService
            {
                private readonly ILogger<CheckoutService> _logger;

                public CheckoutService(ILogger<CheckoutService> logger) => _logger = logger;

                public void CheckOut(Patron patron, string title)
                {
                    _logger.LogInformation("Patron {PatronId} with card {Card} checked out {Title}", patron.Id, {|MEC001:patron.CardNumber|}, title);
                }
            }
            """, """
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public partial class CheckoutService
            {
                private readonly ILogger<CheckoutService> _logger;

                public CheckoutService(ILogger<CheckoutService> logger) => _logger = logger;

                public void CheckOut(Patron patron, string title)
                {
                    LogPatronWithCardChecked(_logger, patron.Id, patron.CardNumber, title);
                }

                [LoggerMessage(Level = LogLevel.Information, Message = "Patron {PatronId} with card {Card} checked out {Title}")]
                static partial void LogPatronWithCardChecked(ILogger logger, int patronId, [PatronRecord] string card, string title);
            }
            """);
    }

    [Fact]
    public async Task Interpolated_messages_and_values_through_locals_are_converted_by_fix_all()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public class Notices
            {
                public void Send(ILogger logger, Patron patron)
                {
                    var card = patron.CardNumber;
                    logger.LogWarning({|MEC001:$"Overdue notice for {patron.Email} ({patron.Id})"|});
                    logger.LogWarning("Card {Card} blocked", {|MEC001:card|});
                }
            }
            """, """
            using System;
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public partial class Notices
            {
                public void Send(ILogger logger, Patron patron)
                {
                    var card = patron.CardNumber;
                    LogOverdueNoticeFor(logger, patron.Email, patron.Id);
                    LogCardBlocked(logger, card);
                }

                [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue notice for {Email} ({Id})")]
                static partial void LogOverdueNoticeFor(ILogger logger, [PersonalData] string email, int id);

                [LoggerMessage(Level = LogLevel.Warning, Message = "Card {Card} blocked")]
                static partial void LogCardBlocked(ILogger logger, [PatronRecord] string card);
            }
            """);
    }

    [Fact]
    public async Task A_value_computed_by_a_call_is_passed_as_it_is()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public class Kiosk
            {
                public void Scan(ILogger logger, Patron patron) => logger.LogInformation("Scanned {Card}", {|MEC001:patron.CardNumber.Trim()|});
            }
            """, """
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public partial class Kiosk
            {
                public void Scan(ILogger logger, Patron patron) => LogScanned(logger, patron.CardNumber.Trim());

                [LoggerMessage(Level = LogLevel.Information, Message = "Scanned {Card}")]
                static partial void LogScanned(ILogger logger, [PatronRecord] string card);
            }
            """);
    }

    [Fact]
    public async Task Level_event_id_and_exception_are_kept()
    {
        await VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public static class Renewals
            {
                public static void Fail(ILogger logger, Patron patron, Exception error)
                {
                    logger.Log(LogLevel.Error, 42, error, "Renewal failed for {Email}", {|MEC001:patron.Email|});
                }
            }
            """, """
            using System;
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public static partial class Renewals
            {
                public static void Fail(ILogger logger, Patron patron, Exception error)
                {
                    LogRenewalFailedFor(logger, error, patron.Email);
                }

                [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "Renewal failed for {Email}")]
                static partial void LogRenewalFailedFor(ILogger logger, Exception exception, [PersonalData] string email);
            }
            """);
    }

    [Fact]
    public async Task Nested_types_become_partial_all_the_way_out()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            namespace Circulation
            {
                public sealed class Desk
                {
                    internal sealed class Scanner(ILogger<Scanner> logger)
                    {
                        public void Scan(Patron patron) => logger.LogDebug("Scanned {Card}", {|MEC001:patron.CardNumber|});
                    }
                }
            }
            """, """
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            namespace Circulation
            {
                public sealed partial class Desk
                {
                    internal sealed partial class Scanner(ILogger<Scanner> logger)
                    {
                        public void Scan(Patron patron) => LogScanned(logger, patron.CardNumber);

                        [LoggerMessage(Level = LogLevel.Debug, Message = "Scanned {Card}")]
                        static partial void LogScanned(ILogger logger, [PatronRecord] string card);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Without_the_redacting_generator_no_fix_is_offered()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class CheckoutService
            {
                public void CheckOut(ILogger logger, Patron patron) => logger.LogInformation("Card {Card}", {|MEC001:patron.CardNumber|});
            }
            """;
        await VerifyAsync(source, source, redactingGenerator: false);
    }

    [Fact]
    public async Task Conditional_calls_and_values_of_method_type_parameters_are_offered_no_fix()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class Audit
            {
                public void Maybe(ILogger? logger, Patron patron) => logger?.LogInformation("Card {Card}", {|MEC001:patron.CardNumber|});

                public void Record<T>(ILogger logger, [MecCompliance.PersonalData] T subject) => logger.LogInformation("Subject {Subject}", {|MEC001:subject|});
            }
            """;
        await VerifyAsync(source, source);
    }

    [Fact]
    public async Task Sinks_other_than_ILogger_calls_are_offered_no_fix()
    {
        const string source = """
            using System;

            public class Kiosk
            {
                public void Show(Patron patron) => Console.WriteLine({|MEC001:patron.Email|});
            }
            """;
        await VerifyAsync(source, source);
    }
}
