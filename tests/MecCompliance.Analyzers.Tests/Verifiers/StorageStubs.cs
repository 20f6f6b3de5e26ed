namespace MecCompliance.Analyzers.Tests.Verifiers;

/// <summary>Stubs with the real metadata names of EF Core, Dapper, distributed caching, ASP.NET Core HTTP state and Redis.</summary>
internal static class StorageStubs
{
    public const string Source = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext
            {
                public virtual object Add<TEntity>(TEntity entity) where TEntity : class => null!;
                public virtual object Update<TEntity>(TEntity entity) where TEntity : class => null!;
                public virtual void AddRange(params object[] entities) { }
                public virtual int SaveChanges() => 0;
            }

            public abstract class DbSet<TEntity> where TEntity : class
            {
                public virtual object Add(TEntity entity) => null!;
                public virtual object Attach(TEntity entity) => null!;
                public virtual object Remove(TEntity entity) => null!;
                public virtual object Update(TEntity entity) => null!;
                public virtual TEntity? Find(params object[] keyValues) => null;
                public virtual System.Threading.Tasks.ValueTask<object> AddAsync(TEntity entity, System.Threading.CancellationToken cancellationToken = default) => default;
            }
        }

        namespace Dapper
        {
            public static class SqlMapper
            {
                public static int Execute(this System.Data.IDbConnection cnn, string sql, object? param = null, System.Data.IDbTransaction? transaction = null) => 0;
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
            }
        }

        namespace Microsoft.Extensions.Caching.Distributed
        {
            public class DistributedCacheEntryOptions { }
            public interface IDistributedCache
            {
                void Set(string key, byte[] value, DistributedCacheEntryOptions options);
                byte[]? Get(string key);
            }
            public static class DistributedCacheExtensions
            {
                public static void SetString(this IDistributedCache cache, string key, string value) { }
                public static System.Threading.Tasks.Task SetStringAsync(this IDistributedCache cache, string key, string value, System.Threading.CancellationToken token = default) => null!;
            }
        }

        namespace Microsoft.AspNetCore.Http
        {
            public class CookieOptions { }
            public interface IResponseCookies
            {
                void Append(string key, string value);
                void Append(string key, string value, CookieOptions options);
            }
            public interface ISession { void Set(string key, byte[] value); }
            public static class SessionExtensions
            {
                public static void SetString(this ISession session, string key, string value) { }
                public static void SetInt32(this ISession session, string key, int value) { }
            }
        }

        namespace StackExchange.Redis
        {
            public enum CommandFlags { None }
            public enum When { Always }
            public readonly struct RedisKey { public static implicit operator RedisKey(string key) => default; }
            public readonly struct RedisValue { public static implicit operator RedisValue(string value) => default; public static implicit operator RedisValue(int value) => default; }
            public interface IDatabaseAsync
            {
                System.Threading.Tasks.Task<bool> StringSetAsync(RedisKey key, RedisValue value, System.TimeSpan? expiry = null, When when = When.Always, CommandFlags flags = CommandFlags.None);
            }
            public interface IDatabase : IDatabaseAsync
            {
                bool StringSet(RedisKey key, RedisValue value, System.TimeSpan? expiry = null, When when = When.Always, CommandFlags flags = CommandFlags.None);
                bool HashSet(RedisKey key, RedisValue hashField, RedisValue value, When when = When.Always, CommandFlags flags = CommandFlags.None);
                long ListRightPush(RedisKey key, RedisValue value, When when = When.Always, CommandFlags flags = CommandFlags.None);
                RedisValue StringGet(RedisKey key, CommandFlags flags = CommandFlags.None);
            }
        }
        """;
}
