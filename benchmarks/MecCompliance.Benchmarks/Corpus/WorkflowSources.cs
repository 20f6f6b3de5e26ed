namespace MecCompliance.Benchmarks.Corpus;

/// <summary>
/// Control-flow-heavy code: the holds queue (async iterators, local functions, lambdas, switch expressions, tuples)
/// and the nightly fines job (loops, retries, exceptions, tracing, telemetry tags).
/// </summary>
internal static class WorkflowSources
{
    private static readonly Func<TemplateContext, string>[] HoldMembers =
    [
        ctx => """
                public async IAsyncEnumerable<Hold> ReadyAsync(IEnumerable<Hold> holds, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var hold in holds)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (hold.Status == HoldStatus.Ready)
                        {
                            await Task.Yield();
                            yield return hold;
                        }
                    }
                }
            """,
        ctx => """
                public (int Ready, int Waiting, int Expired) Count(IReadOnlyList<Hold> holds)
                {
                    var ready = 0;
                    var waiting = 0;
                    var expired = 0;
                    for (var i = 0; i < holds.Count; i++)
                    {
                        switch (holds[i].Status)
                        {
                            case HoldStatus.Ready:
                                ready++;
                                break;
                            case HoldStatus.Waiting:
                            case HoldStatus.InTransit:
                                waiting++;
                                break;
                            default:
                                expired++;
                                break;
                        }
                    }

                    _logger.LogInformation("Holds: {Ready} ready, {Waiting} waiting, {Expired} expired", ready, waiting, expired);
                    return (ready, waiting, expired);
                }
            """,
        ctx => $$"""
                public string Describe(Hold hold) => hold.Status switch
                {
                    HoldStatus.Ready => $"Hold {hold.Id} is ready at branch {hold.PickupBranchId}",
                    HoldStatus.InTransit => $"Hold {hold.Id} is on its way",
                    HoldStatus.Waiting when hold.Position == 1 => $"Hold {hold.Id} is next",
                    HoldStatus.Waiting => $"Hold {hold.Id} is number {hold.Position}",
                    _ => {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ throw new InvalidOperationException($\"Hold for {hold.Title} is closed\")" : "throw new InvalidOperationException($\"Hold {hold.Id} is closed\")")}},
                };
            """,
        ctx => $$"""
                public async Task<int> NotifyReadyAsync(IReadOnlyList<Hold> holds, Func<Patron, string, Task> notify, CancellationToken cancellationToken)
                {
                    var sent = 0;
                    await foreach (var hold in ReadyHolds(holds).WithCancellation(cancellationToken))
                    {
                        await notify(hold.Patron, Message(hold)).ConfigureAwait(false);
                        sent++;
                        _logger.LogDebug("Hold {HoldId} notified", hold.Id);
                    }

                    return sent;

                    string Message(Hold hold) => $"Your hold is ready at branch {hold.PickupBranchId}";

                    async IAsyncEnumerable<Hold> ReadyHolds(IEnumerable<Hold> source)
                    {
                        foreach (var hold in source.Where(h => h.Status == HoldStatus.Ready))
                        {
                            await Task.Yield();
                            yield return hold;
                        }
                    }
                }
            """,
        ctx => """
                public IEnumerable<int> PositionsFor(int patronId, IEnumerable<Hold> holds)
                {
                    foreach (var hold in holds)
                    {
                        if (hold.Patron.Id != patronId)
                        {
                            continue;
                        }

                        yield return hold.Position;
                    }
                }
            """,
        ctx => $$"""
                public void Expire(IList<Hold> holds, DateTime nowUtc)
                {
                    var expired = holds.Where(h => h.ExpiresUtc < nowUtc).ToList();
                    expired.ForEach(h => h.Status = HoldStatus.Expired);
                    foreach (var hold in expired)
                    {
                        _logger.HoldExpired(hold.Id, hold.PickupBranchId);
                        {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ _logger.LogDebug(\"Expired for {Patron}\", hold.Patron);" : "_logger.LogDebug(\"Expired for patron {PatronId}\", hold.Patron.Id);")}}
                    }
                }
            """,
        ctx => """
                public IReadOnlyList<Hold> Reorder(IEnumerable<Hold> holds)
                {
                    var ordered = holds
                        .OrderBy(h => h.Status == HoldStatus.Ready ? 0 : 1)
                        .ThenBy(h => h.PlacedUtc)
                        .Select((h, index) => { h.Position = index + 1; return h; })
                        .ToList();
                    Func<Hold, bool> stale = h => h.PlacedUtc < DateTime.UtcNow.AddMonths(-6);
                    _logger.LogInformation("{Count} holds reordered, {Stale} stale", ordered.Count, ordered.Count(stale));
                    return ordered;
                }
            """,
    ];

    private static readonly Func<TemplateContext, string>[] FineMembers =
    [
        ctx => $$"""
                public decimal Run(IEnumerable<Loan> loans, DateTime nowUtc)
                {
                    using var activity = Source.StartActivity("fines.run");
                    decimal total = 0;
                    var processed = 0;
                    foreach (var loan in loans)
                    {
                        var attempts = 0;
                    retry:
                        try
                        {
                            total += Assess(loan, nowUtc);
                            processed++;
                        }
                        catch (InvalidOperationException ex) when (attempts < 2)
                        {
                            attempts++;
                            _logger.LogWarning(ex, "Retrying loan {LoanId} (attempt {Attempt})", loan.Id, attempts);
                            goto retry;
                        }
                    }

                    activity?.SetTag("fines.processed", processed);
                    {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ activity?.SetTag(\"fines.last.patron\", loans.LastOrDefault()?.Patron.Email);" : "activity?.SetTag(\"fines.total\", total);")}}
                    return total;
                }
            """,
        ctx => $$"""
                public decimal Assess(Loan loan, DateTime nowUtc)
                {
                    var days = loan.DaysOverdue(nowUtc);
                    if (days < 0)
                    {
                        throw new InvalidOperationException({{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ \"Negative lateness for \" + loan.Patron.FullName" : "\"Negative lateness for loan \" + loan.Id")}});
                    }

                    var rate = loan.Patron.Category switch
                    {
                        PatronCategory.Juvenile => 0.10m,
                        PatronCategory.Staff or PatronCategory.Institutional => 0m,
                        _ => 0.25m,
                    };
                    return Math.Min(days * rate, 10m);
                }
            """,
        ctx => $$"""
                public void Trace(IReadOnlyCollection<Patron> patrons)
                {
                    Debug.WriteLine($"fines: {patrons.Count} patrons");
                    System.Diagnostics.Trace.TraceInformation("fines: {0} with balance", patrons.Count(p => p.FinesDue > 0));
                    {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ Debug.WriteLine(patrons.First().Phone);" : "Debug.WriteLine(patrons.Sum(p => p.FinesDue));")}}
                }
            """,
        ctx => """
                public IReadOnlyDictionary<int, decimal> BalancesByBranch(IEnumerable<Patron> patrons)
                {
                    var balances = new Dictionary<int, decimal>();
                    foreach (var patron in patrons)
                    {
                        balances[patron.HomeBranchId] = balances.TryGetValue(patron.HomeBranchId, out var sum) ? sum + patron.FinesDue : patron.FinesDue;
                    }

                    foreach (var pair in balances)
                    {
                        Console.WriteLine("branch {0}: {1:C}", pair.Key, pair.Value);
                    }

                    return balances;
                }
            """,
        ctx => """
                public async Task<int> WaiveAsync(IEnumerable<Patron> patrons, Func<Patron, ValueTask<bool>> eligible, CancellationToken cancellationToken)
                {
                    var waived = 0;
                    foreach (var patron in patrons)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (await eligible(patron).ConfigureAwait(false))
                        {
                            patron.FinesDue = 0;
                            waived++;
                        }
                    }

                    _logger.LogInformation("Waived fines for {Count} patrons", waived);
                    return waived;
                }
            """,
    ];

    public static string Holds(TemplateContext ctx)
    {
        var members = ctx.Choose(HoldMembers, ctx.Next(4, HoldMembers.Length + 1)).Select(m => m(ctx)).ToList();
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Evergreen.Shared;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            /// <summary>The hold queue of one branch.</summary>
            public sealed class HoldQueue
            {
                private readonly ILogger<HoldQueue> _logger;

                public HoldQueue(ILogger<HoldQueue> logger) => _logger = logger;

            {{string.Join("\n", members)}}
            }
            """;
    }

    public static string Fines(TemplateContext ctx)
    {
        var members = ctx.Choose(FineMembers, ctx.Next(3, FineMembers.Length + 1)).Select(m => m(ctx)).ToList();
        if (!members.Any(m => m.Contains("decimal Assess(", StringComparison.Ordinal)))
        {
            members.Add(FineMembers[1](ctx));
        }

        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            /// <summary>The nightly job that assesses overdue fines.</summary>
            public sealed class FinesJob
            {
                private static readonly ActivitySource Source = new("Evergreen.Fines");
                private readonly ILogger<FinesJob> _logger;

                public FinesJob(ILogger<FinesJob> logger) => _logger = logger;

            {{string.Join("\n", members)}}
            }
            """;
    }
}
