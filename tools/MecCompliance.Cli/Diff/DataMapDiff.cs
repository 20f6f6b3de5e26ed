using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Diff;

/// <summary>
/// What a change does to the data map: flows, vendors, sinks and classified members added or removed, flows whose
/// verdict or classes changed, and the violations it introduces or fixes. Elements are matched by what they are (data,
/// target, name), never by line, so code that only moves is no change.
/// </summary>
internal sealed record DataMapDiff(
    string OldTarget,
    string NewTarget,
    IReadOnlyList<Finding> NewViolations,
    IReadOnlyList<Finding> FixedViolations,
    IReadOnlyList<DataFlow> AddedFlows,
    IReadOnlyList<DataFlow> RemovedFlows,
    IReadOnlyList<Change<DataFlow>> ChangedFlows,
    IReadOnlyList<DeclaredParty> AddedParties,
    IReadOnlyList<DeclaredParty> RemovedParties,
    IReadOnlyList<Change<DeclaredParty>> ChangedParties,
    IReadOnlyList<ClassifiedMember> AddedMembers,
    IReadOnlyList<ClassifiedMember> RemovedMembers,
    IReadOnlyList<Change<ClassifiedMember>> ReclassifiedMembers)
{
    /// <summary>A build of the new code fails where the old one did not: <c>mec diff</c> exits with 1.</summary>
    public bool HasNewViolations => NewViolations.Count > 0;

    public bool IsEmpty =>
        NewViolations.Count + FixedViolations.Count + AddedFlows.Count + RemovedFlows.Count + ChangedFlows.Count +
        AddedParties.Count + RemovedParties.Count + ChangedParties.Count + AddedMembers.Count + RemovedMembers.Count + ReclassifiedMembers.Count == 0;

    public static DataMapDiff Between(DataMap old, DataMap @new)
    {
        // A violation is a finding the build reports as an error, exactly as `mec report` decides its exit code. Its
        // message names the data, the sink and the path, not the line, so it identifies the finding across edits.
        var (newViolations, fixedViolations) = Unmatched(old.Violations, @new.Violations, f => (f.Project, f.RuleId, f.Message));

        var (addedFlows, removedFlows, changedFlows) = Compare(
            old.Flows, @new.Flows,
            f => (f.Project, f.Data, f.Kind, f.Sink),
            f => (f.Verdict, f.RuleId, string.Join(",", f.Classes), f.Contract));

        var (addedParties, removedParties, changedParties) = Compare(
            old.Parties, @new.Parties,
            p => (p.Kind, p.Name.ToUpperInvariant()), // names compare ignoring case, as the analyzers compare them
            p => (string.Join(",", p.Allowed), string.Join(",", p.Hosts), p.Contract, string.Join("\n", p.Problems ?? [])));

        var (addedMembers, removedMembers, reclassified) = Compare(
            old.ClassifiedMembers, @new.ClassifiedMembers,
            m => (m.Project, m.Name, m.Kind),
            m => string.Join(",", m.Classes));

        return new DataMapDiff(old.Target, @new.Target, newViolations, fixedViolations,
            addedFlows, removedFlows, changedFlows, addedParties, removedParties, changedParties, addedMembers, removedMembers, reclassified);
    }

    /// <summary>
    /// Pairs the elements of both sides by identity: pairs whose content is equal are unchanged, other pairs are
    /// changes, and what is left over on one side was added or removed. Identities may repeat (the same value sent to
    /// the same vendor from two methods), so they are matched as multisets.
    /// </summary>
    private static (List<T> Added, List<T> Removed, List<Change<T>> Changed) Compare<T, TKey, TContent>(
        IEnumerable<T> old, IEnumerable<T> @new, Func<T, TKey> identity, Func<T, TContent> content)
        where TKey : notnull
    {
        var added = new List<T>();
        var removed = new List<T>();
        var changed = new List<Change<T>>();
        var oldByKey = old.GroupBy(identity).ToDictionary(g => g.Key, g => g.ToList());
        var newByKey = @new.GroupBy(identity).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var (key, olds) in oldByKey)
        {
            var news = newByKey.GetValueOrDefault(key) ?? [];
            var (onlyNew, onlyOld) = Unmatched(olds, news, content);
            var pairs = Math.Min(onlyOld.Count, onlyNew.Count);
            for (var i = 0; i < pairs; i++)
            {
                changed.Add(new Change<T>(onlyOld[i], onlyNew[i]));
            }

            removed.AddRange(onlyOld.Skip(pairs));
            added.AddRange(onlyNew.Skip(pairs));
        }

        added.AddRange(newByKey.Where(g => !oldByKey.ContainsKey(g.Key)).SelectMany(g => g.Value));

        // In the order of the reports, which is stable from run to run.
        var oldOrder = old.ToList();
        var newOrder = @new.ToList();
        return (
            added.OrderBy(newOrder.IndexOf).ToList(),
            removed.OrderBy(oldOrder.IndexOf).ToList(),
            changed.OrderBy(c => newOrder.IndexOf(c.After)).ToList());
    }

    /// <summary>The elements of <paramref name="new"/> with no equal partner in <paramref name="old"/>, and the other way round (multiset difference).</summary>
    private static (List<T> OnlyNew, List<T> OnlyOld) Unmatched<T, TKey>(IEnumerable<T> old, IEnumerable<T> @new, Func<T, TKey> key)
    {
        var onlyOld = old.ToList();
        var onlyNew = new List<T>();
        foreach (var item in @new)
        {
            var k = key(item);
            var partner = onlyOld.FindIndex(o => EqualityComparer<TKey>.Default.Equals(key(o), k));
            if (partner >= 0)
            {
                onlyOld.RemoveAt(partner);
            }
            else
            {
                onlyNew.Add(item);
            }
        }

        return (onlyNew, onlyOld);
    }
}

/// <summary>One element before and after a change.</summary>
internal sealed record Change<T>(T Before, T After);
