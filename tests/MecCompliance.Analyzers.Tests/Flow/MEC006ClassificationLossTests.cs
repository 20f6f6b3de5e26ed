using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Flow.FlowTest<MecCompliance.Analyzers.Rules.ClassificationLossAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>MEC006: classified values stored into unclassified fields and properties.</summary>
public sealed class MEC006ClassificationLossTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Library;
        using MecCompliance;

        """;

    private static DiagnosticResult Lost(int key, string member, string kind = "property", string source = "Patron.Email (PersonalData)", string attribute = "PersonalData", string path = "") =>
        Verify.Diagnostic("MEC006", key).WithArguments(source, kind, member, attribute, path).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task Assignment_to_unclassified_property_and_field_is_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class Note
            {
                public string Text { get; set; } = "";
                private string _last = "";

                public void Remember(Patron p)
                {
                    Text = {|#0:p.Email|};
                    _last = {|#1:"Card " + p.CardNumber|};
                }
            }
            """,
            Lost(0, "Note.Text"),
            Lost(1, "Note._last", "field", "Patron.CardNumber (PatronRecord)", "PatronRecord"));
    }

    [Fact]
    public async Task Assignment_to_classified_member_or_of_unclassified_value_is_not_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class Contact
            {
                [PersonalData] public string Email { get; set; } = "";
                public string Status { get; set; } = "";
                public int Length { get; set; }

                public void Copy(Patron p)
                {
                    Email = p.Email;
                    Status = p.Status;
                    Length = p.Email.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task Object_initializer_collection_add_and_indexer_set_on_members_are_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class Dto
            {
                public string Name { get; set; } = "";
                public List<string> Tags { get; } = new();
            }

            class Cache
            {
                private readonly Dictionary<int, string> _byId = new();
                private readonly List<string> _recent = new();

                public Dto Build(Patron p)
                {
                    _byId[p.Id] = {|#0:p.Email|};
                    _recent.Add({|#1:p.Name|});
                    _byId[0] = p.Status;
                    _recent.Add(p.Status);
                    return new Dto { Name = {|#2:p.Name|}, Tags = { {|#3:p.Email|} } };
                }
            }
            """,
            Lost(0, "Cache._byId", "field"),
            Lost(1, "Cache._recent", "field", "Patron.Name (PersonalData)"),
            Lost(2, "Dto.Name", source: "Patron.Name (PersonalData)"),
            Lost(3, "Dto.Tags"));
    }

    [Fact]
    public async Task Storing_an_object_whose_type_carries_its_classification_is_not_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class Session
            {
                private Patron? _current;
                private object? _anything;
                private readonly List<Patron> _seen = new();

                public void Enter(Patron p)
                {
                    _current = p;
                    _anything = p;
                    _seen.Add(p);
                }
            }
            """);
    }

    [Fact]
    public async Task Store_inside_a_callee_is_reported_at_the_callers_argument()
    {
        await Verify.VerifyAsync(Usings + """
            class Note
            {
                public string Text { get; private set; } = "";

                public Note(string text) { Text = text; }

                public void Set(string text) => Text = text;
            }

            class C
            {
                void Run(Patron p)
                {
                    var note = new Note({|#0:p.Email|});
                    note.Set({|#1:p.CardNumber|});
                    new Note(p.Status).Set(p.Status);
                }
            }
            """,
            Lost(0, "Note.Text", path: " through new Note(string)"),
            Lost(1, "Note.Text", source: "Patron.CardNumber (PatronRecord)", attribute: "PatronRecord", path: " through Set(string)"));
    }

    [Fact]
    public async Task Classified_parameter_stored_into_unclassified_field_is_reported_once_where_it_is_stored()
    {
        await Verify.VerifyAsync(Usings + """
            class Mailer
            {
                private string _to = "";

                public Mailer([PersonalData] string to) { _to = {|#0:to|}; }
            }

            class C
            {
                Mailer Run(Patron p) => new Mailer(p.Email);
            }
            """,
            Lost(0, "Mailer._to", "field", "parameter 'to' (PersonalData)"));
    }

    [Fact]
    public async Task With_expression_setting_an_unclassified_member_is_reported()
    {
        await Verify.VerifyAsync(Usings + """
            record Ticket(int Id, string Note);

            class C
            {
                Ticket Run(Ticket t, Patron p) => t with { Note = {|#0:p.Email|} };

                Ticket Clean(Ticket t, Patron p) => t with { Note = p.Status };
            }
            """,
            Lost(0, "Ticket.Note"));
    }

    [Fact]
    public async Task Classified_property_with_a_backing_field_is_not_reported_but_an_unclassified_one_is()
    {
        await Verify.VerifyAsync(Usings + """
            class Contact
            {
                private string _email = "";
                private string _memo = "";

                [PersonalData]
                public string Email { get => _email; set => _email = value.Trim(); }

                public string Memo { get => _memo; set => _memo = value; }
            }

            class C
            {
                void Run(Contact contact, Patron p)
                {
                    contact.Email = p.Email;
                    contact.Memo = {|#0:p.Email|};
                }
            }
            """,
            Lost(0, "Contact._memo", "field", path: " through Contact.Memo"));
    }

    [Fact]
    public async Task Record_positional_property_without_classification_is_reported_at_the_argument()
    {
        await Verify.VerifyAsync(Usings + """
            record Dto(int Id, string Contact);

            record SafeDto(int Id, [property: PersonalData] string Contact);

            record ParamDto(int Id, [PersonalData] string Contact);

            class C
            {
                object Run(Patron p) => new Dto(p.Id, {|#0:p.Email|});

                object Safe(Patron p) => new SafeDto(p.Id, p.Email);

                object AlsoSafe(Patron p) => new ParamDto(p.Id, p.Email);

                object Clean(Patron p) => new Dto(p.Id, p.Status);
            }
            """,
            Lost(0, "Dto.Contact"));
    }
}
