using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatronServices.Data;
using PatronServices.Patrons;

namespace MecCompliance.Redaction.Tests;

/// <summary>
/// samples/PatronServices' real eraser on a real SQLite database file, seeded as the sample seeds it: Ada (patron 1) has
/// a loan and a hold, Ben (patron 2) a loan.
/// </summary>
public sealed class PatronEraserTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 30, 0, TimeSpan.Zero);

    // What the seed data holds about Ada: none of it may be readable from the database once she is erased.
    private static readonly string[] AdasData = ["21491000123456", "Ada Example", "ada@example.org", "816-555-0199"];

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mec-erasure-{Guid.NewGuid():N}.db");

    private ServiceProvider Build(bool withEraser = true)
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKey = TestServices.Key);
        services.AddDbContext<PatronDb>(o => o.UseSqlite($"Data Source={_database}"));
        services.AddDataSubjectRequests(o => o.PolicyAssemblies.Add(typeof(PatronDb).Assembly));
        if (withEraser)
        {
            services.AddPersonalDataEraser<PatronEraser>();
        }

        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<PatronDb>().Database.EnsureCreated();
        return provider;
    }

    private T Query<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Erasing_a_patron_deletes_the_patron_and_the_holds_and_keeps_the_loans_without_identity()
    {
        await using var provider = Build();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync("1");

        Assert.True(receipt.AllErased);
        Assert.Equal(0L, Query<long>("SELECT COUNT(*) FROM Patrons WHERE Id = 1"));
        Assert.Equal(0L, Query<long>("SELECT COUNT(*) FROM Holds"));
        Assert.Equal(0L, Query<long>("SELECT COUNT(*) FROM Loans WHERE PatronId = 1"));
        Assert.Equal(1L, Query<long>("SELECT COUNT(*) FROM Loans WHERE PatronId IS NULL AND Title = 'The Adventures of Tom Sawyer'"));
        Assert.Equal(2L, Query<long>("SELECT COUNT(*) FROM Loans"));
    }

    [Fact]
    public async Task Other_patrons_and_their_loans_are_untouched()
    {
        await using var provider = Build();

        await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync("1");

        Assert.Equal("ben@example.org", Query<string>("SELECT Email FROM Patrons WHERE Id = 2"));
        Assert.Equal(1L, Query<long>("SELECT COUNT(*) FROM Loans WHERE PatronId = 2"));
    }

    [Fact]
    public async Task The_receipt_says_the_patron_database_was_erased_and_until_when_its_backups_keep_the_data()
    {
        await using var provider = Build();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync("1");

        var patronDb = Assert.Single(receipt.Sinks);
        Assert.Equal(("PatronDb", ErasureOutcome.Erased, typeof(PatronEraser).FullName), (patronDb.Sink, patronDb.Outcome, patronDb.Eraser));
        Assert.Equal((35, Now.AddDays(35)), (patronDb.BackupRetentionDays, patronDb.MayPersistOnBackupsUntil));
        Assert.Equal(UpstreamHmac.Redactor(TestServices.Key, keyId: null).Redact("1"), receipt.SubjectToken);
        Assert.Equal(receipt.SubjectToken, provider.Single(7320).Tag("Subject"));
    }

    [Fact]
    public async Task Erasing_is_idempotent_a_second_request_or_an_unknown_patron_succeeds_and_changes_nothing()
    {
        await using var provider = Build();
        var requests = provider.GetRequiredService<IDataSubjectRequests>();

        await requests.EraseAsync("1");
        var again = await requests.EraseAsync("1");
        var unknown = await requests.EraseAsync("99");

        Assert.True(again.AllErased && unknown.AllErased);
        Assert.Equal(1L, Query<long>("SELECT COUNT(*) FROM Patrons"));
        Assert.Equal(2L, Query<long>("SELECT COUNT(*) FROM Loans"));
    }

    [Fact]
    public async Task A_subject_id_that_is_not_a_patron_id_fails_in_the_receipt_and_erases_nothing()
    {
        await using var provider = Build();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync("ada@example.org");

        var patronDb = Assert.Single(receipt.Sinks);
        Assert.Equal((ErasureOutcome.Failed, null), (patronDb.Outcome, patronDb.MayPersistOnBackupsUntil));
        Assert.StartsWith("FormatException: ", patronDb.FailureReason, StringComparison.Ordinal);
        Assert.Equal(2L, Query<long>("SELECT COUNT(*) FROM Patrons"));
        Assert.DoesNotContain("ada@example.org", provider.Single(7321).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_trace_of_the_erased_patron_is_left_in_the_database_file()
    {
        await using (var provider = Build())
        {
            await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync("1");
        }

        var file = DatabaseFileText();
        Assert.All(AdasData, datum => Assert.DoesNotContain(datum, file, StringComparison.Ordinal));
        Assert.Contains("ben@example.org", file, StringComparison.Ordinal);
    }

    // Why the eraser turns secure_delete on: a plain DELETE unlinks the row, and its bytes stay in the file's free pages.
    [Fact]
    public async Task A_plain_delete_leaves_the_patrons_data_readable_in_the_database_file()
    {
        await using (var provider = Build())
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PatronDb>();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = OFF");
            await db.Holds.Where(h => h.PatronId == 1).ExecuteDeleteAsync();
            await db.Patrons.Where(p => p.Id == 1).ExecuteDeleteAsync();
        }

        Assert.Equal(0L, Query<long>("SELECT COUNT(*) FROM Patrons WHERE Id = 1"));
        Assert.Contains("ada@example.org", DatabaseFileText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_policy_starts_with_its_eraser_registered()
    {
        using var provider = Build();

        provider.ValidateMecCompliance();
    }

    [Fact]
    public void The_samples_policy_refuses_to_start_without_its_eraser()
    {
        using var provider = Build(withEraser: false);

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);
        Assert.Contains("Sink 'PatronDb' is approved for PatronRecord, PersonalData ([assembly: ApprovedSink] in PatronServices)", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm", _database + "-journal" })
        {
            File.Delete(file);
        }
    }

    // Everything on disk, as someone holding the file (or a copy of it) could read it.
    private string DatabaseFileText()
    {
        SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-journal" }.Where(File.Exists))
        {
            text.Append(Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        }

        return text.ToString();
    }
}
