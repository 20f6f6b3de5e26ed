using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.EgressTest<MecCompliance.Analyzers.Rules.StorageEgressAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Rules;

/// <summary>
/// MEC003, classified data stored outside an approved sink: files, ADO.NET, EF Core, Dapper, caches, cookies, session and
/// Redis; [DataSink] marks and approvals; whole objects handed to a sink interface in <see cref="WholeObjectSinkCalls"/>.
/// </summary>
public sealed class MEC003StorageEgressTests
{
    internal static string Unapproved(string typeOfs) =>
        $"only sinks declared with [assembly: ApprovedSink(\"<name>\", {typeOfs})] may hold it; store it through a [DataSink(\"<name>\")] repository or DbContext, or store an unclassified value (an id) instead";

    internal static string NotApproved(string sink, string classes, string typeOfs, int line) =>
        $"sink '{sink}' is not approved for {classes}; add {typeOfs} to [assembly: ApprovedSink(\"{sink}\", ...)] in Policy.cs line {line}";

    internal static DiagnosticResult Stored(int key, string source, string sink, string remedy, string path = "") =>
        Verify.Diagnostic("MEC003", key).WithArguments(source, sink, path, remedy);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAsync([source, StorageStubs.Source], expected);

    [Fact]
    public async Task Personal_data_written_to_a_file_is_reported()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(Patron patron) => File.WriteAllText("patrons.txt", {|#0:patron.Email|});
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by File.WriteAllText", Unapproved("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Unclassified_and_organizational_data_written_to_a_file_is_not_reported()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(Patron patron, Branch branch)
                {
                    File.AppendAllText("ids.txt", patron.Id + ";" + patron.Status);
                    File.WriteAllLines("branches.txt", new[] { branch.Name, patron.Branch });
                }
            }
            """);
    }

    [Fact]
    public async Task File_write_inside_a_DataSink_type_approved_for_the_data_is_not_reported()
    {
        await VerifyAsync("""
            using System.IO;
            using MecCompliance;
            using Library;

            [DataSink("PatronDb")]
            class PatronArchive
            {
                public void Save(Patron patron) => File.WriteAllText("/secure/patrons/" + patron.Id, patron.CardNumber + patron.Email);
            }
            """);
    }

    [Fact]
    public async Task File_write_inside_a_DataSink_not_approved_for_the_data_names_the_missing_approval()
    {
        await VerifyAsync("""
            using System.IO;
            using MecCompliance;
            using Library;

            class ReportWriter
            {
                [DataSink("Reports")]
                public void Save(Patron patron) => File.WriteAllText("report.csv", {|#0:patron.Branch + patron.Name|});
            }
            """,
            Stored(0, "Patron.Name (PersonalData)", "sink 'Reports' by File.WriteAllText", NotApproved("Reports", "PersonalData", "typeof(PersonalDataAttribute)", 8)));
    }

    [Fact]
    public async Task DataSink_mark_naming_no_declaration_asks_for_the_declaration()
    {
        await VerifyAsync("""
            using System.IO;
            using MecCompliance;
            using Library;

            [DataSink("Archive")]
            class Archive
            {
                public void Save(Patron patron) => File.WriteAllText("a.txt", {|#0:patron.CardNumber|});
            }
            """,
            Stored(0, "Patron.CardNumber (PatronRecord)", "sink 'Archive' by File.WriteAllText",
                "sink 'Archive' is not declared; declare it with [assembly: ApprovedSink(\"Archive\", typeof(PatronRecordAttribute))]"));
    }

    [Fact]
    public async Task Writer_opened_on_a_file_is_storage()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(Patron patron)
                {
                    using var writer = new StreamWriter("patrons.csv");
                    writer.WriteLine({|#0:patron.Email|});
                    using var appender = File.AppendText("log.csv");
                    appender.Write({|#1:patron.CardNumber|});
                }
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by StreamWriter.WriteLine", Unapproved("typeof(PersonalDataAttribute)")),
            Stored(1, "Patron.CardNumber (PatronRecord)", "unapproved storage by StreamWriter.Write", Unapproved("typeof(PatronRecordAttribute)")));
    }

    [Fact]
    public async Task Writer_over_memory_is_not_storage()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(Patron patron)
                {
                    using var writer = new StreamWriter(new MemoryStream());
                    writer.WriteLine(patron.Email);
                }
            }
            """);
    }

    [Fact]
    public async Task File_stream_write_of_encoded_personal_data_is_reported()
    {
        await VerifyAsync("""
            using System.IO;
            using System.Text;
            using Library;

            class Export
            {
                void Run(Patron patron)
                {
                    using var stream = File.Create("patron.bin");
                    stream.Write({|#0:Encoding.UTF8.GetBytes(patron.Name)|});
                }
            }
            """,
            Stored(0, "Patron.Name (PersonalData)", "unapproved storage by FileStream.Write", Unapproved("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Command_text_and_parameter_values_outside_a_sink_are_reported()
    {
        await VerifyAsync("""
            using System.Data.Common;
            using Library;

            class Store
            {
                void Run(DbConnection connection, Patron patron)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:$"insert into notes values ('{patron.Email}')"|};
                    var parameter = command.CreateParameter();
                    parameter.Value = {|#1:patron.CardNumber|};
                }
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by DbCommand.CommandText", Unapproved("typeof(PersonalDataAttribute)")),
            Stored(1, "Patron.CardNumber (PatronRecord)", "unapproved storage by DbParameter.Value", Unapproved("typeof(PatronRecordAttribute)")));
    }

    [Fact]
    public async Task Parameter_values_inside_a_DataSink_repository_are_not_reported()
    {
        await VerifyAsync("""
            using System.Data.Common;
            using MecCompliance;
            using Library;

            [DataSink("PatronDb")]
            class PatronRepository(DbConnection connection)
            {
                public void Save(Patron patron)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "insert into patrons (card, email) values (@card, @email)";
                    var card = command.CreateParameter();
                    card.Value = patron.CardNumber;
                    var email = command.CreateParameter();
                    email.Value = patron.Email;
                }
            }
            """);
    }

    [Fact]
    public async Task Entity_added_to_a_DataSink_context_approved_for_it_is_not_reported()
    {
        await VerifyAsync("""
            using Microsoft.EntityFrameworkCore;
            using MecCompliance;
            using Library;

            public class Member { public int Id { get; set; } [PatronRecord] public string Card { get; set; } = ""; }

            [DataSink("PatronDb")]
            class LibraryDb : DbContext
            {
                public DbSet<Member> Members { get; set; } = null!;
            }

            class Enrol(LibraryDb db)
            {
                void Run(Member member)
                {
                    db.Members.Add(member);
                    db.Add(member);
                    db.SaveChanges();
                }
            }
            """);
    }

    [Fact]
    public async Task Entity_added_to_an_unmarked_context_is_reported_with_its_classes()
    {
        await VerifyAsync("""
            using Microsoft.EntityFrameworkCore;
            using MecCompliance;
            using Library;

            public class Member { public int Id { get; set; } [PatronRecord] public string Card { get; set; } = ""; }

            class ScratchDb : DbContext
            {
                public DbSet<Member> Members { get; set; } = null!;
            }

            class Enrol(ScratchDb db)
            {
                void Run(Member member)
                {
                    db.Members.Add({|#0:member|});
                    db.Update({|#1:member|});
                }
            }
            """,
            Stored(0, "Member object (PatronRecord)", "unapproved storage by DbSet.Add", Unapproved("typeof(PatronRecordAttribute)")),
            Stored(1, "Member object (PatronRecord)", "unapproved storage by DbContext.Update", Unapproved("typeof(PatronRecordAttribute)")));
    }

    [Fact]
    public async Task Entity_added_to_a_context_whose_sink_is_not_approved_for_it_is_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using MecCompliance;
            using Library;

            public class Member { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }

            [DataSink("Reports")]
            class ReportsDb : DbContext
            {
                public DbSet<Member> Members { get; set; } = null!;
            }

            class Enrol(ReportsDb db)
            {
                async Task Run(Member member) => await db.Members.AddAsync({|#0:member|});
            }
            """,
            Stored(0, "Member object (PersonalData)", "sink 'Reports' by DbSet.AddAsync", NotApproved("Reports", "PersonalData", "typeof(PersonalDataAttribute)", 8)));
    }

    [Fact]
    public async Task Dapper_parameters_outside_a_sink_are_reported_and_inside_one_are_not()
    {
        await VerifyAsync("""
            using System.Data;
            using Dapper;
            using MecCompliance;
            using Library;

            class Notes(IDbConnection connection)
            {
                void Run(Patron patron) => connection.Execute("insert into notes (email) values (@Email)", {|#0:new { patron.Email }|});
            }

            [DataSink("PatronDb")]
            class Patrons(IDbConnection connection)
            {
                void Save(Patron patron) => connection.Execute("insert into patrons (email) values (@Email)", new { patron.Email });
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by Dapper.Execute", Unapproved("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Distributed_cache_of_personal_data_is_reported_and_of_ids_is_not()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Caching.Distributed;
            using Library;

            class Cache(IDistributedCache cache)
            {
                void Run(Patron patron)
                {
                    cache.SetString("patron:" + patron.Id, {|#0:patron.Email|});
                    cache.SetString("patron-status:" + patron.Id, patron.Status);
                }
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by IDistributedCache.SetString", Unapproved("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Cookie_and_session_values_are_storage()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Http;
            using Library;

            class Web
            {
                void Run(IResponseCookies cookies, ISession session, Patron patron)
                {
                    cookies.Append("card", {|#0:patron.CardNumber|});
                    session.SetString("name", {|#1:patron.Name|});
                    cookies.Append("branch-id", patron.Id.ToString());
                    session.SetInt32("patron", patron.Id);
                }
            }
            """,
            Stored(0, "Patron.CardNumber (PatronRecord)", "unapproved storage by Response.Cookies.Append", Unapproved("typeof(PatronRecordAttribute)")),
            Stored(1, "Patron.Name (PersonalData)", "unapproved storage by ISession.SetString", Unapproved("typeof(PersonalDataAttribute)")));
    }

    [Fact]
    public async Task Redis_writes_of_classified_values_are_reported()
    {
        await VerifyAsync("""
            using StackExchange.Redis;
            using Library;

            class Presence(IDatabase redis)
            {
                void Run(Patron patron)
                {
                    redis.StringSet("patron:" + patron.Id, {|#0:patron.Email|});
                    redis.HashSet("patron", "status", patron.Status);
                    redis.ListRightPush({|#1:"holds:" + patron.CardNumber|}, patron.Id);
                }
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by IDatabase.StringSet", Unapproved("typeof(PersonalDataAttribute)")),
            Stored(1, "Patron.CardNumber (PatronRecord)", "unapproved storage by IDatabase.ListRightPush", Unapproved("typeof(PatronRecordAttribute)")));
    }

    [Fact]
    public async Task Call_into_an_approved_repository_is_not_reported()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Library;

            [DataSink("PatronDb")]
            interface IPatronStore { void Save(Patron patron); void SaveCard(string card); }

            class Enrol(IPatronStore store)
            {
                void Run(Patron patron)
                {
                    store.SaveCard(patron.CardNumber);
                }
            }
            """);
    }

    [Fact]
    public async Task Call_into_a_repository_whose_sink_is_not_approved_is_reported_at_the_call()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Library;

            [DataSink("Reports")]
            interface IReportStore { void Add(string line); }

            class Monthly(IReportStore store)
            {
                void Run(Patron patron) => store.Add({|#0:patron.Email|});
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "sink 'Reports' by IReportStore.Add", NotApproved("Reports", "PersonalData", "typeof(PersonalDataAttribute)", 8)));
    }

    [Fact]
    public async Task Classified_argument_to_a_helper_that_writes_a_file_is_reported_at_the_caller()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(Patron patron) => Append({|#0:patron.Email|});

                void Append(string line) => {|#1:File.AppendAllText("export.txt", line)|};
            }
            """,
            Stored(0, "Patron.Email (PersonalData)", "unapproved storage by File.AppendAllText", Unapproved("typeof(PersonalDataAttribute)"), " through Append(string)").WithLocation(1));
    }

    [Fact]
    public async Task Writer_from_FileInfo_is_storage()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(Patron patron)
                {
                    using var writer = new FileInfo("holds.txt").AppendText();
                    writer.Write({|#0:patron.CardNumber|});
                }
            }
            """,
            Stored(0, "Patron.CardNumber (PatronRecord)", "unapproved storage by StreamWriter.Write", Unapproved("typeof(PatronRecordAttribute)")));
    }

    [Fact]
    public async Task Writer_of_unknown_origin_is_not_treated_as_a_file()
    {
        await VerifyAsync("""
            using System.IO;
            using Library;

            class Export
            {
                void Run(StreamWriter writer, Patron patron) => writer.Write(patron.CardNumber);
            }
            """);
    }

    [Fact]
    public async Task Write_inside_a_marked_context_through_its_own_methods_belongs_to_the_context()
    {
        await VerifyAsync("""
            using Microsoft.EntityFrameworkCore;
            using MecCompliance;
            using Library;

            [DataSink("PatronDb")]
            class LibraryDb : DbContext
            {
                public DbSet<Patron> Patrons { get; set; } = null!;

                public void Enrol(Patron patron)
                {
                    Add(patron);
                    Patrons.Attach(patron);
                }
            }
            """);
    }

    [Fact]
    public async Task Whole_object_passed_to_a_repository_whose_sink_is_not_approved_is_reported()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Library;

            [DataSink("Reports")]
            interface IReportStore { void Add(Patron patron); }

            class Monthly(IReportStore store)
            {
                void Run(Patron patron) => store.Add({|#0:patron|});
            }
            """,
            Stored(0, "Patron object (PatronRecord, PersonalData, OrganizationalData)", "sink 'Reports' by IReportStore.Add",
                NotApproved("Reports", "PatronRecord, PersonalData", "typeof(PatronRecordAttribute), typeof(PersonalDataAttribute)", 8)));
    }

    /// <summary>
    /// MEC003 on a whole object handed to a [DataSink] interface: the call itself is the write, so the caller must be
    /// analysed even though the callee belongs to this compilation and takes the object's own type.
    /// </summary>
    public sealed class WholeObjectSinkCalls
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
}
