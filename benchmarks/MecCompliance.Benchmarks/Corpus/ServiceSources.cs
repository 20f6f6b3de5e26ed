namespace MecCompliance.Benchmarks.Corpus;

/// <summary>
/// Services that log: circulation (ids, counts, redacted values, scopes, exceptions), notices built through chains of
/// helpers and a string builder, and LINQ reports. Mostly correct code, with planted leaks at the configured rate.
/// </summary>
internal static class ServiceSources
{
    private static readonly Func<TemplateContext, string>[] CirculationMembers =
    [
        ctx => $$"""
                public Loan CheckOut(Patron patron, CatalogItem item, DateTime nowUtc)
                {
                    var active = _loans.Count(l => l.Patron.Id == patron.Id && l.ReturnedUtc is null);
                    if (!patron.CanBorrow(active))
                    {
                        _logger.LogWarning("Checkout refused for patron {PatronId}: {Active} active loans, fines {Fines}", patron.Id, active, patron.FinesDue);
                        throw new InvalidOperationException($"Patron {patron.Id} cannot borrow now.");
                    }

                    var loan = new Loan
                    {
                        Id = _loans.Count + 1,
                        Patron = patron,
                        ItemBarcode = item.Barcode,
                        Title = item.Title,
                        CheckedOutUtc = nowUtc,
                        DueUtc = nowUtc.AddDays(item.Copies > 3 ? 21 : 14),
                    };
                    _loans.Add(loan);
                    _logger.LogInformation("Loan {LoanId} created for patron {PatronId}, due {DueUtc:u}", loan.Id, {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ patron.CardNumber" : "patron.Id")}}, loan.DueUtc);
                    return loan;
                }
            """,
        ctx => $$"""
                public bool Renew(Loan loan, DateTime nowUtc)
                {
                    if (loan.RenewalCount >= 3 || loan.IsOverdue(nowUtc))
                    {
                        _logger.LogInformation("Renewal refused for loan {LoanId} after {Count} renewals", loan.Id, loan.RenewalCount);
                        return false;
                    }

                    loan.RenewalCount++;
                    loan.DueUtc = loan.DueUtc.AddDays(14);
                    _logger.LogInformation("Loan {LoanId} renewed until {DueUtc:d}{{(ctx.Plant("MEC001") ? "/* planted: MEC001 */  ({Title})\", loan.Id, loan.DueUtc, loan.Title" : "\", loan.Id, loan.DueUtc")}});
                    return true;
                }
            """,
        ctx => $$"""
                public decimal Return(Loan loan, DateTime nowUtc)
                {
                    var days = loan.DaysOverdue(nowUtc);
                    var fine = Math.Min(days * 0.25m, 10m);
                    loan.ReturnedUtc = nowUtc;
                    loan.Patron.FinesDue += fine;
                    if (fine > 0)
                    {
                        _logger.LogInformation("Loan {LoanId} returned {Days} days late; fine {Fine:C}", loan.Id, days, fine);
                    }
                    else
                    {
                        _logger.LogDebug("Loan {LoanId} returned on time", loan.Id);
                    }

                    return fine;
                }
            """,
        ctx =>
        {
            var leak = ctx.Plant("MEC001");
            return $$"""
                public int ReportOverdue(IEnumerable<Loan> loans, DateTime nowUtc)
                {
                    var overdue = loans.Where(l => l.IsOverdue(nowUtc)).OrderBy(l => l.DueUtc).ToList();
                    var ids = string.Join(", ", overdue.Select(l => {{(leak ? "l.Patron.Email" : "l.Id")}}));
                    _logger.LogWarning("{Count} overdue loans: {LoanIds}", overdue.Count, {{(leak ? "/* planted: MEC001 */ " : "")}}ids);
                    var byBranch = overdue.GroupBy(l => l.BranchId).Select(g => new { Branch = g.Key, Count = g.Count() });
                    foreach (var group in byBranch)
                    {
                        _logger.LogInformation("Branch {BranchId}: {Count} overdue", group.Branch, group.Count);
                    }

                    return overdue.Count;
                }
            """;
        },
        ctx => $$"""
                public void NotifyPatron(Patron patron, string subject)
                {
                    var redactor = _redactors.GetRedactor(MecTaxonomy.PersonalData);
                    var masked = redactor.Redact(patron.Email);
                    _logger.LogInformation("Notice '{Subject}' queued for {Email}", subject, {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ patron.Email" : "masked")}});
                    _lastNotice = {{(ctx.Plant("MEC006") ? "/* planted: MEC006 */ patron.Phone" : "subject")}};
                    _logger.NoticeSent(patron.Email);
                }
            """,
        ctx => $$"""
                public Patron? LookUpByCard([PatronRecord] string cardNumber)
                {
                    if (string.IsNullOrWhiteSpace(cardNumber))
                    {
                        _logger.LogDebug("Empty card number rejected");
                        return null;
                    }

                    var patron = _patrons.Values.FirstOrDefault(p => p.CardNumber == cardNumber);
                    if (patron is null)
                    {
                        _logger.LogInformation("No patron matches a card of {Length} characters", cardNumber.Length);
                        return null;
                    }

                    _logger.LogDebug("Card resolved to patron {PatronId} ({HasEmail})", patron.Id, !string.IsNullOrEmpty(patron.Email));
                    return patron;
                }
            """,
        ctx => $$"""
                public void ProcessSession(Patron patron, IReadOnlyList<CatalogItem> items, DateTime nowUtc)
                {
                    using (_logger.BeginScope("Patron {PatronId}", {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ patron.CardNumber" : "patron.Id")}}))
                    {
                        var count = 0;
                        foreach (var item in items)
                        {
                            if (item.Copies == 0)
                            {
                                continue;
                            }

                            CreateLoan(patron, item, nowUtc);
                            count++;
                        }

                        _logger.CheckedOut(patron.Id, count);
                    }
                }
            """,
        ctx => $$"""
                public void AuditAccess(Patron patron, string action)
                {
                    AuditTrail.Record(_logger, action, patron.Id);
                    AuditTrail.Count(_logger, "patrons.accessed", _patrons.Count);
                    AuditTrail.Note(_logger, {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ patron.FullName" : "$\"category {patron.Category}\"")}});
                }
            """,
        ctx => $$"""
                public LoanSummary Summarize(Patron patron, DateTime nowUtc)
                {
                    var mine = _loans.Where(l => l.Patron.Id == patron.Id).ToList();
                    var summary = new LoanSummary
                    {
                        PatronId = patron.Id,
                        ActiveLoans = mine.Count(l => l.ReturnedUtc is null),
                        Overdue = mine.Count(l => l.IsOverdue(nowUtc)),
                        FinesDue = patron.FinesDue,
                        LoanIds = mine.Select(l => l.Id).ToArray(),
                    };
                    _logger.LogInformation("Summary for {PatronId}: {Active} active, {Overdue} overdue", summary.PatronId, summary.ActiveLoans, summary.Overdue);
                    return summary;
                }
            """,
        ctx => $$"""
                public void Register(Patron patron)
                {
                    if (!_patrons.TryAdd(patron.Id, patron))
                    {
                        throw new InvalidOperationException({{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ $\"Duplicate patron {patron.Email}\"" : "$\"Duplicate patron {patron.Id}\"")}});
                    }

                    var age = DateTime.UtcNow.Year - patron.BirthDate.Year;
                    patron.Category = age < 13 ? PatronCategory.Juvenile : PatronCategory.Adult;
                    _logger.LogInformation("Patron {PatronId} registered as {Category}", patron.Id, patron.Category);
                }
            """,
        ctx => $$"""
                public void OnFailure(Exception exception, Loan loan)
                {
                    _logger.LogError(exception, "Loan {LoanId} failed at branch {BranchId}", loan.Id, loan.BranchId);
                    _failures++;
                    if (_failures % 10 == 0)
                    {
                        _logger.LogCritical("{Failures} loan failures so far", _failures);
                    }
                }
            """,
    ];

    private static readonly Func<TemplateContext, string>[] NoticeMembers =
    [
        ctx => $$"""
                public string BuildOverdueNotice(Patron patron, IReadOnlyList<Loan> loans, DateTime nowUtc)
                {
                    var builder = new StringBuilder();
                    builder.Append("Dear ").Append(DisplayName(patron)).AppendLine(",");
                    foreach (var loan in loans.Where(l => l.IsOverdue(nowUtc)))
                    {
                        builder.AppendLine(DescribeLoan(loan, nowUtc));
                    }

                    builder.AppendLine("Please return or renew these items.");
                    var notice = builder.ToString();
                    _logger.LogInformation("Notice of {Length} characters built for patron {PatronId}", {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ notice" : "notice.Length")}}, patron.Id);
                    return notice;
                }
            """,
        ctx =>
        {
            // The leak is reported where the value enters the log, a line below where it is read.
            var leak = ctx.Plant("MEC001");
            return $$"""
                    public void ConfirmCard(Patron patron)
                    {
                        var shown = {{(leak ? "patron.CardNumber.ToUpperInvariant()" : "MaskCard(patron.CardNumber)")}};
                        _logger.LogInformation("Card {Card} confirmed for patron {PatronId}", {{(leak ? "/* planted: MEC001 */ " : "")}}shown, patron.Id);
                    }
                """;
        },
        ctx => $$"""
                public string Greeting(Patron patron, bool formal)
                {
                    var name = formal ? DisplayName(patron) : patron.FullName.Split(' ')[0];
                    var greeting = string.Format("Hello {0}, you have {1} fines due", name, patron.FinesDue);
                    _logger.LogDebug("Greeting of {Length} characters for {PatronId}", greeting.Length, patron.Id);
                    return greeting;
                }
            """,
        ctx => $$"""
                public IReadOnlyList<string> HoldLines(IEnumerable<Hold> holds)
                {
                    var lines = new List<string>();
                    foreach (var hold in holds.OrderBy(h => h.Position))
                    {
                        lines.Add($"#{hold.Position}: {hold.Title} ({hold.Status})");
                    }

                    _logger.LogInformation("{Count} hold lines prepared", lines.Count);
                    {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ _logger.LogDebug(\"First line: {Line}\", lines.FirstOrDefault());" : "_logger.LogDebug(\"First position: {Position}\", holds.Select(h => h.Position).FirstOrDefault());")}}
                    return lines;
                }
            """,
        ctx => $$"""
                public void SendReminder(Patron patron, Loan loan, DateTime nowUtc)
                {
                    var text = Compose(patron, loan, nowUtc);
                    var digest = text.GetHashCode();
                    _logger.LogInformation("Reminder {Digest} for loan {LoanId}", digest, loan.Id);
                    {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ Console.WriteLine(text);" : "Console.WriteLine($\"reminder {loan.Id} queued\");")}}
                }

                private static string Compose(Patron patron, Loan loan, DateTime nowUtc) =>
                    string.Concat(DisplayName(patron), ": ", DescribeLoan(loan, nowUtc));
            """,
    ];

    private const string NoticeHelpers = """
                public static string DisplayName(Patron patron) => Capitalize(patron.FullName.Trim());

                private static string Capitalize(string value) =>
                    value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value.Substring(1);

                public static string DescribeLoan(Loan loan, DateTime nowUtc)
                {
                    var title = Shorten(loan.Title, 40);
                    var days = loan.DaysOverdue(nowUtc);
                    return days switch
                    {
                        0 => $"{title} is due {loan.DueUtc:d}",
                        1 => $"{title} is one day overdue",
                        _ => $"{title} is {days} days overdue",
                    };
                }

                private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

                [Redacts]
                public static string MaskCard(string cardNumber) =>
                    cardNumber.Length <= 4 ? "****" : new string('*', cardNumber.Length - 4) + cardNumber[^4..];
            """;

    private static readonly Func<TemplateContext, string>[] ReportMembers =
    [
        ctx => $$"""
                public IReadOnlyDictionary<int, int> LoansPerBranch(IEnumerable<Loan> loans) =>
                    loans.GroupBy(l => l.BranchId).ToDictionary(g => g.Key, g => g.Count());

                public void LogBranchLoad(IEnumerable<Loan> loans)
                {
                    foreach (var (branch, count) in LoansPerBranch(loans).OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value)))
                    {
                        _logger.LogInformation("Branch {BranchId} has {Count} loans", branch, count);
                    }
                }
            """,
        ctx => $$"""
                public void TopBorrowers(IEnumerable<Loan> loans, int top)
                {
                    var ranking = loans
                        .GroupBy(l => l.Patron.Id)
                        .Select(g => new { PatronId = g.Key, Loans = g.Count(), Late = g.Count(l => l.ReturnedUtc > l.DueUtc) })
                        .OrderByDescending(x => x.Loans)
                        .Take(top)
                        .ToList();
                    foreach (var row in ranking)
                    {
                        _logger.LogInformation("Borrower {PatronId}: {Loans} loans, {Late} late", row.PatronId, row.Loans, row.Late);
                    }
                }
            """,
        ctx => $$"""
                public void PopularTitles(IEnumerable<CatalogItem> items, IEnumerable<Loan> loans)
                {
                    var barcodes = loans.Select(l => l.ItemBarcode).ToHashSet();
                    var popular = items.Where(i => barcodes.Contains(i.Barcode)).Select(i => i.Title).Distinct().Take(20);
                    _logger.LogInformation("Popular: {Titles}", string.Join("; ", popular));
                }
            """,
        ctx => $$"""
                public async Task<int> CountActiveAsync(IAsyncEnumerable<Patron> patrons, CancellationToken cancellationToken)
                {
                    var active = 0;
                    await foreach (var patron in patrons.WithCancellation(cancellationToken))
                    {
                        if (patron.IsActive && patron.FinesDue == 0)
                        {
                            active++;
                        }
                    }

                    _logger.LogInformation("{Active} active patrons without fines", active);
                    return active;
                }
            """,
        ctx => $$"""
                public void AgeBands(IEnumerable<Patron> patrons, DateOnly today)
                {
                    var bands = patrons
                        .Select(p => today.Year - p.BirthDate.Year)
                        .GroupBy(age => age switch { < 13 => "child", < 18 => "teen", < 65 => "adult", _ => "senior" })
                        .Select(g => (Band: g.Key, Count: g.Count()));
                    foreach (var band in bands)
                    {
                        _logger.LogInformation("Age band {Band}: {Count}", band.Band, band.Count);
                    }
                }
            """,
        ctx => $$"""
                public void MemberDirectory(IEnumerable<MemberLibrary> libraries)
                {
                    foreach (var library in libraries.OrderBy(l => l.Name))
                    {
                        _logger.LogInformation("Member {Name} at {Address} with {Branches} branches", library.Name, library.Address, library.BranchCount);
                    }
                }
            """,
        ctx => $$"""
                public void SearchTrends(IReadOnlyCollection<SearchQuery> queries)
                {
                    var days = queries.GroupBy(q => q.AtUtc.Date).Count();
                    var repeated = queries.GroupBy(q => q.Terms).Count(g => g.Count() > 1);
                    _logger.LogInformation("{Total} searches over {Days} days, {Repeated} repeated terms", queries.Count, days, repeated);
                    {{(ctx.Plant("MEC001") ? "/* planted: MEC001 */ _logger.LogDebug(\"Last query {Query}\", queries.LastOrDefault());" : "_logger.LogDebug(\"{Distinct} distinct patrons searched\", queries.Select(q => q.PatronId).Distinct().Count());")}}
                }
            """,
        ctx => $$"""
                public string ExportCsvHeader(IEnumerable<LoanSummary> summaries)
                {
                    var totals = summaries.Aggregate((Active: 0, Overdue: 0), (acc, s) => (acc.Active + s.ActiveLoans, acc.Overdue + s.Overdue));
                    var header = $"active,overdue\n{totals.Active},{totals.Overdue}";
                    _logger.LogInformation("Export header: {Header}", header);
                    return header;
                }
            """,
    ];

    public static string Circulation(TemplateContext ctx)
    {
        var members = ctx.Choose(CirculationMembers, ctx.Next(6, CirculationMembers.Length + 1)).Select(m => m(ctx)).ToList();
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Evergreen.Shared;
            using MecCompliance;
            using Microsoft.Extensions.Compliance.Redaction;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            /// <summary>Checkouts, renewals and returns at one branch.</summary>
            public sealed class CirculationService
            {
                private readonly ILogger<CirculationService> _logger;
                private readonly IRedactorProvider _redactors;
                private readonly Dictionary<int, Patron> _patrons = new();
                private readonly List<Loan> _loans = new();
                private string _lastNotice = "";
                private int _failures;

                public CirculationService(ILogger<CirculationService> logger, IRedactorProvider redactors)
                {
                    _logger = logger;
                    _redactors = redactors;
                }

                public string LastNotice => _lastNotice;

                public Loan CreateLoan(Patron patron, CatalogItem item, DateTime nowUtc)
                {
                    var loan = new Loan { Id = _loans.Count + 1, Patron = patron, ItemBarcode = item.Barcode, Title = item.Title, CheckedOutUtc = nowUtc, DueUtc = nowUtc.AddDays(21) };
                    _loans.Add(loan);
                    return loan;
                }

            {{string.Join("\n", members)}}
            }
            """;
    }

    public static string Notices(TemplateContext ctx)
    {
        var members = ctx.Choose(NoticeMembers, ctx.Next(4, NoticeMembers.Length + 1)).Select(m => m(ctx)).ToList();
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            /// <summary>Builds the texts sent to patrons; only their length or ids are logged.</summary>
            public sealed class NoticeComposer
            {
                private readonly ILogger<NoticeComposer> _logger;

                public NoticeComposer(ILogger<NoticeComposer> logger) => _logger = logger;

            {{NoticeHelpers}}

            {{string.Join("\n", members)}}
            }
            """;
    }

    public static string Reports(TemplateContext ctx)
    {
        var members = ctx.Choose(ReportMembers, ctx.Next(6, ReportMembers.Length + 1)).Select(m => m(ctx)).ToList();
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            /// <summary>Statistics for the consortium office: counts and aggregates only.</summary>
            public sealed class BranchReports
            {
                private readonly ILogger<BranchReports> _logger;

                public BranchReports(ILogger<BranchReports> logger) => _logger = logger;

            {{string.Join("\n", members)}}
            }
            """;
    }
}
