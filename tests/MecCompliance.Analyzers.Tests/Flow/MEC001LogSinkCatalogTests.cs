using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Flow.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>Every log sink family of DESIGN §5; each test logs a classified value (reported) and an unclassified one (silent).</summary>
public sealed class MEC001LogSinkCatalogTests
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
