using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.DataSubject.ErasureTest<MecCompliance.Analyzers.Rules.EraserMissesSinkAnalyzer>;

namespace MecCompliance.Analyzers.Tests.DataSubject;

/// <summary>MEC008: an [ErasesPersonalData] / [CorrectsPersonalData] method must reach its sink's [DataSink] code on the call graph.</summary>
public sealed class MEC008EraserMissesSinkTests
{
    private const string Policy = """
        using MecCompliance;
        [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
        [assembly: ApprovedSink("Archive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
        """;

    /// <summary>A repository interface with no mark of its own; only its EF Core implementation is marked.</summary>
    private const string Repository = """
        using MecCompliance;
        using Library;
        using Library.Data;

        public interface IPatronRepository
        {
            Patron? Find(int patronId);
            void Delete(Patron patron);
            void Save(Patron patron);
        }

        [DataSink("PatronDb")]
        public sealed class EfPatronRepository(PatronDb db) : IPatronRepository
        {
            public Patron? Find(int patronId) => db.Patrons.Find(patronId);
            public void Delete(Patron patron) { db.Patrons.Remove(patron); db.SaveChanges(); }
            public void Save(Patron patron) { db.Patrons.Update(patron); db.SaveChanges(); }
        }
        """;

    private static DiagnosticResult Mec008(int key, string method, string attribute, string sink, string consequence) =>
        Verify.Warning("MEC008", key).WithArguments(method, attribute, sink, consequence);

    private static string Erased(string sink) =>
        $"it would report a subject's data as erased while it stays in '{sink}': delete or anonymise it through the sink's code";

    private static string Corrected(string sink) =>
        $"it would report a subject's data as corrected while '{sink}' keeps the old value: update it through the sink's code";

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAsync([Policy, Verify.PatronDb, Repository, source], expected);

    [Fact]
    public async Task Eraser_marked_through_a_global_alias_declared_in_another_file_is_reported()
    {
        // The rule skips compilations whose text never names the marks; an alias names them where it is declared.
        await Verify.VerifyAsync(
            [Policy, Verify.PatronDb, Repository, "global using Wipe = MecCompliance.ErasesPersonalDataAttribute;", """
            using Microsoft.Extensions.Logging;

            public class Erasure(ILogger<Erasure> logger)
            {
                [{|#0:Wipe("PatronDb")|}]
                public void Erase(int patronId) => logger.LogInformation("Erased patron {PatronId}", patronId);
            }
            """],
            Mec008(0, "Erasure.Erase", "ErasesPersonalData", "PatronDb", Erased("PatronDb")));
    }

    [Fact]
    public async Task Eraser_whose_mark_straddles_a_scanned_chunk_of_a_long_file_is_reported()
    {
        // The text scan reads files in 16K-character chunks; a mark written across the boundary is still seen.
        const string before = """
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public class Erasure(ILogger<Erasure> logger)
            {

            """;
        var padding = "    // " + new string('x', 16 * 1024 - before.Length - "    // ".Length - "\n    [Erases".Length) + "\n";
        await VerifyAsync(before + padding + """
                [{|#0:ErasesPersonalData("PatronDb")|}]
                public void Erase(int patronId) => logger.LogInformation("Erased patron {PatronId}", patronId);
            }
            """,
            Mec008(0, "Erasure.Erase", "ErasesPersonalData", "PatronDb", Erased("PatronDb")));
    }

    [Fact]
    public async Task Eraser_that_deletes_through_the_marked_DbContext_is_not_reported()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Library.Data;

            public class Erasure(PatronDb db)
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId)
                {
                    if (db.Patrons.Find(patronId) is { } patron)
                    {
                        db.Patrons.Remove(patron);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Eraser_that_only_logs_is_reported()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Microsoft.Extensions.Logging;

            public class Erasure(ILogger<Erasure> logger)
            {
                [{|#0:ErasesPersonalData("PatronDb")|}]
                public void Erase(int patronId) => logger.LogInformation("Erased patron {PatronId}", patronId);
            }
            """,
            Mec008(0, "Erasure.Erase", "ErasesPersonalData", "PatronDb", Erased("PatronDb")));
    }

    [Fact]
    public async Task Eraser_through_a_repository_interface_whose_implementation_is_marked_is_not_reported()
    {
        await VerifyAsync("""
            using MecCompliance;

            public class PatronRequests(IPatronRepository patrons)
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId)
                {
                    if (patrons.Find(patronId) is { } patron)
                    {
                        Forget(patron);
                    }
                }

                private void Forget(Library.Patron patron) => patrons.Delete(patron);
            }
            """);
    }

    [Fact]
    public async Task Eraser_through_a_repository_of_another_sink_is_reported()
    {
        await VerifyAsync("""
            using MecCompliance;

            public interface IArchive
            {
                void Delete(int patronId);
            }

            [DataSink("Archive")]
            public sealed class FileArchive : IArchive
            {
                public void Delete(int patronId) => System.IO.File.Delete("/archive/" + patronId);
            }

            public class PatronRequests(IArchive archive)
            {
                [{|#0:ErasesPersonalData("PatronDb")|}]
                public void Erase(int patronId) => archive.Delete(patronId);
            }
            """,
            Mec008(0, "PatronRequests.Erase", "ErasesPersonalData", "PatronDb", Erased("PatronDb")));
    }

    [Fact]
    public async Task Corrector_through_a_repository_call_chain_is_not_reported()
    {
        await VerifyAsync("""
            using MecCompliance;

            public class PatronRequests(IPatronRepository patrons)
            {
                [CorrectsPersonalData("PatronDb")]
                public void CorrectEmail(int patronId, [PersonalData] string email)
                {
                    if (patrons.Find(patronId) is { } patron)
                    {
                        patron.Email = email;
                        patrons.Save(patron);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Corrector_that_changes_only_the_object_in_memory_is_reported()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Library;

            public class PatronRequests
            {
                [{|#0:CorrectsPersonalData("PatronDb")|}]
                public void CorrectEmail(Patron patron, [PersonalData] string email) => patron.Email = email;
            }
            """,
            Mec008(0, "PatronRequests.CorrectEmail", "CorrectsPersonalData", "PatronDb", Corrected("PatronDb")));
    }

    [Fact]
    public async Task Creating_the_context_without_using_it_does_not_reach_the_sink()
    {
        await VerifyAsync("""
            using MecCompliance;
            using Library.Data;

            public class Erasure
            {
                [{|#0:ErasesPersonalData("PatronDb")|}]
                public void Erase(int patronId)
                {
                    var db = new PatronDb();
                    _ = db.ToString() + patronId;
                }
            }
            """,
            Mec008(0, "Erasure.Erase", "ErasesPersonalData", "PatronDb", Erased("PatronDb")));
    }

    [Fact]
    public async Task Eraser_calling_a_method_marked_with_the_sink_is_not_reported()
    {
        await VerifyAsync("""
            using MecCompliance;

            public static class RawSql
            {
                [DataSink("PatronDb")]
                public static void Execute(string sql, int id) { }
            }

            public class Erasure
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId) => Step(patronId);

                private void Step(int patronId) => Step2(patronId);

                private static void Step2(int patronId) => RawSql.Execute("DELETE FROM Patrons WHERE Id = @id", patronId);
            }
            """);
    }

    [Fact]
    public async Task Recursive_helpers_that_never_reach_the_sink_are_reported_and_the_walk_ends()
    {
        await VerifyAsync("""
            using MecCompliance;

            public class Erasure
            {
                [{|#0:ErasesPersonalData("PatronDb")|}]
                public void Erase(int patronId) => Ping(patronId);

                private void Ping(int n) { if (n > 0) Pong(n - 1); }

                private void Pong(int n) { if (n > 0) Ping(n - 1); }
            }
            """,
            Mec008(0, "Erasure.Erase", "ErasesPersonalData", "PatronDb", Erased("PatronDb")));
    }

    [Fact]
    public async Task Eraser_through_a_marked_repository_in_a_referenced_assembly_is_not_reported()
    {
        var dataLayer = Verify.Assembly("Consortium.Data", """
            using MecCompliance;
            namespace Consortium.Data;
            [DataSink("PatronDb")]
            public interface IPatronStore { void Remove(int patronId); }
            """);

        await Verify.VerifyAsync(
            [Policy, """
            using MecCompliance;
            using Consortium.Data;

            public class Erasure(IPatronStore store)
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId) => store.Remove(patronId);
            }
            """],
            [dataLayer]);
    }

    [Fact]
    public async Task Eraser_for_an_undeclared_sink_is_left_to_MEC004()
    {
        await VerifyAsync("""
            using MecCompliance;

            public class Erasure
            {
                [ErasesPersonalData("Nowhere")]
                public void Erase(int patronId) { }
            }
            """);
    }
}
