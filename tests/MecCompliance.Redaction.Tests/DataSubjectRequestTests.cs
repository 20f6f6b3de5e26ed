using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Tests;

public sealed class DataSubjectRequestTests
{
    private const string Subject = "patron-48213";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 30, 0, TimeSpan.Zero);

    // The consortium's register as a service would declare it: the circulation database (backups kept 35 days), a
    // mailing list that declares no retention, and the member-library directory, which holds no personal data.
    private static readonly Assembly Register = PolicyAssembly.Declaring(
        ("PatronDb", [typeof(PatronRecordAttribute), typeof(PersonalDataAttribute)], 35),
        ("MailingList", [typeof(PersonalDataAttribute)], 0),
        ("LibraryDirectory", [typeof(OrganizationalDataAttribute)], 0));

    private static ServiceCollection Services(Assembly policy, string? key = TestServices.Key)
    {
        var services = TestServices.WithFakeLogging();
        services.AddMecCompliance(o => o.HmacKey = key);
        services.AddDataSubjectRequests(o => o.PolicyAssemblies.Add(policy));
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddSingleton<ErasureLedger>();
        return services;
    }

    private static IReadOnlyList<FakeLogRecord> Audit(IServiceProvider provider) =>
        provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == "MecCompliance.DataSubjectRequests").ToList();

    [Fact]
    public async Task Every_sink_is_erased_and_the_receipt_says_until_when_backups_keep_the_data()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        await using var provider = services.BuildServiceProvider();
        provider.ValidateMecCompliance();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        Assert.Equal([("PatronDb", Subject), ("MailingList", Subject)], provider.GetRequiredService<ErasureLedger>().Erased);
        Assert.True(receipt.AllErased);
        Assert.Equal(["PatronDb", "MailingList"], receipt.Sinks.Select(s => s.Sink));
        Assert.All(receipt.Sinks, s => Assert.Equal((ErasureOutcome.Erased, null), (s.Outcome, s.FailureReason)));

        var patronDb = receipt.Sinks[0];
        Assert.Equal((35, new DateTimeOffset(2027, 1, 10, 2, 30, 0, TimeSpan.Zero)), (patronDb.BackupRetentionDays, patronDb.MayPersistOnBackupsUntil));
        Assert.Equal("PatronDb: erased; may persist on backups until 2027-01-10", patronDb.ToString());
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 2, 30, 0, TimeSpan.Zero), receipt.MayPersistOnBackupsUntil);
        Assert.Equal(Now, receipt.RequestedAt);
    }

    [Fact]
    public async Task A_sink_that_declares_no_backup_retention_promises_no_date()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        await using var provider = services.BuildServiceProvider();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        var mailingList = Assert.Single(receipt.Sinks, s => s.Sink == "MailingList");
        Assert.Equal((0, null), (mailingList.BackupRetentionDays, mailingList.MayPersistOnBackupsUntil));
        Assert.Equal("MailingList: erased; backup retention not declared", mailingList.ToString());
    }

    [Fact]
    public async Task A_failing_eraser_does_not_stop_the_others_and_the_receipt_says_which_failed_and_why()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<UnreachableMailingListEraser>();
        services.AddPersonalDataEraser<PatronDbEraser>();
        await using var provider = services.BuildServiceProvider();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        Assert.Equal([("PatronDb", Subject)], provider.GetRequiredService<ErasureLedger>().Erased);
        Assert.False(receipt.AllErased);
        var failed = receipt.Sinks[0];
        Assert.Equal(("MailingList", ErasureOutcome.Failed, null), (failed.Sink, failed.Outcome, failed.MayPersistOnBackupsUntil));
        Assert.Equal($"InvalidOperationException: The list server refused to remove subscriber {Subject}.", failed.FailureReason);
        Assert.Equal(typeof(UnreachableMailingListEraser).FullName, failed.Eraser);
        Assert.Equal(ErasureOutcome.Erased, receipt.Sinks[1].Outcome);
        Assert.Equal(receipt.Sinks[1].MayPersistOnBackupsUntil, receipt.MayPersistOnBackupsUntil);

        var audit = Audit(provider);
        Assert.Equal([7321, 7320], audit.Select(r => r.Id.Id));
        Assert.Equal((LogLevel.Error, "MailingList", typeof(InvalidOperationException).FullName), (audit[0].Level, audit[0].Tag("Sink"), audit[0].Tag("ErrorType")));
    }

    [Fact]
    public async Task Audit_events_name_the_subject_by_its_HMAC_token_and_never_in_clear()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<UnreachableMailingListEraser>();
        await using var provider = services.BuildServiceProvider();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        var token = UpstreamHmac.Redactor(TestServices.Key, keyId: null).Redact(Subject);
        Assert.Equal(token, receipt.SubjectToken);
        var audit = Audit(provider);
        Assert.Equal([(7320, "PatronDb"), (7321, "MailingList")], audit.Select(r => (r.Id.Id, r.Tag("Sink"))));
        Assert.All(audit, record =>
        {
            Assert.Equal(token, record.Tag("Subject"));
            Assert.Contains(token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Subject, record.Message, StringComparison.Ordinal);
            Assert.All(record.StructuredState!, kv => Assert.DoesNotContain(Subject, kv.Value ?? "", StringComparison.Ordinal));
            Assert.Null(record.Exception);
        });
        Assert.Equal("MEC erasure: subject " + token + " erased from sink PatronDb by " + typeof(PatronDbEraser).FullName + "; may persist on backups until 2027-01-10", audit[0].Message);
    }

    [Fact]
    public async Task Without_a_key_the_audit_events_name_no_subject_at_all()
    {
        var services = Services(Register, key: null);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        await using var provider = services.BuildServiceProvider();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        Assert.Null(receipt.SubjectToken);
        var audit = Audit(provider);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, record =>
        {
            Assert.Equal("(not recorded: no HmacKey)", record.Tag("Subject"));
            Assert.All(record.StructuredState!, kv => Assert.DoesNotContain(Subject, kv.Value ?? "", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Cancelling_stops_the_request_at_the_running_eraser_and_starts_no_other()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<SlowMailingListEraser>();
        services.AddPersonalDataEraser<PatronDbEraser>();
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<ErasureLedger>();
        using var cancellation = new CancellationTokenSource();

        var request = provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject, cancellation.Token);
        await ledger.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.Empty(ledger.Erased);
        var cancelled = Assert.Single(Audit(provider));
        Assert.Equal((7322, LogLevel.Warning, "MailingList"), (cancelled.Id.Id, cancelled.Level, cancelled.Tag("Sink")));
    }

    [Fact]
    public async Task A_request_cancelled_before_it_starts_erases_nothing()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject, new CancellationToken(canceled: true)));

        Assert.Empty(provider.GetRequiredService<ErasureLedger>().Erased);
        Assert.Empty(Audit(provider));
    }

    [Fact]
    public async Task Each_eraser_runs_in_a_scope_of_its_own()
    {
        var services = Services(Register);
        services.AddScoped<ScopeProbe>();
        services.AddPersonalDataEraser<ScopedPatronDbEraser>();
        services.AddPersonalDataEraser<ScopedMailingListEraser>();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        var scopes = provider.GetRequiredService<ErasureLedger>().Erased.Select(e => e.Subject).ToList();
        Assert.Equal(2, scopes.Distinct().Count());
    }

    [Fact]
    public void A_sink_approved_for_personal_data_without_an_eraser_fails_start_up_with_what_to_write()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);

        Assert.Contains("Sink 'MailingList' is approved for PersonalData", error.Message, StringComparison.Ordinal);
        Assert.Contains("no IPersonalDataEraser is registered for it", error.Message, StringComparison.Ordinal);
        Assert.Contains("[ErasesPersonalData(\"MailingList\")]", error.Message, StringComparison.Ordinal);
        Assert.Contains("services.AddPersonalDataEraser<TEraser>()", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'PatronDb'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LibraryDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_personal_sink_with_an_eraser_starts_and_a_sink_of_organizational_data_needs_none()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        using var provider = services.BuildServiceProvider();

        provider.ValidateMecCompliance();
    }

    [Fact]
    public void AddMecCompliance_alone_refuses_a_policy_whose_personal_sinks_have_no_eraser()
    {
        var services = Services(Register);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);

        Assert.Contains("Sink 'PatronDb' is approved for PatronRecord, PersonalData", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sink 'MailingList'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sink_approved_for_a_foreign_classification_needs_an_eraser_too()
    {
        var services = Services(PolicyAssembly.Declaring(("HrSystem", [typeof(EmployeeDataAttribute)], 90)));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);

        Assert.Contains("Sink 'HrSystem' is approved for EmployeeData", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_eraser_for_a_sink_that_is_not_declared_fails_start_up()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        services.AddPersonalDataEraser<MisnamedEraser>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.ValidateMecCompliance);

        Assert.Contains(
            $"{typeof(MisnamedEraser).FullName} erases sink 'PatronDB', which no [assembly: ApprovedSink(\"PatronDB\", ...)] declares " +
            "(declared sinks: LibraryDirectory, MailingList, PatronDb)",
            error.Message,
            StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }

    [Fact]
    public void The_generic_host_refuses_to_start_without_an_eraser()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFakeLogging();
        builder.Logging.AddMecCompliance();
        builder.Services.AddDataSubjectRequests(o => o.PolicyAssemblies.Add(Register));
        builder.Services.AddPersonalDataEraser<MailingListEraser>();
        builder.Services.AddSingleton<ErasureLedger>();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Contains("Sink 'PatronDb' is approved for PatronRecord, PersonalData", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generic_host_starts_with_every_eraser_and_erases()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFakeLogging();
        builder.Logging.AddMecCompliance();
        builder.Services.AddDataSubjectRequests(o => o.PolicyAssemblies.Add(Register));
        builder.Services.AddPersonalDataEraser<MailingListEraser>();
        builder.Services.AddPersonalDataEraser<PatronDbEraser>();
        builder.Services.AddSingleton<ErasureLedger>();
        using var host = builder.Build();

        await host.StartAsync();
        var receipt = await host.Services.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);
        await host.StopAsync();

        Assert.True(receipt.AllErased);
        Assert.Equal(2, host.Services.GetRequiredService<ErasureLedger>().Erased.Count);
    }

    [Fact]
    public async Task Registering_the_same_eraser_twice_runs_it_once()
    {
        var services = Services(Register);
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<PatronDbEraser>();
        services.AddPersonalDataEraser<MailingListEraser>();
        await using var provider = services.BuildServiceProvider();

        var receipt = await provider.GetRequiredService<IDataSubjectRequests>().EraseAsync(Subject);

        Assert.Equal(["PatronDb", "MailingList"], receipt.Sinks.Select(s => s.Sink));
    }
}

/// <summary>A classification of another taxonomy (an HR system's), which MecCompliance treats like personal data.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class EmployeeDataAttribute() : DataClassificationAttribute(new DataClassification("HR", "EmployeeData"));

/// <summary>A scoped dependency that tells the scopes apart.</summary>
internal sealed class ScopeProbe
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

internal sealed class ScopedPatronDbEraser(ScopeProbe scope, ErasureLedger ledger) : IPersonalDataEraser
{
    public string Sink => "PatronDb";

    public ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken)
    {
        ledger.Erased.Add((Sink, scope.Id));
        return ValueTask.CompletedTask;
    }
}

internal sealed class ScopedMailingListEraser(ScopeProbe scope, ErasureLedger ledger) : IPersonalDataEraser
{
    public string Sink => "MailingList";

    public ValueTask EraseAsync(string subjectId, CancellationToken cancellationToken)
    {
        ledger.Erased.Add((Sink, scope.Id));
        return ValueTask.CompletedTask;
    }
}
