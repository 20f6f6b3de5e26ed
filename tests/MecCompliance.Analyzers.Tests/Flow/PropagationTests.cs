using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>
/// DESIGN §5 propagation, observed through MEC001. Each test logs a classified value (marked, reported) and its
/// unclassified twin (unmarked, silent) through the same construct.
/// </summary>
public sealed class PropagationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Library;
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        """;

    private static DiagnosticResult Logged(int key, string source = "Patron.Email (PersonalData)", string sink = "ILogger.LogInformation", string path = "") =>
        Verify.Diagnostic("MEC001", key).WithArguments(source, sink, path).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Usings + body, expected);

    [Fact]
    public async Task String_Format_Join_and_Concat_propagate()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    log.LogInformation({|#0:string.Format("{0}", p.Email)|});
                    log.LogInformation({|#1:string.Join(",", p.Email, p.Status)|});
                    log.LogInformation({|#2:string.Concat(p.Email, "!")|});
                    log.LogInformation(string.Format("{0}", p.Status));
                    log.LogInformation(string.Join(",", p.Status, p.EmailDomain));
                    log.LogInformation(string.Concat(p.Status, "!"));
                }
            }
            """,
            Logged(0), Logged(1), Logged(2));
    }

    [Fact]
    public async Task StringBuilder_carries_what_is_appended()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    var dirty = new StringBuilder("Patron ");
                    dirty.Append(p.Email).Append('!');
                    log.LogInformation({|#0:dirty.ToString()|});

                    var clean = new StringBuilder("Patron ");
                    clean.Append(p.Id).Append(p.Status);
                    log.LogInformation(clean.ToString());
                }
            }
            """,
            Logged(0));
    }

    [Fact]
    public async Task Conversions_and_ToString_propagate()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    object boxed = p.Email;
                    log.LogInformation({|#0:boxed.ToString()|});
                    log.LogInformation({|#1:(string)(object)p.Email|});
                    object other = p.Status;
                    log.LogInformation(other.ToString());
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task Conditional_coalesce_and_switch_expressions_propagate_the_taken_values()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p, bool b, int kind, string? maybe)
                {
                    log.LogInformation({|#0:b ? p.Email : "none"|});
                    log.LogInformation({|#1:maybe ?? p.Email|});
                    log.LogInformation({|#2:kind switch { 1 => p.Email, _ => "other" }|});
                    log.LogInformation(b ? p.Status : "none");
                    log.LogInformation(p.Email is null ? "none" : "some");
                    log.LogInformation(maybe ?? p.Status);
                    log.LogInformation(kind switch { 1 => p.Status, _ => "other" });
                }
            }
            """,
            Logged(0), Logged(1), Logged(2));
    }

    [Fact]
    public async Task Null_conditional_access_propagates()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron? p)
                {
                    log.LogInformation({|#0:p?.Email|});
                    log.LogInformation(p?.Status);
                    log.LogInformation("{Length}", p?.Email.Length);
                }
            }
            """,
            Logged(0));
    }

    [Fact]
    public async Task Tuples_and_deconstruction_keep_elements_apart()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    var pair = (p.Email, p.Id);
                    log.LogInformation("{Pair}", {|#0:pair|});
                    var (email, id) = (p.Email, p.Status);
                    log.LogInformation({|#1:email|});
                    log.LogInformation(id);
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task Arrays_and_collection_adds_carry_their_elements()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    var list = new List<string>();
                    list.Add(p.Email);
                    log.LogInformation("{List}", {|#0:list|});
                    var array = new[] { p.Email };
                    log.LogInformation("{Array}", {|#1:array|});
                    var clean = new List<string> { p.Status };
                    clean.Add(p.EmailDomain);
                    log.LogInformation("{List} {Count}", clean, list.Count);
                    log.LogInformation("{Array}", new[] { p.Status });
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task Anonymous_objects_and_library_objects_carry_their_inputs()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    log.LogInformation("{Who}", {|#0:new { p.Email, p.Id }|});
                    log.LogInformation("{Who}", {|#1:new KeyValuePair<int, string>(p.Id, p.Email)|});
                    log.LogInformation("{Who}", new { p.Status, p.Id });
                    log.LogInformation("{Who}", new KeyValuePair<int, string>(p.Id, p.Status));
                }
            }
            """,
            Logged(0), Logged(1));
    }

    [Fact]
    public async Task String_transforms_propagate()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    log.LogInformation({|#0:p.Email.Trim().ToUpperInvariant()|});
                    log.LogInformation({|#1:p.Email.Substring(0, 3)|});
                    log.LogInformation({|#2:p.Email.Replace("@", " at ")|});
                    log.LogInformation(p.Status.Trim().ToUpperInvariant().Substring(0, 1));
                }
            }
            """,
            Logged(0), Logged(1), Logged(2));
    }

    [Fact]
    public async Task Await_propagates_through_async_helpers()
    {
        await VerifyAsync("""
            class C
            {
                async Task Run(ILogger log, Patron p)
                {
                    log.LogInformation({|#0:await Task.FromResult(p.Email)|});
                    log.LogInformation({|#1:await LoadAsync(p)|});
                    log.LogInformation(await Task.FromResult(p.Status));
                    log.LogInformation(await LoadStatusAsync(p));
                }

                async Task<string> LoadAsync(Patron p) { await Task.Yield(); return p.Email; }

                async Task<string> LoadStatusAsync(Patron p) { await Task.Yield(); return p.Status; }
            }
            """,
            Logged(0), Logged(1, path: " through LoadAsync(Patron)"));
    }

    [Fact]
    public async Task Linq_selector_decides_what_the_result_carries()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, List<Patron> patrons)
                {
                    log.LogInformation("{Emails}", {|#0:string.Join(",", patrons.Select(x => x.Email))|});
                    log.LogInformation("{Ids}", string.Join(",", patrons.Select(x => x.Id)));
                    log.LogInformation("{Count}", patrons.Where(x => x.Email.EndsWith(".org")).Count());
                    var first = patrons.Select(x => x.Name).FirstOrDefault();
                    log.LogInformation({|#1:first|});
                }
            }
            """,
            Logged(0), Logged(1, "Patron.Name (PersonalData)"));
    }

    [Fact]
    public async Task Lambdas_and_local_functions_carry_data()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    Func<Patron, string> describe = x => x.Status;
                    log.LogInformation(describe(p));
                    log.LogInformation({|#0:Format(p.Email)|});
                    log.LogInformation(Format(p.Status));
                    Action later = () => log.LogInformation({|#1:p.Name|});
                    later();

                    string Format(string value) => "<" + value + ">";
                }
            }
            """,
            Logged(0), Logged(1, "Patron.Name (PersonalData)"));
    }

    [Fact]
    public async Task Iterators_yield_what_they_are_given()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p)
                {
                    log.LogInformation("{All}", {|#0:Lines(p)|});
                    log.LogInformation("{All}", Ids(p));
                }

                IEnumerable<string> Lines(Patron p) { yield return p.Status; yield return p.Email; }

                IEnumerable<string> Ids(Patron p) { yield return p.Id.ToString(); }
            }
            """,
            Logged(0, path: " through Lines(Patron)"));
    }

    [Fact]
    public async Task Predicates_and_measures_do_not_propagate()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p, string q)
                {
                    log.LogInformation("{A} {B} {C} {D} {E} {F} {G}",
                        p.Email == q, p.Email is null, string.IsNullOrEmpty(p.Email), p.Email.Length,
                        p.Email.GetHashCode(), nameof(p.Email), p.Email.Contains('@'));
                    var count = new List<string> { p.Email }.Count;
                    log.LogInformation("{Count}", count);
                    log.LogInformation("{Equal}", p.Email.Equals(q));
                }
            }
            """);
    }

    [Fact]
    public async Task Foreach_over_a_labelled_collection_yields_labelled_elements()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, Patron p, List<Patron> patrons)
                {
                    var emails = new List<string> { p.Email };
                    foreach (var email in emails)
                    {
                        log.LogInformation({|#0:email|});
                    }

                    foreach (var patron in patrons)
                    {
                        log.LogInformation("{Id} {Status}", patron.Id, patron.Status);
                    }
                }
            }
            """,
            Logged(0));
    }

    [Fact]
    public async Task Method_groups_are_followed_like_lambdas()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, List<Patron> patrons)
                {
                    log.LogInformation("{All}", {|#0:string.Join(",", patrons.Select(EmailOf))|});
                    log.LogInformation("{All}", string.Join(",", patrons.Select(IdOf)));
                }

                static string EmailOf(Patron p) => p.Email;

                static string IdOf(Patron p) => p.Id.ToString();
            }
            """,
            Logged(0, path: " through EmailOf(Patron)"));
    }

    [Fact]
    public async Task Variables_assigned_inside_lambdas_and_local_functions_are_seen_afterwards()
    {
        await VerifyAsync("""
            class C
            {
                void Run(ILogger log, List<Patron> patrons)
                {
                    var last = "";
                    var count = "";
                    patrons.ForEach(p => last = p.Email);
                    patrons.ForEach(p => count = p.Status);
                    log.LogInformation({|#0:last|});
                    log.LogInformation(count);

                    var name = "";
                    Remember(patrons[0]);
                    log.LogInformation({|#1:name|});

                    void Remember(Patron p) => name = p.Name;
                }
            }
            """,
            Logged(0), Logged(1, "Patron.Name (PersonalData)"));
    }

    [Fact]
    public async Task Await_foreach_over_an_async_iterator_yields_what_it_yields()
    {
        await VerifyAsync("""
            class C
            {
                async Task Run(ILogger log, Patron p)
                {
                    await foreach (var line in Lines(p))
                    {
                        log.LogInformation({|#0:line|});
                    }

                    await foreach (var id in Ids(p))
                    {
                        log.LogInformation(id);
                    }
                }

                async IAsyncEnumerable<string> Lines(Patron p) { await Task.Yield(); yield return p.Email; }

                async IAsyncEnumerable<string> Ids(Patron p) { await Task.Yield(); yield return p.Id.ToString(); }
            }
            """,
            Logged(0, path: " through Lines(Patron)"));
    }
}
