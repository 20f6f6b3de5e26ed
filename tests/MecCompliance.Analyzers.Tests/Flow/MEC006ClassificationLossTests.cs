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

    // Precision (DESIGN §5): a value labelled by flow hands a member read only what flowed into that member.
    private const string Members = """
        public class Member
        {
            public string ExternalId { get; set; } = "";
            [PersonalData] public string Email { get; set; } = "";
        }

        public class Org
        {
            public string ExternalId { get; set; } = "";
            public string Contact { get; set; } = "";
            public string Name { get; set; } = "";
        }

        """;

    [Fact]
    public async Task Sibling_of_a_classified_member_in_an_anonymous_object_is_not_reported()
    {
        await Verify.VerifyAsync(Usings + Members + """
            class Sync
            {
                void Run(Patron u, Org o)
                {
                    var prev = new { u.Status, u.Email };
                    o.ExternalId = prev.Status;
                    o.Contact = {|#0:prev.Email|};
                }
            }
            """,
            Lost(0, "Org.Contact"));
    }

    [Fact]
    public async Task Member_of_an_element_looked_up_by_a_classified_key_is_not_reported()
    {
        await Verify.VerifyAsync(Usings + "using System.Linq;\n" + Members + """
            class Sync
            {
                void Run(List<Member> ms, Org o, string k)
                {
                    var byEmail = ms.ToDictionary(m => m.Email);
                    if (byEmail.TryGetValue(k, out var m))
                    {
                        o.ExternalId = m.ExternalId;
                    }

                    foreach (var pair in byEmail)
                    {
                        o.Contact = {|#0:pair.Key|};
                    }
                }
            }
            """,
            Lost(0, "Org.Contact", source: "Member.Email (PersonalData)"));
    }

    [Fact]
    public async Task Member_of_an_element_ordered_by_a_classified_key_is_not_reported()
    {
        await Verify.VerifyAsync(Usings + "using System.Linq;\n" + Members + """
            class Sync
            {
                void Run(List<Member> ms, Org o)
                {
                    var first = ms.OrderBy(x => x.Email).First();
                    o.ExternalId = first.ExternalId;
                    o.Contact = {|#0:ms.Select(x => x.Email).First()|};
                }
            }
            """,
            Lost(0, "Org.Contact", source: "Member.Email (PersonalData)"));
    }

    [Fact]
    public async Task Unclassified_part_of_a_group_key_is_not_reported()
    {
        await Verify.VerifyAsync(Usings + "using System.Linq;\n" + Members + """
            class Sync
            {
                void Run(List<Member> ms, Org o)
                {
                    foreach (var g in ms.GroupBy(x => new { x.Email, x.ExternalId }))
                    {
                        o.ExternalId = g.Key.ExternalId;
                        o.Contact = {|#0:g.Key.Email|};
                    }
                }
            }
            """,
            Lost(0, "Org.Contact", source: "Member.Email (PersonalData)"));
    }

    [Fact]
    public async Task Projection_of_a_group_keyed_by_a_classified_member_is_reported_only_when_it_selects_that_member()
    {
        // The elements a projection yields are what its selector returns: the group's classified key is not in them.
        await Verify.VerifyAsync(Usings + "using System.Linq;\n" + Members + """
            class Detail
            {
                public List<string> Ids { get; set; } = new();
                public List<string> Contacts { get; set; } = new();
            }

            class Report
            {
                void Run(List<Member> ms, Detail d)
                {
                    foreach (var g in ms.GroupBy(x => new { x.Email, x.ExternalId }))
                    {
                        d.Ids = g.Select(x => x.ExternalId).ToList();
                        d.Contacts = {|#0:g.Select(x => x.Email).ToList()|};
                    }
                }
            }
            """,
            Lost(0, "Detail.Contacts", source: "Member.Email (PersonalData)"));
    }

    [Fact]
    public async Task Projection_of_what_a_call_without_a_body_finds_by_a_classified_key_is_reported_only_when_it_selects_the_key()
    {
        await Verify.VerifyAsync(Usings + "using System.Linq;\nusing System.Threading.Tasks;\n" + Members + """
            public interface IOrgRepository
            {
                Task<IEnumerable<Org>> FindByEmailAsync(string email);
            }

            class OrgResponse
            {
                public OrgResponse(Org o) { Name = o.Name; }
                public string Name { get; set; }
            }

            class ListResponse<T>
            {
                public ListResponse(IEnumerable<T> data) { Data = data; }
                public IEnumerable<T> Data { get; set; }
            }

            class Api
            {
                async Task<ListResponse<OrgResponse>> Find(IOrgRepository repo, Patron r)
                {
                    var found = (await repo.FindByEmailAsync(r.Email)).ToList();
                    return new ListResponse<OrgResponse>(found.Select(o => new OrgResponse(o)));
                }

                async Task<ListResponse<string>> Echo(IOrgRepository repo, Patron r)
                {
                    var found = (await repo.FindByEmailAsync(r.Email)).ToList();
                    return new ListResponse<string>({|#0:found.Select(o => r.Email)|});
                }
            }
            """,
            Lost(0, "ListResponse.Data", path: " through new ListResponse(IEnumerable<T>)"));
    }

    [Fact]
    public async Task Members_of_what_a_call_without_a_body_finds_by_a_classified_key_are_not_reported()
    {
        await Verify.VerifyAsync(Usings + "using System.Linq;\nusing System.Threading.Tasks;\n" + Members + """
            public interface IOrgRepository
            {
                Task<List<Org>> FindByEmailAsync(string email);
                Task<string> NormalizeAsync(string email);
            }

            class Resp
            {
                public string Name { get; set; } = "";
            }

            class Api
            {
                async Task<List<Resp>> Find(IOrgRepository repo, Patron r) =>
                    (await repo.FindByEmailAsync(r.Email)).Select(o => new Resp { Name = o.Name }).ToList();

                async Task<Resp> Normalize(IOrgRepository repo, Patron r) =>
                    new Resp { Name = {|#0:await repo.NormalizeAsync(r.Email)|} };
            }
            """,
            Lost(0, "Resp.Name", path: " through NormalizeAsync(string)"));
    }

    [Fact]
    public async Task Classified_value_stored_into_a_classified_member_of_a_library_object_does_not_label_its_siblings()
    {
        const string core = """
            namespace Core
            {
                public class Installation
                {
                    public string Id { get; set; } = "";
                    public string Note { get; set; } = "";
                    [MecCompliance.PersonalData] public string Email { get; set; } = "";
                }
            }
            """;

        await Verify.VerifyWithLibraryAsync(core, Usings + Members + """
            class Resp
            {
                public string Id { get; set; } = "";
                public string Note { get; set; } = "";
            }

            class Api
            {
                Resp Register(Member m)
                {
                    var i = new Core.Installation { Email = m.Email };
                    return new Resp { Id = i.Id };
                }

                Resp Leak(Member m)
                {
                    var i = new Core.Installation { Note = m.Email };
                    return new Resp { Note = {|#0:i.Note|} };
                }
            }
            """,
            Lost(0, "Resp.Note", source: "Member.Email (PersonalData)"));
    }

    private const string ScimCore = """
        namespace Core
        {
            public class OrgUserDetails
            {
                public System.Guid Id { get; set; }
                public string ExternalId { get; set; } = "";
                [MecCompliance.PersonalData] public string Email { get; set; } = "";
            }

            public interface IOrgUserRepository
            {
                System.Threading.Tasks.Task<System.Collections.Generic.ICollection<OrgUserDetails>> GetManyAsync(System.Guid org);
            }
        }
        """;

    private const string ScimApi = """
        class EmailModel
        {
            public EmailModel(string email) { Value = email; }
            public string Value { get; set; }
        }

        class UserResponse
        {
            public UserResponse(Core.OrgUserDetails u)
            {
                Id = u.Id;
                Emails = {|#8:new List<EmailModel> { new EmailModel({|#9:u.Email|}) }|};
            }

            public System.Guid Id { get; set; }
            public List<EmailModel> Emails { get; set; }
        }

        class ListResponse<T>
        {
            public List<T> Resources { get; set; } = new();
            public int Total { get; set; }
        }

        class UsersQuery
        {
            public async Task<(IEnumerable<Core.OrgUserDetails> userList, int total)> GetAsync(Core.IOrgUserRepository repo, System.Guid org)
            {
                var userList = new List<Core.OrgUserDetails>();
                var orgUsers = await repo.GetManyAsync(org);
                userList = orgUsers.OrderBy(ou => ou.Email).Skip(1).Take(10).ToList();
                return (userList, orgUsers.Count);
            }
        }

        """;

    [Fact]
    public async Task Classified_member_of_an_element_a_repository_returned_is_reported_where_a_constructor_stores_it()
    {
        // The element comes from a call without a body, but Email is classified by declaration: whatever the object
        // came from, the constructor stores the e-mail into an unclassified member. The objects built so carry it by
        // flow: the list of them, and the list of responses holding those, lose it too.
        await Verify.VerifyWithLibraryAsync(ScimCore, Usings + "using System.Linq;\nusing System.Threading.Tasks;\n" + ScimApi + """
            class UsersController
            {
                async Task<ListResponse<UserResponse>> Get(UsersQuery q, Core.IOrgUserRepository repo, System.Guid org)
                {
                    var result = await q.GetAsync(repo, org);
                    return new ListResponse<UserResponse>
                    {
                        Resources = {|#1:result.userList.Select(u => new UserResponse({|#0:u|})).ToList()|},
                    };
                }
            }
            """,
            Lost(9, "EmailModel.Value", source: "OrgUserDetails.Email (PersonalData)", path: " through new EmailModel(string)"),
            Lost(8, "UserResponse.Emails", source: "OrgUserDetails.Email (PersonalData)", path: " through new EmailModel(string)"),
            Lost(0, "EmailModel.Value", source: "OrgUserDetails.Email (PersonalData)", path: " through new UserResponse(OrgUserDetails) and new EmailModel(string)"),
            Lost(0, "UserResponse.Emails", source: "OrgUserDetails.Email (PersonalData)", path: " through new UserResponse(OrgUserDetails)"),
            Lost(1, "ListResponse.Resources", source: "OrgUserDetails.Email (PersonalData)", path: " through new UserResponse(OrgUserDetails) and new EmailModel(string)"));
    }

    [Fact]
    public async Task Unclassified_members_of_an_element_a_repository_returned_are_not_reported_through_a_constructor()
    {
        await Verify.VerifyWithLibraryAsync(ScimCore, Usings + "using System.Linq;\nusing System.Threading.Tasks;\n" + """
            class IdResponse
            {
                public IdResponse(Core.OrgUserDetails u) { Id = u.Id; ExternalId = u.ExternalId; }
                public System.Guid Id { get; set; }
                public string ExternalId { get; set; }
            }

            class ListResponse<T>
            {
                public List<T> Resources { get; set; } = new();
            }

            class UsersController
            {
                async Task<ListResponse<IdResponse>> Get(Core.IOrgUserRepository repo, System.Guid org)
                {
                    var users = await repo.GetManyAsync(org);
                    return new ListResponse<IdResponse> { Resources = users.OrderBy(u => u.Email).Select(u => new IdResponse(u)).ToList() };
                }
            }
            """);
    }

    private const string CipherCore = """
        namespace Core
        {
            public class Cipher
            {
                public System.Guid Id { get; set; }
                public int Type { get; set; }
                public string Data { get; set; } = "";

                public Cipher Clone() => (Cipher)MemberwiseClone();

                public System.Collections.Generic.Dictionary<string, CipherNoteData> GetAttachments() => new();
            }

            public class CipherNoteData
            {
                public string Notes { get; set; } = "";
            }

            public class CipherLoginData
            {
                public string Name { get; set; } = "";
                [MecCompliance.PersonalData] public string Username { get; set; } = "";
            }
        }
        """;

    private const string CipherApi = """
        class CipherRequest
        {
            [PersonalData] public string Username { get; set; } = "";
            public string Name { get; set; } = "";
            public string Notes { get; set; } = "";

            public Core.Cipher ToOrganizationCipher() => ToCipher(new Core.Cipher { Type = 1 });

            public Core.Cipher ToCipher(Core.Cipher existing)
            {
                switch (existing.Type)
                {
                    case 1:
                        existing.Data = System.Text.Json.JsonSerializer.Serialize(ToLoginData());
                        break;
                    default:
                        existing.Data = Notes;
                        break;
                }

                return existing;
            }

            public Core.Cipher ToNoteCipher(Core.Cipher existing)
            {
                existing.Data = System.Text.Json.JsonSerializer.Serialize(new Core.CipherNoteData { Notes = Notes });
                return existing;
            }

            private Core.CipherLoginData ToLoginData() => new Core.CipherLoginData { Name = Name, Username = Username };
        }

        class CipherMini
        {
            public CipherMini(Core.Cipher c)
            {
                Id = c.Id;
                Data = c.Data;

                // Parsed back, each member is only what was in that member: the login's name is not its username.
                var login = System.Text.Json.JsonSerializer.Deserialize<Core.CipherLoginData>(c.Data);
                Title = login!.Name;
            }

            public System.Guid Id { get; set; }
            public string Data { get; set; }
            public string Title { get; set; }
        }

        """;

    // The JSON of an object is text made of all its members: it carries their classified data as text, which an
    // unclassified member holding it loses (an object of that type would keep it by its members' declarations).
    [Fact]
    public async Task Json_of_classified_request_data_in_a_library_object_member_is_reported_where_a_constructor_copies_it()
    {
        await Verify.VerifyWithLibraryAsync(CipherCore, Usings + CipherApi + """
            class CiphersController
            {
                CipherMini Post(CipherRequest model)
                {
                    var cipher = model.ToOrganizationCipher();
                    return new CipherMini({|#0:cipher|});
                }

                CipherMini PutAdmin(CipherRequest model)
                {
                    // A clone is the cipher again: its Data is still the JSON.
                    var clone = model.ToCipher(new Core.Cipher { Type = 1 }).Clone();
                    return new CipherMini({|#1:clone|});
                }
            }
            """,
            Lost(0, "CipherMini.Data", source: "CipherLoginData object (PersonalData)", path: " through ToOrganizationCipher() and ToCipher(Cipher) and new CipherMini(Cipher)"),
            Lost(1, "CipherMini.Data", source: "CipherLoginData object (PersonalData)", path: " through ToCipher(Cipher) and new CipherMini(Cipher)"));
    }

    // A call without a model (a method of another project) returns something made with the cipher: the dictionary as a
    // whole carries the cipher's data, the key and value of each entry do not.
    [Fact]
    public async Task Entries_of_what_a_call_without_a_model_returns_for_a_labelled_object_are_not_reported()
    {
        await Verify.VerifyWithLibraryAsync(CipherCore, Usings + "using System.Linq;\n" + CipherApi + """
            class AttachmentResponse
            {
                public AttachmentResponse(string id, Core.CipherNoteData data, Core.Cipher cipher)
                {
                    Id = id;
                    Url = $"/{cipher.Id}/{id}";
                    Notes = data.Notes;
                }

                public string Id { get; set; }
                public string Url { get; set; }
                public string Notes { get; set; }
            }

            class CipherWithAttachments
            {
                public CipherWithAttachments(Core.Cipher c)
                {
                    Data = c.Data;
                    Attachments = FromCipher(c);
                }

                public string Data { get; set; }
                public IEnumerable<AttachmentResponse> Attachments { get; set; }

                static IEnumerable<AttachmentResponse> FromCipher(Core.Cipher c) =>
                    c.GetAttachments().Select(a => new AttachmentResponse(a.Key, a.Value, c));
            }

            class CiphersController
            {
                CipherWithAttachments Post(CipherRequest model)
                {
                    var cipher = model.ToOrganizationCipher();
                    return new CipherWithAttachments({|#0:cipher|});
                }
            }
            """,
            Lost(0, "CipherWithAttachments.Data", source: "CipherLoginData object (PersonalData)", path: " through ToOrganizationCipher() and ToCipher(Cipher) and new CipherWithAttachments(Cipher)"));
    }

    [Fact]
    public async Task Json_of_unclassified_request_data_in_a_library_object_member_is_not_reported_where_a_constructor_copies_it()
    {
        await Verify.VerifyWithLibraryAsync(CipherCore, Usings + CipherApi + """
            class CiphersController
            {
                CipherMini Post(CipherRequest model)
                {
                    var cipher = model.ToNoteCipher(new Core.Cipher());
                    return new CipherMini(cipher);
                }
            }
            """);
    }
}
