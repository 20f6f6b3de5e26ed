using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// Resolves what a method's labels stand for against the summaries of the methods it calls: grows one method's summary
/// (<see cref="Update"/>, while <see cref="CalleeSummaries"/> solves a component of the call graph), and finds the flows
/// that cross its calls (<see cref="FlowsThroughCalls"/>), reported at the method's own sinks and arguments.
/// </summary>
internal sealed class InterproceduralSolver
{
    private const int MaxPath = 6;

    private readonly FlowSession _session;
    private readonly CalleeSummaries _callees;
    private readonly IReadOnlyDictionary<ISymbol, MethodSummary>? _solving;
    private readonly CancellationToken _cancellationToken;

    // A top-level resolution depends only on its label set and the summaries: it stays valid until a summary changes.
    // Keyed by label set, tagged with the generation of the summaries it was computed against: a summary that grows
    // starts a new generation instead of clearing the table.
    private readonly Dictionary<LabelSet, (int Generation, Resolution Resolution)> _resolved = new();
    private int _generation;
    private readonly HashSet<CallSite> _visiting = [];
    private static readonly Resolution NoResolution = new();

    /// <param name="solving">The summaries of the component being solved (read as they grow); any other callee's is complete.</param>
    public InterproceduralSolver(FlowSession session, CalleeSummaries callees, IReadOnlyDictionary<ISymbol, MethodSummary>? solving, CancellationToken cancellationToken)
    {
        _session = session;
        _callees = callees;
        _solving = solving;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The followed targets of <paramref name="site"/>, each with its summary.</summary>
    private IEnumerable<(IMethodSymbol Method, MethodSummary Summary)> Targets(CallSite site)
    {
        foreach (var target in _callees.FollowedTargetsOf(site, _cancellationToken))
        {
            if (target.Owner is not IMethodSymbol method)
            {
                continue;
            }

            var summary = _solving is not null && _solving.TryGetValue(method, out var growing) ? growing : _callees.SummaryOf(target, _cancellationToken);
            yield return (method, summary);
        }
    }

    /// <summary>Whether the call at <paramref name="site"/> runs a body of this compilation (then its summaries answer, not a library model).</summary>
    private bool HasTargets(CallSite site) => _callees.TargetsOf(site, _cancellationToken).Count > 0;

    /// <summary>Adds to <paramref name="summary"/> what <paramref name="entry"/>'s code does with its parameters and returns, given its callees' summaries.</summary>
    public bool Update(MethodEntry entry, MethodSummary summary)
    {
        var flow = entry.Flow!;
        var changed = Changed(summary.MergeReturns(Resolve(flow.Returns)));

        foreach (var sink in flow.Sinks)
        {
            foreach (var parameter in Resolve(sink.Labels).AllParameters)
            {
                if (!IsClassifiedParameter(entry.Owner, parameter.Ordinal))
                {
                    changed |= Changed(summary.AddParameterSink(parameter, sink, ImmutableArray<IMethodSymbol>.Empty));
                }
            }
        }

        foreach (var site in flow.Calls)
        {
            foreach (var (targetMethod, targetSummary) in Targets(site))
            {
                for (var i = 0; i < targetSummary.ParameterSinks.Count; i++)
                {
                    var parameterSink = targetSummary.ParameterSinks[i];
                    if (parameterSink.Ordinal >= site.Arguments.Length || parameterSink.Path.Length >= MaxPath)
                    {
                        continue;
                    }

                    foreach (var parameter in ArgumentAt(site, parameterSink).AllParameters)
                    {
                        if (!IsClassifiedParameter(entry.Owner, parameter.Ordinal))
                        {
                            changed |= Changed(summary.AddParameterSink(parameter, parameterSink.Sink, parameterSink.Path.Insert(0, targetMethod)));
                        }
                    }
                }
            }
        }

        return changed;
    }

    /// <summary>What the argument a parameter sink reads carries there: the whole argument, or the member the callee reads of it.</summary>
    private Resolution ArgumentAt(CallSite site, ParameterSink parameterSink)
    {
        var argument = Resolve(site.Arguments[parameterSink.Ordinal]);
        if (parameterSink.Member is null)
        {
            return argument;
        }

        var member = new Resolution();
        member.AddMemberOf(argument, parameterSink.Member);

        // A member classified by declaration is that data whatever the object came from (a repository, a query over
        // what a call without a model returned): where the object is obtained, the flow the callee makes of that member
        // is reported at the call. Where the caller only passes on its own parameter (or a member of it), its callers
        // report it.
        if (!IsPassedOnParameter(site.Arguments[parameterSink.Ordinal]) &&
            _session.Facts.DeclaredClasses(parameterSink.Member) is var declared && (declared & ~parameterSink.Sink.Sanctioned) != DataClass.None)
        {
            member.AddSource(
                new SourceLabel(declared, parameterSink.Member, site.ArgumentLocation(parameterSink.Ordinal), isWholeObject: false),
                ImmutableArray<IMethodSymbol>.Empty);
        }

        return member;
    }

    private static bool IsPassedOnParameter(LabelSet argument) => argument.Labels.Any(IsOfParameter);

    /// <summary>Whether <paramref name="label"/> stands for a parameter, a member of one, or either held in a slot.</summary>
    private static bool IsOfParameter(TaintLabel label) =>
        label is ParameterLabel or ProjectedLabel { Inner: ParameterLabel } || (label is SlottedLabel slotted && IsOfParameter(slotted.Inner));

    /// <summary>A summary grew: every memoised resolution may now be incomplete.</summary>
    private bool Changed(bool grew)
    {
        if (grew)
        {
            _generation++;
        }

        return grew;
    }

    /// <summary>
    /// A classified parameter is a source in its own method, where its flows are reported; callers passing classified
    /// data to it are doing what the declaration asks.
    /// </summary>
    /// <remarks>
    /// The value of a classified property's setter is that property's value: where the accessor keeps it (a backing
    /// field) is the property's business, and callers assigning classified data to a classified property are correct.
    /// </remarks>
    private bool IsClassifiedParameter(ISymbol owner, int ordinal) =>
        owner is IMethodSymbol method && ordinal < method.Parameters.Length &&
        (_session.Symbols.DeclaredOn(method.Parameters[ordinal]) != DataClass.None ||
         (method.MethodKind == MethodKind.PropertySet && method.AssociatedSymbol is { } property && _session.Facts.DeclaredClasses(property) != DataClass.None));

    /// <remarks>The result is shared (memoised): callers only read it.</remarks>
    private Resolution Resolve(LabelSet labels)
    {
        if (labels.IsEmpty)
        {
            return NoResolution;
        }

        if (_resolved.TryGetValue(labels, out var memo) && memo.Generation == _generation)
        {
            return memo.Resolution;
        }

        var resolution = new Resolution();
        _visiting.Clear();
        Resolve(labels, resolution, ImmutableArray<IMethodSymbol>.Empty, _visiting);
        _resolved[labels] = (_generation, resolution);
        return resolution;
    }

    private void Resolve(LabelSet labels, Resolution resolution, ImmutableArray<IMethodSymbol> prefix, HashSet<CallSite> visiting)
    {
        foreach (var label in labels.Labels)
        {
            switch (label)
            {
                case SourceLabel source:
                    resolution.AddSource(source, prefix);
                    break;
                case ParameterLabel parameter:
                    resolution.AddParameter(parameter.Ordinal);
                    break;
                case CallResultLabel result when visiting.Add(result.Site):
                    ResolveCall(result.Site, resolution, prefix, visiting);
                    visiting.Remove(result.Site);
                    break;
                case SlottedLabel slotted:
                {
                    var inner = new Resolution();
                    Resolve(LabelSet.Of(slotted.Inner), inner, prefix, visiting);
                    resolution.AddIn(inner, slotted.Slot);
                    break;
                }
                case ProjectedLabel projected:
                {
                    var whole = new Resolution();
                    Resolve(LabelSet.Of(projected.Inner), whole, prefix, visiting);
                    resolution.AddMemberOf(whole, projected.Member);
                    break;
                }
            }
        }
    }

    private void ResolveCall(CallSite site, Resolution resolution, ImmutableArray<IMethodSymbol> prefix, HashSet<CallSite> visiting)
    {
        if (!HasTargets(site))
        {
            // No body in this compilation (an interface implemented elsewhere, generated code, extern): judge it like a
            // library method, whose result carries its inputs only when it re-expresses them. A property without a body
            // anywhere (an interface's, implemented by auto-properties) is a member read: the reader projects the receiver
            // onto that member already, and its siblings are not in it.
            if (!TypeShapes.ReexpressesInputs(site.Callee) || site.Callee.MethodKind == MethodKind.PropertyGet)
            {
                return;
            }

            // The callee joins the path: the flow was not visible inside one method, so it is reported here. Its result
            // holds its inputs somewhere (a call without a model): whole, not in each member.
            var through = prefix.Length < MaxPath ? prefix.Add(site.Callee) : prefix;
            var inputs = new Resolution();
            Resolve(site.Receiver, inputs, through, visiting);
            foreach (var argument in site.Arguments)
            {
                Resolve(argument, inputs, through, visiting);
            }

            resolution.AddSomewhere(inputs);
            return;
        }

        foreach (var (method, summary) in Targets(site))
        {
            var path = prefix.Length < MaxPath ? prefix.Add(method) : prefix;
            foreach (var pair in summary.ReturnSources)
            {
                resolution.AddSource(pair.Key, path.Length + pair.Value.Length <= MaxPath ? path.AddRange(pair.Value) : path);
            }

            foreach (var parameter in summary.ReturnParameters)
            {
                if (parameter < site.Arguments.Length)
                {
                    Resolve(site.Arguments[parameter], resolution, path, visiting);
                }
            }

            foreach (var parameter in summary.ReturnMembers)
            {
                if (parameter.Ordinal < site.Arguments.Length)
                {
                    var whole = new Resolution();
                    Resolve(site.Arguments[parameter.Ordinal], whole, path, visiting);
                    resolution.AddMemberOf(whole, parameter.Member!);
                }
            }

            foreach (var (parameter, slot) in summary.ReturnSlotted)
            {
                if (parameter.Ordinal < site.Arguments.Length)
                {
                    var whole = new Resolution();
                    Resolve(site.Arguments[parameter.Ordinal], whole, path, visiting);
                    if (parameter.Member is { } member)
                    {
                        var read = new Resolution();
                        read.AddMemberOf(whole, member);
                        whole = read;
                    }

                    resolution.AddIn(whole, slot);
                }
            }
        }
    }

    /// <summary>
    /// The flows of <paramref name="entry"/> that cross a call: a classified value a callee returns reaching one of its
    /// sinks, and a value it passes reaching a sink inside a callee (reported at its argument). A method with no source
    /// of its own was not reported as it was analysed: its flows within itself are among these.
    /// </summary>
    public ImmutableArray<ClassifiedFlow> FlowsThroughCalls(MethodEntry entry)
    {
        var flows = ImmutableArray.CreateBuilder<ClassifiedFlow>();
        // Equal flows are the same data entering the same sink at the same location: the first path found is kept.
        var seen = new HashSet<ClassifiedFlow>();

        void Add(SourceLabel source, SinkEvent sink, Location location, ImmutableArray<IMethodSymbol> path) =>
            Keep(new ClassifiedFlow(source.Unslotted, sink, location, path));

        void Keep(ClassifiedFlow flow)
        {
            if (seen.Add(flow))
            {
                flows.Add(flow);
            }
        }

        if (!entry.HasSource)
        {
            foreach (var local in entry.LocalFlows)
            {
                Keep(local);
            }
        }

        var flow = entry.Flow!;
        foreach (var sink in flow.Sinks)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            foreach (var pair in Resolve(sink.Labels).Sources)
            {
                if (!pair.Value.IsEmpty)
                {
                    Add(pair.Key, sink, sink.ValueSyntax!.GetLocation(), pair.Value);
                }
            }
        }

        foreach (var site in flow.Calls)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            foreach (var (method, summary) in Targets(site))
            {
                foreach (var parameterSink in summary.ParameterSinks)
                {
                    if (parameterSink.Ordinal >= site.Arguments.Length)
                    {
                        continue;
                    }

                    foreach (var pair in ArgumentAt(site, parameterSink).Sources)
                    {
                        var path = pair.Value.Add(method).AddRange(parameterSink.Path);
                        Add(pair.Key, parameterSink.Sink, site.ArgumentLocation(parameterSink.Ordinal), path);
                    }
                }
            }
        }

        return flows.ToImmutable();
    }
}
