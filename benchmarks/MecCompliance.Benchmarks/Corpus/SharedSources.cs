namespace MecCompliance.Benchmarks.Corpus;

/// <summary>
/// The files every consortium service shares: the policy declaration, the platform types the corpus does not reference
/// as assemblies (declared with their real metadata names, as the analyzer resolves sinks by name), the audit helpers
/// whose parameters reach the log from other files, and the hand-written twin of what the logging generator emits.
/// </summary>
internal static class SharedSources
{
    public static IEnumerable<CorpusFile> All()
    {
        yield return new CorpusFile("Shared/Policy.cs", Policy);
        yield return new CorpusFile("Shared/PlatformTypes.cs", PlatformTypes);
        yield return new CorpusFile("Shared/AuditTrail.cs", AuditTrail);
        yield return new CorpusFile("Shared/LogMessages.cs", LogMessages);
        yield return new CorpusFile("Shared/LogMessages.g.cs", LogMessagesGenerated);
    }

    private const string Policy = """
        using MecCompliance;

        [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
            Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]
        [assembly: ApprovedVendor("CatalogFeed", typeof(OrganizationalDataAttribute),
            Hosts = new[] { "feed.catalog.example" })]
        [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
        [assembly: ApprovedSink("ReportingDb", typeof(OrganizationalDataAttribute))]
        """;

    private const string PlatformTypes = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext : IDisposable
            {
                private readonly Dictionary<Type, object> _sets = new();

                public DbSet<TEntity> Set<TEntity>() where TEntity : class
                {
                    if (!_sets.TryGetValue(typeof(TEntity), out var set))
                    {
                        set = new DbSet<TEntity>();
                        _sets.Add(typeof(TEntity), set);
                    }

                    return (DbSet<TEntity>)set;
                }

                public virtual int SaveChanges() => 0;

                public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

                public void Dispose()
                {
                }
            }

            public class DbSet<TEntity> : IEnumerable<TEntity> where TEntity : class
            {
                private readonly List<TEntity> _local = new();

                public virtual void Add(TEntity entity) => _local.Add(entity);

                public virtual void AddRange(IEnumerable<TEntity> entities) => _local.AddRange(entities);

                public virtual void Update(TEntity entity)
                {
                }

                public virtual void Remove(TEntity entity) => _local.Remove(entity);

                public IEnumerator<TEntity> GetEnumerator() => _local.GetEnumerator();

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
        }

        namespace System.Net.Http
        {
            public interface IHttpClientFactory
            {
                HttpClient CreateClient(string name);
            }
        }
        """;

    private const string AuditTrail = """
        using System;
        using Microsoft.Extensions.Logging;

        namespace Evergreen.Shared;

        /// <summary>Audit events every branch writes; callers pass identifiers, never patron details.</summary>
        public static class AuditTrail
        {
            public static void Record(ILogger logger, string action, int patronId)
            {
                if (!logger.IsEnabled(LogLevel.Information))
                {
                    return;
                }

                logger.LogInformation("Audit {Action} for patron {PatronId} at {AtUtc:u}", action, patronId, DateTime.UtcNow);
            }

            public static void Note(ILogger logger, string detail) => Write(logger, "note", detail);

            public static void Count(ILogger logger, string what, int count) =>
                logger.LogDebug("Audit count {What}={Count}", what, count);

            private static void Write(ILogger logger, string kind, string detail) =>
                logger.LogInformation("Audit {Kind}: {Detail}", kind, detail);
        }
        """;

    private const string LogMessages = """
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        namespace Evergreen.Shared;

        /// <summary>High-performance log messages; classified parameters are redacted by the logging pipeline.</summary>
        public static partial class LogMessages
        {
            [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Patron {PatronId} checked out {ItemCount} items")]
            public static partial void CheckedOut(this ILogger logger, int patronId, int itemCount);

            [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Notice sent to {Email}")]
            public static partial void NoticeSent(this ILogger logger, [PersonalData] string email);

            [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Hold {HoldId} expired at branch {BranchId}")]
            public static partial void HoldExpired(this ILogger logger, long holdId, int branchId);
        }
        """;

    private const string LogMessagesGenerated = """
        // <auto-generated/>
        #nullable enable
        using System;
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        namespace Evergreen.Shared
        {
            partial class LogMessages
            {
                private static readonly Action<ILogger, int, int, Exception?> __CheckedOut =
                    LoggerMessage.Define<int, int>(LogLevel.Information, new EventId(1001, nameof(CheckedOut)), "Patron {PatronId} checked out {ItemCount} items");

                private static readonly Action<ILogger, string, Exception?> __NoticeSent =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(1002, nameof(NoticeSent)), "Notice sent to {Email}");

                private static readonly Action<ILogger, long, int, Exception?> __HoldExpired =
                    LoggerMessage.Define<long, int>(LogLevel.Warning, new EventId(1003, nameof(HoldExpired)), "Hold {HoldId} expired at branch {BranchId}");

                public static partial void CheckedOut(this ILogger logger, int patronId, int itemCount) => __CheckedOut(logger, patronId, itemCount, null);

                public static partial void NoticeSent(this ILogger logger, string email) => __NoticeSent(logger, "[redacted]", null);

                public static partial void HoldExpired(this ILogger logger, long holdId, int branchId) => __HoldExpired(logger, holdId, branchId, null);
            }
        }
        """;
}
