using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// The log sinks of DESIGN §5: Microsoft.Extensions.Logging (extension methods, <c>ILogger.Log</c>, scopes,
/// <c>LoggerMessage.Define</c> delegates, <c>[LoggerMessage]</c> methods), the console, debug and trace output, event
/// sources, <c>Activity</c> tags and events, Serilog, NLog, log4net, and the message of a constructed exception.
/// </summary>
internal static class LogSinks
{
    public static IEnumerable<SinkRecognizer> Create(Compilation compilation, ComplianceSymbols symbols)
    {
        var recognizers = new List<SinkRecognizer>();
        var context = new LogTypes(compilation);

        if (context.ILogger is not null)
        {
            recognizers.Add(new MicrosoftLogging(context, symbols));
        }

        recognizers.Add(new DiagnosticsOutput(context));

        if (context.Exception is { } exception)
        {
            recognizers.Add(new ExceptionMessage(exception, context));
        }

        var thirdParty = new ThirdPartyLoggers(compilation, context);
        if (thirdParty.IsPresent)
        {
            recognizers.Add(thirdParty);
        }

        return recognizers;
    }

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    private static string NameOf(IMethodSymbol method, string? typeName = null)
    {
        var name = method.MethodKind switch
        {
            MethodKind.Constructor => "new " + method.ContainingType.Name,
            MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
            _ => method.Name,
        };
        return method.MethodKind == MethodKind.Constructor ? name : (typeName ?? method.ContainingType.Name) + "." + name;
    }

    /// <summary>Types whose values are log metadata (levels, event ids, exceptions, formatters), never the message.</summary>
    private sealed class LogTypes
    {
        private readonly Compilation _compilation;

        public LogTypes(Compilation compilation)
        {
            _compilation = compilation;
            ILogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
            LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            EventId = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.EventId");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            FormatProvider = compilation.GetTypeByMetadataName("System.IFormatProvider");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            Type = compilation.GetTypeByMetadataName("System.Type");
            Console = compilation.GetTypeByMetadataName("System.Console");
        }

        public INamedTypeSymbol? ILogger { get; }

        public INamedTypeSymbol? LoggerExtensions { get; }

        public INamedTypeSymbol? LoggerMessageAttribute { get; }

        public INamedTypeSymbol? EventId { get; }

        public INamedTypeSymbol? Exception { get; }

        public INamedTypeSymbol? FormatProvider { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        public INamedTypeSymbol? Type { get; }

        public INamedTypeSymbol? Console { get; }

        public INamedTypeSymbol? Find(string metadataName) => _compilation.GetTypeByMetadataName(metadataName);

        /// <summary>Whether a parameter of this type carries message content (text, values) rather than log metadata.</summary>
        public bool CarriesContent(IParameterSymbol parameter)
        {
            var type = parameter.Type;
            if (type.SpecialType == SpecialType.System_Boolean || type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
            {
                return false;
            }

            if (type is not INamedTypeSymbol named)
            {
                return true;
            }

            return !Is(named, ILogger) && !Is(named, EventId) && !Is(named, FormatProvider) && !Is(named, CancellationToken) &&
                   !Is(named, Type) && !DerivesFrom(named, Exception) && !Implements(named, ILogger);
        }

        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current is not null && baseType is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? contract) =>
            contract is not null && type.OriginalDefinition.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, contract));
    }

    /// <summary>Microsoft.Extensions.Logging: every message and argument of a log call or scope.</summary>
    private sealed class MicrosoftLogging(LogTypes types, ComplianceSymbols symbols) : SinkRecognizer
    {
        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            var container = method.ContainingType;
            if (Is(container, types.ILogger))
            {
                // ILogger.Log<TState>(level, eventId, state, exception, formatter) and ILogger.BeginScope<TState>(state).
                return method.Name is "Log" or "BeginScope"
                    ? new SinkMethod(new Sink(SinkKind.Log, NameOf(method)), SinkMethod.AllParameters(method, p => !types.CarriesContent(p)))
                    : null;
            }

            if (Is(container, types.LoggerExtensions))
            {
                // Users write logger.LogInformation(...): name the sink the way they read it.
                return new SinkMethod(new Sink(SinkKind.Log, NameOf(method, "ILogger")), SinkMethod.AllParameters(method, p => !types.CarriesContent(p)));
            }

            if (types.LoggerMessageAttribute is { } loggerMessage && method.MethodKind == MethodKind.Ordinary && HasAttribute(method, loggerMessage))
            {
                // The generated logging path redacts parameters that carry a classification; the others are logged as they are.
                var payloads = ImmutableArray.CreateBuilder<SinkPayload>();
                foreach (var parameter in method.Parameters)
                {
                    if (types.CarriesContent(parameter))
                    {
                        payloads.Add(new SinkPayload(parameter.Ordinal, symbols.DeclaredOn(parameter)));
                    }
                }

                return new SinkMethod(new Sink(SinkKind.Log, NameOf(method)), payloads.ToImmutable());
            }

            return method.MethodKind == MethodKind.DelegateInvoke ? RecognizeDefinedDelegate(method) : null;
        }

        /// <summary>
        /// <c>LoggerMessage.Define</c> returns <c>Action&lt;ILogger, T1 … Tn, Exception?&gt;</c> and <c>DefineScope</c>
        /// <c>Func&lt;ILogger, T1 … Tn, IDisposable?&gt;</c>: a delegate of that shape is a log call whatever variable
        /// holds it.
        /// </summary>
        private SinkMethod? RecognizeDefinedDelegate(IMethodSymbol invoke)
        {
            var parameters = invoke.Parameters;
            if (parameters.Length < 2 || !Is(parameters[0].Type as INamedTypeSymbol, types.ILogger))
            {
                return null;
            }

            var isAction = invoke.ReturnsVoid && LogTypes.DerivesFrom(parameters[parameters.Length - 1].Type, types.Exception);
            var isScope = !invoke.ReturnsVoid && invoke.ReturnType.Name == "IDisposable";
            if (!isAction && !isScope)
            {
                return null;
            }

            var payloads = ImmutableArray.CreateBuilder<SinkPayload>();
            for (var i = 1; i < parameters.Length - (isAction ? 1 : 0); i++)
            {
                payloads.Add(new SinkPayload(i));
            }

            return new SinkMethod(new Sink(SinkKind.Log, isAction ? "LoggerMessage.Define delegate" : "LoggerMessage.DefineScope delegate"), payloads.ToImmutable());
        }

        private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attribute)
        {
            foreach (var data in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Console, Debug, Trace, TraceSource, EventSource and Activity: text that leaves the process for an operator.</summary>
    private sealed class DiagnosticsOutput : SinkRecognizer
    {
        private static readonly HashSet<string> DebugAndTraceMethods =
        [
            "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Fail", "Assert", "TraceInformation", "TraceWarning", "TraceError",
        ];

        private static readonly HashSet<string> TraceSourceMethods = ["TraceEvent", "TraceData", "TraceInformation", "TraceTransfer"];

        private static readonly HashSet<string> ActivityMethods = ["SetTag", "AddTag", "AddBaggage", "SetBaggage", "AddEvent", "SetStatus", "set_DisplayName"];

        private readonly LogTypes _types;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _debug;
        private readonly INamedTypeSymbol? _trace;
        private readonly INamedTypeSymbol? _traceSource;
        private readonly INamedTypeSymbol? _eventSource;
        private readonly INamedTypeSymbol? _activity;

        public DiagnosticsOutput(LogTypes types)
        {
            _types = types;
            _textWriter = types.Find("System.IO.TextWriter");
            _debug = types.Find("System.Diagnostics.Debug");
            _trace = types.Find("System.Diagnostics.Trace");
            _traceSource = types.Find("System.Diagnostics.TraceSource");
            _eventSource = types.Find("System.Diagnostics.Tracing.EventSource");
            _activity = types.Find("System.Diagnostics.Activity");
        }

        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            var container = method.ContainingType;
            if (Is(container, _types.Console))
            {
                return method.Name.StartsWith("Write", StringComparison.Ordinal) ? Everything(method) : null;
            }

            if (Is(container, _debug) || Is(container, _trace))
            {
                return DebugAndTraceMethods.Contains(method.Name) ? Everything(method) : null;
            }

            if (Is(container, _traceSource))
            {
                return TraceSourceMethods.Contains(method.Name) ? Everything(method, skipFirstNumber: true) : null;
            }

            if (Is(container, _eventSource))
            {
                return method.Name is "WriteEvent" or "Write" or "WriteEventWithRelatedActivityId" ? Everything(method, skipFirstNumber: true) : null;
            }

            if (Is(container, _activity))
            {
                return ActivityMethods.Contains(method.Name) ? Everything(method) : null;
            }

            if (Is(container, _textWriter) && method.Name.StartsWith("Write", StringComparison.Ordinal) && _types.Console is { } console)
            {
                // Only Console.Out / Console.Error: a TextWriter on a file is storage, not a log.
                return new SinkMethod(
                    new Sink(SinkKind.Log, "Console.Out." + method.Name),
                    SinkMethod.AllParameters(method, p => !_types.CarriesContent(p)),
                    site => IsConsoleWriter(site, console) is { } name ? new Sink(SinkKind.Log, "Console." + name + "." + method.Name) : null);
            }

            return null;
        }

        private SinkMethod Everything(IMethodSymbol method, bool skipFirstNumber = false) =>
            new(new Sink(SinkKind.Log, NameOf(method)), SinkMethod.AllParameters(method, p =>
                !_types.CarriesContent(p) || (skipFirstNumber && p.Ordinal == 0 && p.Type.SpecialType == SpecialType.System_Int32) ||
                (p.Type.SpecialType == SpecialType.System_Boolean)));

        private static string? IsConsoleWriter(IOperation site, INamedTypeSymbol console)
        {
            var receiver = site is IInvocationOperation invocation ? invocation.Instance : null;
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            return receiver is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } property } && Is(property.ContainingType, console)
                ? property.Name
                : null;
        }
    }

    /// <summary>A framework exception's message (and inner data) ends up in logs and error pages.</summary>
    private sealed class ExceptionMessage(INamedTypeSymbol exception, LogTypes types) : SinkRecognizer
    {
        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            // Exceptions declared in source pass their message to a framework base constructor, which is found through
            // the constructor's own summary; here only framework constructors are sinks.
            if (method.MethodKind != MethodKind.Constructor || method.Locations.Any(l => l.IsInSource) || !LogTypes.DerivesFrom(method.ContainingType, exception))
            {
                return null;
            }

            var payloads = SinkMethod.AllParameters(method, p =>
                p.Type.SpecialType != SpecialType.System_String || p.Name == "paramName" || !types.CarriesContent(p));
            return payloads.IsEmpty ? null : new SinkMethod(new Sink(SinkKind.Log, "new " + method.ContainingType.Name), payloads);
        }
    }

    /// <summary>Serilog, NLog and log4net, matched by their metadata names; each is present only when referenced.</summary>
    private sealed class ThirdPartyLoggers : SinkRecognizer
    {
        private static readonly HashSet<string> SerilogMethods = ["Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "ForContext"];

        private static readonly HashSet<string> NLogMethods =
            ["Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalTrace", "ConditionalDebug"];

        private static readonly HashSet<string> Log4NetMethods =
        [
            "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat",
        ];

        private readonly LogTypes _types;
        private readonly ImmutableArray<(INamedTypeSymbol Type, HashSet<string> Methods, string Display)> _loggers;

        public ThirdPartyLoggers(Compilation compilation, LogTypes types)
        {
            _types = types;
            var loggers = ImmutableArray.CreateBuilder<(INamedTypeSymbol, HashSet<string>, string)>();
            Add(compilation, loggers, "Serilog.ILogger", SerilogMethods, "Serilog.ILogger");
            Add(compilation, loggers, "Serilog.Log", SerilogMethods, "Serilog.Log");
            Add(compilation, loggers, "NLog.ILogger", NLogMethods, "NLog.ILogger");
            Add(compilation, loggers, "NLog.ILoggerBase", NLogMethods, "NLog.ILogger");
            Add(compilation, loggers, "NLog.Logger", NLogMethods, "NLog.Logger");
            Add(compilation, loggers, "log4net.ILog", Log4NetMethods, "log4net.ILog");
            _loggers = loggers.ToImmutable();
        }

        public bool IsPresent => !_loggers.IsEmpty;

        public override SinkMethod? Recognize(IMethodSymbol method)
        {
            foreach (var (type, methods, display) in _loggers)
            {
                if (Is(method.ContainingType, type) && methods.Contains(method.Name))
                {
                    return new SinkMethod(
                        new Sink(SinkKind.Log, display + "." + method.Name),
                        SinkMethod.AllParameters(method, p => !_types.CarriesContent(p) || p.Type.Name is "LogEventLevel" or "LogLevel"));
                }
            }

            return null;
        }

        private static void Add(
            Compilation compilation,
            ImmutableArray<(INamedTypeSymbol, HashSet<string>, string)>.Builder loggers,
            string metadataName,
            HashSet<string> methods,
            string display)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                loggers.Add((type, methods, display));
            }
        }
    }
}
