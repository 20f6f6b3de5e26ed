using System.Threading;
using System.Threading.Tasks;

// The smallest slice of EF Core's API this project uses, under its real metadata names, so ValidCode builds offline
// and in memory without the EF Core packages; the analyzers recognise EF Core by these names only.
namespace Microsoft.EntityFrameworkCore
{
    public abstract class DbContext
    {
        public virtual int SaveChanges() => 0;

        public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
    }

    public abstract class DbSet<TEntity>
        where TEntity : class
    {
        public virtual object Add(TEntity entity) => entity;

        public virtual ValueTask<object> AddAsync(TEntity entity, CancellationToken cancellationToken = default) => new(entity);

        public virtual object Update(TEntity entity) => entity;

        public virtual object Remove(TEntity entity) => entity;

        public virtual ValueTask<TEntity?> FindAsync(params object?[]? keyValues) => default;
    }
}

namespace Microsoft.Extensions.Caching.Distributed
{
    public interface IDistributedCache
    {
        Task<byte[]?> GetAsync(string key, CancellationToken token = default);

        Task SetAsync(string key, byte[] value, CancellationToken token = default);
    }

    public static class DistributedCacheExtensions
    {
        public static Task SetStringAsync(this IDistributedCache cache, string key, string value, CancellationToken token = default) =>
            cache.SetAsync(key, System.Text.Encoding.UTF8.GetBytes(value), token);
    }
}
