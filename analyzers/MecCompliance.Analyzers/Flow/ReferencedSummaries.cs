using System.Collections.Concurrent;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The flow summaries referenced assemblies carry (written by <see cref="FlowSummaryWriter"/> when the library was built
/// with MecCompliance): a call into such a library is followed through its summary like a call into this compilation.
/// Each assembly's attributes are read once per compilation, each method's summary parsed on its first call.
/// </summary>
internal sealed class ReferencedSummaries
{
    private readonly SymbolFacts _facts;
    private readonly ConcurrentDictionary<IAssemblySymbol, Dictionary<string, string>?> _assemblies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, string?> _texts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, External?> _parsed = new(SymbolEqualityComparer.Default);

    internal ReferencedSummaries(SymbolFacts facts) => _facts = facts;

    /// <summary>Whether <paramref name="method"/> (a summary key) has no body here but a summary in its assembly.</summary>
    public bool Has(IMethodSymbol method) => TextOf(method) is not null;

    /// <summary>
    /// A stand-in for <paramref name="method"/>'s body and its summary, or <see langword="null"/> when its assembly carries
    /// none for it (or one this version cannot read).
    /// </summary>
    /// <remarks>The stand-in entry belongs to <paramref name="session"/>, the one session of these facts.</remarks>
    public External? Find(FlowSession session, IMethodSymbol method) =>
        _parsed.TryGetValue(method, out var known) ? known : _parsed.GetOrAdd(method, m => TextOf(m) is { } text ? Parse(session, m, text) : null);

    private string? TextOf(IMethodSymbol method)
    {
        if (method.ContainingAssembly is not { } assembly || SymbolEqualityComparer.Default.Equals(assembly, _facts.Compilation.Assembly) ||
            (_assemblies.TryGetValue(assembly, out var summaries) ? summaries : _assemblies.GetOrAdd(assembly, Read)) is not { } texts)
        {
            return null;
        }

        return _texts.TryGetValue(method, out var known)
            ? known
            : _texts.GetOrAdd(method, m => FlowSummaryFormat.MethodKey(m) is { } id && texts.TryGetValue(id, out var text) ? text : null);
    }

    private static Dictionary<string, string>? Read(IAssemblySymbol assembly)
    {
        Dictionary<string, string>? texts = null;
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } type && type.HasFullName("System.Reflection.AssemblyMetadataAttribute") &&
                attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[0].Value is FlowSummaryFormat.Key &&
                attribute.ConstructorArguments[1].Value is string text && text.IndexOf('\n') is > 0 and var end)
            {
                // A second summary of one method (never written) would be ambiguous: the first is kept.
                texts ??= new(StringComparer.Ordinal);
                var id = text.Substring(0, end);
                if (!texts.ContainsKey(id))
                {
                    texts.Add(id, text.Substring(end + 1));
                }
            }
        }

        return texts;
    }

    private External? Parse(FlowSession session, IMethodSymbol method, string text)
    {
        var summary = new MethodSummary();
        var returns = new Resolution();
        foreach (var line in text.Length == 0 ? [] : text.Split('\n'))
        {
            var fields = line.Split('\t');
            var understood = fields[0] switch
            {
                FlowSummaryFormat.ReturnsParameter when fields.Length == 2 && Ordinal(method, fields[1]) is { } ordinal => Do(() => returns.AddParameter(ordinal)),
                FlowSummaryFormat.ReturnsMember when fields.Length == 3 && Ordinal(method, fields[1]) is { } ordinal && Symbol(method, fields[2]) is { } member =>
                    Do(() => returns.AddMember(new ParameterMember(ordinal, member))),
                FlowSummaryFormat.ReturnsSource when fields.Length == 5 && FlowSummaryFormat.ParseClasses(fields[1]) is { } classes && classes != DataClass.None &&
                                                      fields[2] is "whole" or "value" && fields[3] is "itself" or "inside" && Symbol(method, fields[4]) is { } origin =>
                    Do(() =>
                    {
                        var source = new SourceLabel(classes, origin, Location.None, isWholeObject: fields[2] == "whole");
                        returns.AddSource(fields[3] == "inside" ? source.In(MemberSlot.Somewhere) : source, ImmutableArray<IMethodSymbol>.Empty);
                    }),
                FlowSummaryFormat.ReachesSink when fields.Length == 8 => ReadSink(method, fields, summary),
                _ => false,
            };

            if (!understood)
            {
                // Never half a summary: a line this version cannot read makes the call an ordinary library call.
                return null;
            }
        }

        summary.MergeReturns(returns);
        return new External(new MethodEntry(session, method, ImmutableArray<IOperation>.Empty, CancellationToken.None), summary);
    }

    private bool ReadSink(IMethodSymbol method, string[] fields, MethodSummary summary)
    {
        if (Ordinal(method, fields[1]) is not { } ordinal || FlowSummaryFormat.ParseKind(fields[3]) is not { } kind ||
            FlowSummaryFormat.ParseClasses(fields[4]) is not { } sanctioned || fields[5].Length == 0)
        {
            return false;
        }

        ISymbol? member = null;
        if (fields[2].Length > 0 && (member = Symbol(method, fields[2])) is null)
        {
            return false;
        }

        ISymbol? sinkMember = null;
        if (kind == SinkKind.UnclassifiedMember && (fields[7].Length == 0 || (sinkMember = Symbol(method, fields[7])) is null))
        {
            // The member a value is stored into may be private (a backing field), absent from a reference assembly:
            // that one store is not followed; the rest of the summary still says what it says.
            return fields[7].Length > 0;
        }

        var sink = new Sink(kind, fields[5], fields[6].Length == 0 ? null : fields[6], sinkMember);
        summary.AddParameterSink(new ParameterMember(ordinal, member), new SinkEvent(sink, sanctioned), ImmutableArray<IMethodSymbol>.Empty);
        return true;
    }

    private static bool Do(Action action)
    {
        action();
        return true;
    }

    private static int? Ordinal(IMethodSymbol method, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal) &&
        ordinal < method.Parameters.Length ? ordinal : null;

    /// <summary>The symbol an id names, preferring the method's own assembly when several assemblies declare one.</summary>
    private ISymbol? Symbol(IMethodSymbol method, string id)
    {
        ISymbol? first = null;
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, _facts.Compilation))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, method.ContainingAssembly))
            {
                return symbol;
            }

            first ??= symbol;
        }

        return first;
    }

    /// <summary>A referenced method: an entry without code standing for it among the solver's targets, and its summary.</summary>
    internal sealed class External(MethodEntry entry, MethodSummary summary)
    {
        public MethodEntry Entry { get; } = entry;

        public MethodSummary Summary { get; } = summary;
    }
}
