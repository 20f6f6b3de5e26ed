using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// Solves, once per compilation, the summaries of every analysed method and the flows that cross calls. First it decides
/// which methods a flow can pass through (callees that receive labelled arguments, callers of methods that return
/// labelled values) and analyses only those; then it iterates the summaries to a fixpoint (monotone, so recursion is
/// safe); finally it resolves each call site and sink against the summaries.
/// </summary>
internal sealed class InterproceduralSolver
{
    private const int MaxRounds = 64;
    private const int MaxPath = 6;

    private readonly FlowSession _session;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, MethodEntry> _entries = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<MethodEntry>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<ISymbol>> _bases = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CallSite, List<MethodEntry>> _targets = new();
    private readonly List<MethodEntry> _analysedAtEnd = [];

    // A top-level resolution depends only on its label set and the summaries: it stays valid until a summary changes,
    // so the rounds that change nothing (always the last) and Collect reuse it instead of walking call chains again.
    // Keyed by label set, tagged with the generation of the summaries it was computed against: a summary that grows
    // starts a new generation instead of clearing the table (a clear costs the table's whole capacity, and summaries
    // grow thousands of times in the first round).
    private readonly Dictionary<LabelSet, (int Generation, Resolution Resolution)> _resolved = new();
    private int _generation;
    private readonly HashSet<CallSite> _visiting = [];
    private static readonly Resolution NoResolution = new();

    public InterproceduralSolver(FlowSession session, CancellationToken cancellationToken)
    {
        _session = session;
        _cancellationToken = cancellationToken;
    }

    public FlowSolution Solve()
    {
        foreach (var entry in _session.Entries)
        {
            // Registration analyses such a method before returning; this only guards a registration still in flight.
            if (entry.HasSource)
            {
                entry.EnsureAnalyzed(_cancellationToken);
            }

            _entries[entry.Owner] = entry;
        }

        MapImplementations();
        AnalyzeWhatFlowsNeed();

        var analysed = _entries.Values.Where(e => e.IsAnalyzed).OrderBy(e => e.Owner.Locations.FirstOrDefault()?.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(e => e.Owner.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0).ToList();
        foreach (var entry in analysed)
        {
            _summaries[entry.Owner] = new MethodSummary();
        }

        // An update reads only the summaries of the methods its calls reach (and its own): when none of them changed
        // since its last update, it would add nothing, so it is skipped. Rounds, their order and the result are those
        // of updating every method every round.
        var dependencies = analysed.Select(DependenciesOf).ToList();
        var updatedAt = new int[analysed.Count];
        var changedAt = new Dictionary<MethodSummary, int>();
        var stamp = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var changed = false;
            for (var i = 0; i < analysed.Count; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (round > 0 && !ChangedSince(dependencies[i], changedAt, updatedAt[i]))
                {
                    continue;
                }

                updatedAt[i] = ++stamp;
                if (Update(analysed[i]))
                {
                    changedAt[_summaries[analysed[i].Owner]] = stamp;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return new FlowSolution(Collect(analysed), _summaries);
    }

    private HashSet<MethodSummary> DependenciesOf(MethodEntry entry)
    {
        var summaries = new HashSet<MethodSummary> { _summaries[entry.Owner] };
        foreach (var site in entry.Flow!.Calls)
        {
            foreach (var target in Targets(site))
            {
                if (_summaries.TryGetValue(target.Owner, out var summary))
                {
                    summaries.Add(summary);
                }
            }
        }

        return summaries;
    }

    // A summary changed during the method's own last update (a recursive call) counts: that update read it half-grown.
    private static bool ChangedSince(HashSet<MethodSummary> dependencies, Dictionary<MethodSummary, int> changedAt, int updatedAt)
    {
        foreach (var summary in dependencies)
        {
            if (changedAt.TryGetValue(summary, out var at) && at >= updatedAt)
            {
                return true;
            }
        }

        return false;
    }

    private void MapImplementations()
    {
        foreach (var entry in _entries.Values)
        {
            if (entry.Owner is not IMethodSymbol { IsStatic: false } method)
            {
                continue;
            }

            foreach (var baseMethod in BasesOf(method))
            {
                if (!_implementations.TryGetValue(baseMethod, out var list))
                {
                    _implementations[baseMethod] = list = [];
                }

                list.Add(entry);
                if (!_bases.TryGetValue(method, out var bases))
                {
                    _bases[method] = bases = [];
                }

                bases.Add(baseMethod);
            }
        }
    }

    private static IEnumerable<IMethodSymbol> BasesOf(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden.OriginalDefinition;
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            yield return explicitImplementation.OriginalDefinition;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol contractMethod &&
                    SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(contractMethod)?.OriginalDefinition, method))
                {
                    yield return contractMethod.OriginalDefinition;
                }
            }
        }
    }

    /// <summary>Methods with a body that a call at <paramref name="site"/> may run.</summary>
    private List<MethodEntry> Targets(CallSite site)
    {
        if (_targets.TryGetValue(site, out var targets))
        {
            return targets;
        }

        targets = [];
        if (_entries.TryGetValue(site.Callee, out var direct))
        {
            targets.Add(direct);
        }
        else if (ReferencedSummaries.For(_session).Find(site.Callee) is { } external)
        {
            // A method of a referenced assembly built with MecCompliance: its summary stands for its body.
            targets.Add(external.Entry);
            _summaries[external.Entry.Owner] = external.Summary;
        }

        if (site.IsVirtual && _implementations.TryGetValue(site.Callee, out var implementations))
        {
            var added = new HashSet<MethodEntry>(targets);
            foreach (var implementation in implementations)
            {
                if (added.Add(implementation))
                {
                    targets.Add(implementation);
                }
            }
        }

        _targets[site] = targets;
        return targets;
    }

    /// <summary>
    /// Methods without a source of their own were only scanned. A flow passes through one when it receives labelled
    /// arguments, or when it calls a method whose return value may carry classified data: only those are analysed.
    /// </summary>
    private void AnalyzeWhatFlowsNeed()
    {
        var deferredCallers = new Dictionary<ISymbol, List<MethodEntry>>(SymbolEqualityComparer.Default);
        foreach (var entry in _entries.Values)
        {
            if (entry.IsAnalyzed)
            {
                continue;
            }

            foreach (var callee in entry.Callees)
            {
                if (!deferredCallers.TryGetValue(callee, out var callers))
                {
                    deferredCallers[callee] = callers = [];
                }

                callers.Add(entry);
            }
        }

        var work = new Queue<MethodEntry>(_entries.Values.Where(e => e.IsAnalyzed));
        var returnsLabels = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var sendsDeclaredMembers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        void Analyze(MethodEntry entry)
        {
            if (!entry.IsAnalyzed)
            {
                entry.EnsureAnalyzed(_cancellationToken);
                _analysedAtEnd.Add(entry);
                work.Enqueue(entry);
            }
        }

        void MarkReturnsLabels(ISymbol method)
        {
            if (!returnsLabels.Add(method))
            {
                return;
            }

            if (deferredCallers.TryGetValue(method, out var callers))
            {
                foreach (var caller in callers)
                {
                    Analyze(caller);
                }
            }

            if (_bases.TryGetValue(method, out var bases))
            {
                foreach (var baseMethod in bases)
                {
                    MarkReturnsLabels(baseMethod);
                }
            }
        }

        // A method that sends a member of its parameter classified by declaration somewhere (a log, an unclassified
        // member, a call) has a finding at each caller that obtains the object itself, whatever the object carries
        // there: those callers need analysing even when nothing labelled reaches them. A caller already analysed is
        // looked at again, since passing its own parameter on makes it such a method too.
        void MarkSendsDeclaredMembers(ISymbol method)
        {
            if (!sendsDeclaredMembers.Add(method))
            {
                return;
            }

            if (deferredCallers.TryGetValue(method, out var callers))
            {
                foreach (var caller in callers)
                {
                    if (caller.IsAnalyzed)
                    {
                        work.Enqueue(caller);
                    }
                    else
                    {
                        Analyze(caller);
                    }
                }
            }

            if (_bases.TryGetValue(method, out var bases))
            {
                foreach (var baseMethod in bases)
                {
                    MarkSendsDeclaredMembers(baseMethod);
                }
            }
        }

        while (work.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var entry = work.Dequeue();
            var flow = entry.Flow!;
            if (flow.Returns.Labels.Any(l => l is SourceLabel or CallResultLabel or ProjectedLabel { Inner: CallResultLabel } or SlottedLabel { HoldsCallResult: true }))
            {
                MarkReturnsLabels(entry.Owner);
            }

            if (!sendsDeclaredMembers.Contains(entry.Owner) && SendsDeclaredMembers(flow, sendsDeclaredMembers))
            {
                MarkSendsDeclaredMembers(entry.Owner);
            }

            foreach (var site in flow.Calls)
            {
                if (site.HasLabelledInput)
                {
                    foreach (var target in Targets(site))
                    {
                        Analyze(target);
                    }
                }
            }
        }
    }

    private bool Update(MethodEntry entry)
    {
        var summary = _summaries[entry.Owner];
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
            foreach (var target in Targets(site))
            {
                if (!_summaries.TryGetValue(target.Owner, out var targetSummary) || target.Owner is not IMethodSymbol targetMethod)
                {
                    continue;
                }

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

    /// <summary>
    /// Whether <paramref name="flow"/> sends a member of one of its parameters classified by declaration to a sink or
    /// into a call, or passes a parameter to a method in <paramref name="senders"/> (which may do so with it).
    /// </summary>
    private bool SendsDeclaredMembers(MethodFlow flow, HashSet<ISymbol> senders)
    {
        foreach (var sink in flow.Sinks)
        {
            if (HoldsDeclaredMemberOfParameter(sink.Labels))
            {
                return true;
            }
        }

        foreach (var site in flow.Calls)
        {
            var callsSender = senders.Contains(site.Callee) || Targets(site).Any(t => senders.Contains(t.Owner));
            foreach (var argument in site.Arguments)
            {
                if (HoldsDeclaredMemberOfParameter(argument) ||
                    (callsSender && argument.Labels.Any(IsOfParameter)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool HoldsDeclaredMemberOfParameter(LabelSet labels)
    {
        foreach (var label in labels.Labels)
        {
            if (label is ProjectedLabel { Inner: ParameterLabel } projected && _session.DeclaredClasses(projected.Member) != DataClass.None)
            {
                return true;
            }
        }

        return false;
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
            _session.DeclaredClasses(parameterSink.Member) is var declared && (declared & ~parameterSink.Sink.Sanctioned) != DataClass.None)
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
         (method.MethodKind == MethodKind.PropertySet && method.AssociatedSymbol is { } property && _session.DeclaredClasses(property) != DataClass.None));

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
        var targets = Targets(site);
        if (targets.Count == 0)
        {
            // No body in this compilation (an interface implemented elsewhere, generated code, extern): judge it like a
            // library method, whose result carries its inputs only when it re-expresses them.
            if (!TypeShapes.ReexpressesInputs(site.Callee))
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

        foreach (var target in targets)
        {
            if (!_summaries.TryGetValue(target.Owner, out var summary) || target.Owner is not IMethodSymbol method)
            {
                continue;
            }

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

    private ImmutableArray<ClassifiedFlow> Collect(List<MethodEntry> analysed)
    {
        var flows = ImmutableArray.CreateBuilder<ClassifiedFlow>();
        var seen = new HashSet<(Location, SinkEvent, SourceLabel)>();

        void Add(SourceLabel source, SinkEvent sink, Location location, ImmutableArray<IMethodSymbol> path)
        {
            source = source.Unslotted;
            if (seen.Add((location, sink, source)))
            {
                flows.Add(new ClassifiedFlow(source, sink, location, path));
            }
        }

        // A method analysed only now was never reported live: its own flows belong here too.
        foreach (var entry in _analysedAtEnd)
        {
            foreach (var local in entry.LocalFlows)
            {
                Add(local.Source, local.SinkEvent, local.Location, local.Path);
            }
        }

        foreach (var entry in analysed)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var flow = entry.Flow!;
            foreach (var sink in flow.Sinks)
            {
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
                foreach (var target in Targets(site))
                {
                    if (!_summaries.TryGetValue(target.Owner, out var summary) || target.Owner is not IMethodSymbol method)
                    {
                        continue;
                    }

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
        }

        return flows.ToImmutable();
    }
}
