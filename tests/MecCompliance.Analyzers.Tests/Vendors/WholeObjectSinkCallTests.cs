using Verify = MecCompliance.Analyzers.Tests.Vendors.EgressTest<MecCompliance.Analyzers.Rules.StorageEgressAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Vendors;

/// <summary>
/// MEC003 on a whole object handed to a [DataSink] interface: the call itself is the write, so the caller must be
/// analysed even though the callee belongs to this compilation and takes the object's own type.
/// </summary>
public sealed class WholeObjectSinkCallTests
{
    private const string Contracts = """
        using System.Threading.Tasks;
        using MecCompliance;
        using Library;

        [DataSink("Reports")]
        public interface IReportStore { Task SaveAsync(Patron patron); }

        [Vendor("OverDrive")]
        public interface IOverDrive { Task CheckoutAsync([PatronRecord] string cardNumber, string titleId); }
        """;

    [Fact]
    public async Task Patron_passed_whole_to_a_sink_interface_not_approved_for_it_is_reported()
    {
        await Verify.VerifyAsync(
            [Contracts, """
            using System.Threading.Tasks;
            using Library;

            public sealed class Desk(IReportStore store)
            {
                public Task RegisterAsync(Patron patron) => store.SaveAsync({|#0:patron|});
            }
            """],
            Verify.Diagnostic("MEC003", 0));
    }

    [Fact]
    public async Task Patron_copied_into_a_local_first_is_reported()
    {
        await Verify.VerifyAsync(
            [Contracts, """
            using System.Threading.Tasks;
            using Library;

            public sealed class Desk(IReportStore store)
            {
                public Task RegisterAsync(Patron patron)
                {
                    var copy = patron;
                    return store.SaveAsync({|#0:copy|});
                }
            }
            """],
            Verify.Diagnostic("MEC003", 0));
    }

    [Fact]
    public async Task Patron_created_in_the_call_is_reported()
    {
        await Verify.VerifyAsync(
            [Contracts, """
            using System.Threading.Tasks;
            using Library;

            public sealed class Desk(IReportStore store)
            {
                public Task RegisterAsync(string card) => store.SaveAsync({|#0:new Patron { CardNumber = card }|});
            }
            """],
            Verify.Diagnostic("MEC003", 0));
    }

    [Fact]
    public async Task Object_without_classified_members_passed_to_the_sink_interface_is_not_reported()
    {
        await Verify.VerifyAsync(
            [Contracts, """
            using System.Threading.Tasks;
            using MecCompliance;

            public sealed class Counter { public int Id { get; set; } }

            [DataSink("Reports")]
            public interface ICounterStore { Task SaveAsync(Counter counter); }

            public sealed class Desk(ICounterStore store)
            {
                public Task CountAsync(Counter counter) => store.SaveAsync(counter);
            }
            """]);
    }
}
