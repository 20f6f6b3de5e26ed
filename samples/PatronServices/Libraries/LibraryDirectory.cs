using Microsoft.EntityFrameworkCore;
using PatronServices.Data;

namespace PatronServices.Libraries;

/// <summary>The consortium's directory of member libraries: organizational data, which the policy lets us log.</summary>
public sealed class LibraryDirectory(PatronDb db, ILogger<LibraryDirectory> logger)
{
    public Task<List<MemberLibrary>> AllAsync(CancellationToken cancellationToken) =>
        db.Libraries.OrderBy(l => l.Name).ToListAsync(cancellationToken);

    public async Task<MemberLibrary?> RenameAsync(int id, string name, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.FindAsync([id], cancellationToken);
        if (library is null)
        {
            return null;
        }

        library.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Library {LibraryId} is now listed as {LibraryName}", library.Id, library.Name);
        return library;
    }
}
