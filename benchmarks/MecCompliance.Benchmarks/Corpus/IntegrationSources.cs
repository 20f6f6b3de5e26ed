namespace MecCompliance.Benchmarks.Corpus;

/// <summary>
/// Where data leaves the process: vendor clients (a [Vendor] type over an HttpClient from the factory, declared hosts,
/// a catalogue feed approved for organizational data only) and storage ([DataSink] DbContext, files of aggregates).
/// </summary>
internal static class IntegrationSources
{
    private static readonly Func<TemplateContext, string>[] VendorMembers =
    [
        ctx => """
                public async Task<bool> RegisterPatronAsync(Patron patron, CancellationToken cancellationToken)
                {
                    var payload = JsonSerializer.Serialize(new { card = patron.CardNumber, email = patron.Email, branch = patron.HomeBranchId });
                    using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                    using var response = await _http.PostAsync("https://patron.overdrive.example/v1/patrons", content, cancellationToken).ConfigureAwait(false);
                    _logger.LogInformation("OverDrive registration for patron {PatronId}: {Status}", patron.Id, (int)response.StatusCode);
                    return response.IsSuccessStatusCode;
                }
            """,
        ctx => """
                public async Task<int> CheckoutsAsync(Patron patron, CancellationToken cancellationToken)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://patron.overdrive.example/v1/checkouts");
                    request.Headers.Add("X-Card", patron.CardNumber);
                    using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return body.Count(c => c == '{');
                }
            """,
        ctx => $$"""
                public async Task ShareUsageAsync(IEnumerable<Loan> loans, CancellationToken cancellationToken)
                {
                    var counts = loans.GroupBy(l => l.BranchId).Select(g => new { branch = g.Key, loans = g.Count() }).ToList();
                    var json = JsonSerializer.Serialize(counts);
                    using var content = new StringContent(json, Encoding.UTF8, "application/json");
                    using var response = await _analytics.PostAsync("https://stats.analytics.example/collect", content, cancellationToken).ConfigureAwait(false);
                    _logger.LogDebug("Usage shared: {Status}", (int)response.StatusCode);
                    {{(ctx.Plant("MEC002") ? "/* planted: MEC002 */ await _analytics.GetAsync(\"https://stats.analytics.example/who?email=\" + Uri.EscapeDataString(loans.First().Patron.Email), cancellationToken).ConfigureAwait(false);" : "await _analytics.GetAsync(\"https://stats.analytics.example/ping\", cancellationToken).ConfigureAwait(false);")}}
                }
            """,
        ctx =>
        {
            // The leak is reported where the content is sent (the sink's argument), so the marker goes on that line,
            // outside the string.
            var planted = ctx.Plant("MEC002");
            return $$"""
                public async Task PublishLibraryAsync(MemberLibrary library, Patron contact, CancellationToken cancellationToken)
                {
                    var feed = $"{library.Name}|{library.Address}|{library.BranchCount}|{{(planted ? "{contact.Email}" : "{contact.HomeBranchId}")}}";
                    using var content = new StringContent(feed, Encoding.UTF8, "text/plain");
                    {{(planted ? "/* planted: MEC002 */ " : "")}}using var response = await _feed.PostAsync("https://feed.catalog.example/libraries", content, cancellationToken).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                }
            """;
        },
        ctx => """
                public async Task<IReadOnlyList<string>> SuggestTitlesAsync(CatalogItem seed, CancellationToken cancellationToken)
                {
                    var url = $"https://feed.catalog.example/similar?isbn={Uri.EscapeDataString(seed.Barcode)}";
                    var text = await _feed.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
                    return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()).ToList();
                }
            """,
        ctx => """
                public async Task<int> SearchCatalogAsync(SearchQuery query, CancellationToken cancellationToken)
                {
                    var url = "https://patron.overdrive.example/v1/search?q=" + Uri.EscapeDataString(query.Terms);
                    using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        _logger.LogWarning("OverDrive search failed with {Status}", (int)response.StatusCode);
                        return 0;
                    }

                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return body.Split('\n').Length;
                }
            """,
        ctx => """
                public async Task<bool> DeletePatronAsync(int patronId, CancellationToken cancellationToken)
                {
                    using var response = await _http.DeleteAsync($"https://patron.overdrive.example/v1/patrons/{patronId}", cancellationToken).ConfigureAwait(false);
                    _logger.LogInformation("OverDrive deletion of patron {PatronId}: {Status}", patronId, (int)response.StatusCode);
                    return response.IsSuccessStatusCode;
                }
            """,
    ];

    private static readonly Func<TemplateContext, string>[] StorageMembers =
    [
        ctx => """
                public async Task SaveAsync(Patron patron, CancellationToken cancellationToken)
                {
                    _db.Patrons.Add(patron);
                    await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    _logger.LogInformation("Patron {PatronId} saved", patron.Id);
                }
            """,
        ctx => """
                public int Archive(IEnumerable<Loan> loans, DateTime beforeUtc)
                {
                    var old = loans.Where(l => l.ReturnedUtc < beforeUtc).ToList();
                    _db.Loans.AddRange(old);
                    return _db.SaveChanges();
                }
            """,
        ctx => $$"""
                public void ExportDailyCounts(string path, IEnumerable<Loan> loans)
                {
                    var lines = loans
                        .GroupBy(l => l.CheckedOutUtc.Date)
                        .OrderBy(g => g.Key)
                        .Select(g => $"{g.Key:yyyy-MM-dd},{g.Count()}");
                    File.WriteAllLines(path, lines);
                    {{(ctx.Plant("MEC003") ? "/* planted: MEC003 */ File.AppendAllText(path, loans.First().Patron.Email + Environment.NewLine);" : "File.AppendAllText(path, $\"# {loans.Count()} loans{Environment.NewLine}\");")}}
                }
            """,
        ctx => $$"""
                public async Task WriteAuditAsync(string path, Patron patron, CancellationToken cancellationToken)
                {
                    await using var writer = new StreamWriter(path, append: true);
                    await writer.WriteLineAsync($"{DateTime.UtcNow:O} patron={patron.Id} active={patron.IsActive}").ConfigureAwait(false);
                    {{(ctx.Plant("MEC003") ? "/* planted: MEC003 */ await writer.WriteLineAsync(patron.Phone).ConfigureAwait(false);" : "await writer.WriteLineAsync(patron.Category.ToString()).ConfigureAwait(false);")}}
                }
            """,
        ctx => """
                public IReadOnlyList<Patron> Find(Func<Patron, bool> predicate) => _db.Patrons.Where(predicate).ToList();

                public void Rename(Patron patron, [PersonalData] string fullName)
                {
                    patron.FullName = fullName.Trim();
                    _db.Patrons.Update(patron);
                    _db.SaveChanges();
                }
            """,
        ctx => """
                public void SaveLibraries(ReportingDbContext reporting, IEnumerable<MemberLibrary> libraries)
                {
                    reporting.Libraries.AddRange(libraries);
                    reporting.SaveChanges();
                }
            """,
        ctx => """
                public IReadOnlyList<Patron> LoadActive(int branchId) =>
                    _db.Patrons
                        .Where(p => p.HomeBranchId == branchId && p.IsActive)
                        .OrderBy(p => p.Id)
                        .ToList();

                public async Task SaveHoldsAsync(IEnumerable<Hold> holds, CancellationToken cancellationToken)
                {
                    foreach (var hold in holds)
                    {
                        _db.Holds.Add(hold);
                    }

                    var saved = await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    _logger.LogDebug("{Saved} holds saved", saved);
                }
            """,
    ];

    public static string Vendors(TemplateContext ctx)
    {
        var members = ctx.Choose(VendorMembers, ctx.Next(4, VendorMembers.Length + 1)).Select(m => m(ctx)).ToList();
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            /// <summary>The e-book platform: approved for patron records under contract MEC-2023-007.</summary>
            [Vendor("OverDrive")]
            public sealed class OverDriveClient
            {
                private readonly HttpClient _http;
                private readonly HttpClient _feed;
                private readonly HttpClient _analytics;
                private readonly ILogger<OverDriveClient> _logger;

                public OverDriveClient(IHttpClientFactory factory, ILogger<OverDriveClient> logger)
                {
                    _http = factory.CreateClient("OverDrive");
                    _feed = factory.CreateClient("CatalogFeed");
                    _analytics = new HttpClient();
                    _logger = logger;
                }

            {{string.Join("\n", members)}}
            }
            """;
    }

    public static string Storage(TemplateContext ctx)
    {
        var members = ctx.Choose(StorageMembers, ctx.Next(4, StorageMembers.Length + 1)).Select(m => m(ctx)).ToList();
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using MecCompliance;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Logging;

            namespace {{ctx.Namespace}};

            [DataSink("PatronDb")]
            public sealed class PatronDbContext : DbContext
            {
                public DbSet<Patron> Patrons => Set<Patron>();

                public DbSet<Loan> Loans => Set<Loan>();

                public DbSet<Hold> Holds => Set<Hold>();

                [ErasesPersonalData("PatronDb")]
                public Task<int> ErasePatronAsync(Patron patron, CancellationToken cancellationToken)
                {
                    Patrons.Remove(patron);
                    return SaveChangesAsync(cancellationToken);
                }
            }

            [DataSink("ReportingDb")]
            public sealed class ReportingDbContext : DbContext
            {
                public DbSet<MemberLibrary> Libraries => Set<MemberLibrary>();

                public DbSet<LoanSummary> Summaries => Set<LoanSummary>();
            }

            /// <summary>Patron persistence: the approved database for records, files for aggregates only.</summary>
            public sealed class PatronRepository
            {
                private readonly PatronDbContext _db;
                private readonly ILogger<PatronRepository> _logger;

                public PatronRepository(PatronDbContext db, ILogger<PatronRepository> logger)
                {
                    _db = db;
                    _logger = logger;
                }

            {{string.Join("\n", members)}}
            }
            """;
    }
}
