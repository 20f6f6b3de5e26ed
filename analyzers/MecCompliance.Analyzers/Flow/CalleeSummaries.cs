using System.Collections.Concurrent;
using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The summaries of a compilation's methods, computed the first time a caller needs one and kept for the compilation:
/// the analysis of one document (an editor's) reads the callee bodies it reaches from their syntax, and the next
/// document reuses what the first one computed. Recursive methods are solved together, one strongly connected component
/// of the call graph at a time, to a fixpoint; a summary is published only complete, with the rest of its component, so a
/// cancelled computation leaves nothing behind.
/// </summary>
/// <remarks>
/// Only the calls a flow can pass through are followed: a call with labelled input, or into a method from which a
/// classified source is reachable. Any other call's summary could add nothing to its caller (no labelled argument to
/// send anywhere, no classified value to return), so its callee is neither analysed nor summarised.
/// </remarks>
internal sealed class CalleeSummaries
{
    private const int MaxRounds = 64;

    private readonly FlowSession _session;
    private readonly ConcurrentDictionary<ISymbol, MethodSummary> _complete;
    private readonly ConcurrentDictionary<ISymbol, bool> _reachesSource;
    private readonly ConcurrentDictionary<ISymbol, bool> _withoutBody;
    private readonly ConcurrentDictionary<CallSite, IReadOnlyList<MethodEntry>> _targets = new();
    private readonly ConcurrentDictionary<SyntaxTree, bool> _generated = new();
    private ImplementationIndex? _implementations;

    public CalleeSummaries(FlowSession session)
    {
        _session = session;
        _complete = SymbolCache.Create<ISymbol, MethodSummary>(session.Compilation, SymbolEqualityComparer.Default, perFile: 2);
        _reachesSource = SymbolCache.Create<ISymbol, bool>(session.Compilation, SymbolEqualityComparer.Default, perFile: 2);
        _withoutBody = SymbolCache.Create<ISymbol, bool>(session.Compilation, SymbolEqualityComparer.Default, perFile: 1);
    }

    /// <summary>Every summary computed so far (each complete).</summary>
    public IReadOnlyDictionary<ISymbol, MethodSummary> Complete => _complete;

    /// <summary>
    /// The entry of <paramref name="method"/> when its body is in this compilation's source (registered by the driver, or
    /// read now from its declaration); <see langword="null"/> when it has none here — an abstract or interface member,
    /// extern, generated code, a method of a referenced assembly. This is the one place a callee without a body here is
    /// recognised: a summary read from elsewhere plugs in where it answers <see langword="null"/>.
    /// </summary>
    public MethodEntry? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var key = _session.Facts.SummaryKey(method);
        if (_session.EntryFor(key) is { } registered)
        {
            return registered;
        }

        if (!_session.Facts.IsInCompilation(key))
        {
            return Referenced(key);
        }

        if (_withoutBody.ContainsKey(key))
        {
            return null;
        }

        var blocks = BlocksOf(key, cancellationToken);
        if (blocks.IsEmpty)
        {
            _withoutBody.TryAdd(key, true);
            return null;
        }

        return _session.GetOrAddEntry(key, blocks, cancellationToken);
    }

    /// <summary>
    /// A method of a referenced assembly built with MecCompliance: an entry without code stands for its body, and the
    /// summary its assembly carries is its complete summary (never solved here).
    /// </summary>
    private MethodEntry? Referenced(IMethodSymbol key)
    {
        if (_session.Facts.Referenced.Find(_session, key) is not { } external)
        {
            return null;
        }

        _complete.TryAdd(external.Entry.Owner, external.Summary);
        _reachesSource.TryAdd(external.Entry.Owner, external.Summary.ReturnSources.Count > 0);
        return external.Entry;
    }

    /// <summary>Methods with a body here that a call at <paramref name="site"/> may run: the callee, and its implementations when it dispatches.</summary>
    public IReadOnlyList<MethodEntry> TargetsOf(CallSite site, CancellationToken cancellationToken)
    {
        if (_targets.TryGetValue(site, out var known))
        {
            return known;
        }

        var targets = new List<MethodEntry>();
        if (BodyOf(site.Callee, cancellationToken) is { } direct)
        {
            targets.Add(direct);
        }

        if (site.IsVirtual)
        {
            foreach (var implementation in Implementations(cancellationToken).Of(site.Callee, cancellationToken))
            {
                if (BodyOf(implementation, cancellationToken) is { } entry && !targets.Contains(entry))
                {
                    targets.Add(entry);
                }
            }
        }

        return _targets.GetOrAdd(site, targets);
    }

    /// <summary>The targets of <paramref name="site"/> whose summary can matter to the caller (see the remarks on the class).</summary>
    public IReadOnlyList<MethodEntry> FollowedTargetsOf(CallSite site, CancellationToken cancellationToken)
    {
        var targets = TargetsOf(site, cancellationToken);
        if (site.HasLabelledInput || targets.Count == 0)
        {
            return targets;
        }

        List<MethodEntry>? followed = null;
        for (var i = 0; i < targets.Count; i++)
        {
            if (ReachesSource(targets[i], cancellationToken))
            {
                (followed ??= new List<MethodEntry>(targets.Count)).Add(targets[i]);
            }
        }

        return followed ?? (IReadOnlyList<MethodEntry>)Array.Empty<MethodEntry>();
    }

    /// <summary>
    /// Whether a method without a classified source of its own may still have a flow of one through its calls: some method
    /// it calls (directly or further down) reads classified data.
    /// </summary>
    public bool CallsReachSource(MethodEntry entry, CancellationToken cancellationToken)
    {
        foreach (var callee in CalleesOf(entry, cancellationToken))
        {
            if (ReachesSource(callee, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="entry"/> or a method it calls (directly or further down) reads classified data, by the pre-scan only.</summary>
    public bool ReachesSource(MethodEntry entry, CancellationToken cancellationToken)
    {
        if (entry.HasSource)
        {
            return true;
        }

        if (_reachesSource.TryGetValue(entry.Owner, out var known))
        {
            return known;
        }

        // Breadth first over the scanned call graph. Found: the start reaches a source (and so does each method on the
        // way to it). Exhausted: the visited methods are closed under their calls, and none of them reaches one.
        var cameFrom = new Dictionary<MethodEntry, MethodEntry?> { [entry] = null };
        var queue = new Queue<MethodEntry>();
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = queue.Dequeue();
            foreach (var callee in CalleesOf(current, cancellationToken))
            {
                if (cameFrom.ContainsKey(callee))
                {
                    continue;
                }

                cameFrom[callee] = current;
                if (callee.HasSource || (_reachesSource.TryGetValue(callee.Owner, out var calleeReaches) && calleeReaches))
                {
                    for (MethodEntry? onTheWay = current; onTheWay is not null; onTheWay = cameFrom[onTheWay])
                    {
                        _reachesSource.TryAdd(onTheWay.Owner, true);
                    }

                    return true;
                }

                // A method known to reach nothing adds nothing to search.
                if (!_reachesSource.ContainsKey(callee.Owner))
                {
                    queue.Enqueue(callee);
                }
            }
        }

        foreach (var visited in cameFrom.Keys)
        {
            _reachesSource.TryAdd(visited.Owner, false);
        }

        return false;
    }

    private IEnumerable<MethodEntry> CalleesOf(MethodEntry entry, CancellationToken cancellationToken)
    {
        foreach (var callee in entry.Callees)
        {
            if (BodyOf(callee, cancellationToken) is { } direct)
            {
                yield return direct;
            }

            // The scan does not say which calls dispatch: any call to an overridable member may run its implementations.
            if (callee.IsAbstract || callee.IsVirtual || callee.IsOverride || callee.ContainingType?.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in Implementations(cancellationToken).Of(callee, cancellationToken))
                {
                    if (BodyOf(implementation, cancellationToken) is { } target)
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    /// <summary>The complete summary of <paramref name="entry"/>, computed now (with every summary it depends on) when it is not known yet.</summary>
    public MethodSummary SummaryOf(MethodEntry entry, CancellationToken cancellationToken)
    {
        if (_complete.TryGetValue(entry.Owner, out var summary))
        {
            return summary;
        }

        SolveFrom(entry, cancellationToken);
        return _complete[entry.Owner];
    }

    /// <summary>
    /// Tarjan's strongly connected components over the followed calls, iteratively (call chains can be deep); each
    /// component is solved when it closes, after every component it calls into.
    /// </summary>
    private void SolveFrom(MethodEntry start, CancellationToken cancellationToken)
    {
        var index = new Dictionary<MethodEntry, int>();
        var lowLink = new Dictionary<MethodEntry, int>();
        var onStack = new HashSet<MethodEntry>();
        var stack = new Stack<MethodEntry>();
        var frames = new Stack<(MethodEntry Entry, List<MethodEntry> Successors, int Next)>();

        void Enter(MethodEntry entry)
        {
            index[entry] = lowLink[entry] = index.Count;
            stack.Push(entry);
            onStack.Add(entry);
            frames.Push((entry, SuccessorsOf(entry, cancellationToken), 0));
        }

        Enter(start);
        while (frames.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (entry, successors, next) = frames.Pop();
            if (next < successors.Count)
            {
                frames.Push((entry, successors, next + 1));
                var successor = successors[next];
                if (!index.ContainsKey(successor))
                {
                    Enter(successor);
                }
                else if (onStack.Contains(successor))
                {
                    lowLink[entry] = Math.Min(lowLink[entry], index[successor]);
                }

                continue;
            }

            if (frames.Count > 0)
            {
                var caller = frames.Peek().Entry;
                lowLink[caller] = Math.Min(lowLink[caller], lowLink[entry]);
            }

            if (lowLink[entry] == index[entry])
            {
                var component = new List<MethodEntry>();
                MethodEntry member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != entry);

                Solve(component, cancellationToken);
            }
        }
    }

    /// <summary>The analysed methods whose summaries <paramref name="entry"/>'s summary reads, and which are not known yet.</summary>
    private List<MethodEntry> SuccessorsOf(MethodEntry entry, CancellationToken cancellationToken)
    {
        var successors = new List<MethodEntry>();
        foreach (var site in entry.EnsureAnalyzed(cancellationToken).Calls)
        {
            foreach (var target in FollowedTargetsOf(site, cancellationToken))
            {
                if (!_complete.ContainsKey(target.Owner) && !successors.Contains(target))
                {
                    successors.Add(target);
                }
            }
        }

        return successors;
    }

    /// <summary>Iterates the summaries of one component to their fixpoint (monotone, so it ends), then publishes them together.</summary>
    private void Solve(List<MethodEntry> component, CancellationToken cancellationToken)
    {
        // Declaration order, so the first path found for a flow (the one reported) does not depend on which document
        // asked first.
        component.Sort(CompareDeclarations);
        var summaries = new Dictionary<ISymbol, MethodSummary>(SymbolEqualityComparer.Default);
        foreach (var member in component)
        {
            summaries[member.Owner] = new MethodSummary();
        }

        var resolver = new InterproceduralSolver(_session, this, summaries, cancellationToken);
        var selfDependent = component.Count > 1 || CallsItself(component[0], cancellationToken);
        for (var round = 0; round < MaxRounds; round++)
        {
            var changed = false;
            foreach (var member in component)
            {
                cancellationToken.ThrowIfCancellationRequested();
                changed |= resolver.Update(member, summaries[member.Owner]);
            }

            if (!changed || !selfDependent)
            {
                break;
            }
        }

        foreach (var pair in summaries)
        {
            _complete.TryAdd(pair.Key, pair.Value);
        }
    }

    private bool CallsItself(MethodEntry entry, CancellationToken cancellationToken) =>
        entry.EnsureAnalyzed(cancellationToken).Calls.Any(site => FollowedTargetsOf(site, cancellationToken).Contains(entry));

    private static int CompareDeclarations(MethodEntry x, MethodEntry y)
    {
        var left = x.Owner.Locations.FirstOrDefault();
        var right = y.Owner.Locations.FirstOrDefault();
        var byFile = string.CompareOrdinal(left?.SourceTree?.FilePath, right?.SourceTree?.FilePath);
        return byFile != 0 ? byFile : (left?.SourceSpan.Start ?? 0).CompareTo(right?.SourceSpan.Start ?? 0);
    }

    private ImplementationIndex Implementations(CancellationToken cancellationToken)
    {
        // Built outside any lock and published once: a cancelled build leaves nothing, two concurrent builds are equal.
        if (Volatile.Read(ref _implementations) is { } built)
        {
            return built;
        }

        var index = ImplementationIndex.Build(_session, cancellationToken);
        return Interlocked.CompareExchange(ref _implementations, index, null) ?? index;
    }

    /// <summary>The operation blocks of a method of this compilation, read from its declaration as the analyzer driver would hand them over.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "MicrosoftCodeAnalysisCorrectness",
        "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
        Justification = "A callee's body lives in another document than the one analysed; as roslyn-analyzers' interprocedural data-flow analysis does, its operations are read from the compilation's semantic model of that document, once per compilation (the summary is memoised).")]
    private ImmutableArray<IOperation> BlocksOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.IsExtern || IsGeneratedSymbol(method))
        {
            return ImmutableArray<IOperation>.Empty;
        }

        var blocks = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (IsGenerated(syntax.SyntaxTree, cancellationToken))
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var model = _session.Compilation.GetSemanticModel(syntax.SyntaxTree);
            if (model.GetOperation(syntax, cancellationToken) is { } operation)
            {
                blocks.Add(operation);
            }
        }

        return blocks.ToImmutable();
    }

    // The analyzer driver hands no generated code to the flow rules (GeneratedCodeAnalysisFlags.None): a body there is not
    // followed either, whichever document asks.
    private bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
        _generated.TryGetValue(tree, out var known) ? known : _generated.GetOrAdd(tree, GeneratedCode.IsGenerated(tree, cancellationToken));

    private static bool IsGeneratedSymbol(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass.HasFullName("System.CodeDom.Compiler.GeneratedCodeAttribute")))
            {
                return true;
            }
        }

        return false;
    }
}
