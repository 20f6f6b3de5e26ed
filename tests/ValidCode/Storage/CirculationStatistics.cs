using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MecCompliance;
using Microsoft.Extensions.Caching.Distributed;
using ValidCode.Models;

namespace ValidCode.Storage;

/// <summary>
/// Storage outside PatronDb holds no personal data: the cache keeps patron ids and counts, the nightly export keeps
/// member libraries (organizational data may be stored anywhere), and SQL with patron data runs in the marked archive.
/// </summary>
public sealed class CirculationStatistics(IDistributedCache cache)
{
    public Task RememberCheckoutAsync(Patron patron, int count, CancellationToken cancellationToken) =>
        cache.SetStringAsync("checkouts:" + patron.Id.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), cancellationToken);

    public void ExportDirectory(IEnumerable<MemberLibrary> libraries, string path) =>
        File.WriteAllLines(path, libraries.Select(l => l.Id + ";" + l.Name + ";" + l.ContactEmail));

    public void ExportBusiestPatrons(IEnumerable<Patron> patrons, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var patron in patrons)
        {
            writer.WriteLine(patron.Id.ToString(CultureInfo.InvariantCulture) + ";" + patron.HomeBranchId.ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>Old loans are archived into PatronDb with parameterised SQL.</summary>
[DataSink("PatronDb")]
public sealed class LoanArchive(DbConnection connection)
{
    public void Archive(Loan loan, Patron patron)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "insert into loan_archive (card, barcode, due) values (@card, @barcode, @due)";
        var card = command.CreateParameter();
        card.ParameterName = "@card";
        card.Value = patron.CardNumber;
        command.Parameters.Add(card);
        var barcode = command.CreateParameter();
        barcode.ParameterName = "@barcode";
        barcode.Value = loan.ItemBarcode;
        command.Parameters.Add(barcode);
        command.ExecuteNonQuery();
    }
}
