using MecCompliance.Analyzers.Naming;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Exports;

/// <summary>
/// Maps MEC classes to fideslang's default data categories. A class says how strictly data is protected, not what it
/// is, so the member's name refines it where it says what the data is (<c>Email</c> → <c>user.contact.email</c>,
/// <c>CardNumber</c> → <c>user.unique_id</c>); otherwise the class decides: a patron record is what a patron borrowed,
/// requested or used (<c>user.behavior.media_consumption</c>), other personal data is <c>user</c>, and a member
/// organization's information is <c>user.contact.organization</c> (fideslang describes people; this is its only
/// category for an organization). README's "Standard exports" lists the same table.
/// </summary>
internal static class FidesDataCategories
{
    /// <summary>Library patrons are the people whose data this is; fideslang's default subject for a service's users.</summary>
    public const string PatronSubject = "customer";

    public const string Organization = "user.contact.organization";
    public const string PatronRecordDefault = "user.behavior.media_consumption";
    public const string PersonalDataDefault = "user";

    // Checked in order, so "EmailAddress" is an e-mail and "FirstName" a first name before either is an address or a name.
    private static readonly (string[] Words, string Category)[] ByName =
    [
        (["first", "name"], "user.name.first"),
        (["given", "name"], "user.name.first"),
        (["last", "name"], "user.name.last"),
        (["family", "name"], "user.name.last"),
        (["surname"], "user.name.last"),
        (["email"], "user.contact.email"),
        (["e", "mail"], "user.contact.email"),
        (["phone"], "user.contact.phone_number"),
        (["mobile"], "user.contact.phone_number"),
        (["telephone"], "user.contact.phone_number"),
        (["birth"], "user.demographic.date_of_birth"),
        (["birthday"], "user.demographic.date_of_birth"),
        (["dob"], "user.demographic.date_of_birth"),
        (["ssn"], "user.government_id.national_identification_number"),
        (["social", "security"], "user.government_id.national_identification_number"),
        (["address"], "user.contact.address"),
        (["street"], "user.contact.address.street"),
        (["city"], "user.contact.address.city"),
        (["postal"], "user.contact.address.postal_code"),
        (["zip"], "user.contact.address.postal_code"),
        (["card"], "user.unique_id"),
        (["barcode"], "user.unique_id"),
        (["patron", "id"], "user.unique_id"),
        (["search"], "user.behavior.search_history"),
        (["query"], "user.behavior.search_history"),
        (["name"], "user.name"),
    ];

    /// <summary>The category of a value of class <paramref name="dataClass"/> named <paramref name="name"/> (a member, parameter or type name).</summary>
    public static string For(string dataClass, string? name)
    {
        if (dataClass == "OrganizationalData")
        {
            return Organization;
        }

        var words = IdentifierWords.Split(name);
        foreach (var (phrase, category) in ByName)
        {
            if (Contains(words, phrase))
            {
                return category;
            }
        }

        return dataClass == "PatronRecord" ? PatronRecordDefault : PersonalDataDefault;
    }

    /// <summary>
    /// The categories one flow's data carries, each with the class it comes from: a whole object's classified members
    /// (and its own class), a member's or parameter's name; every class of the flow has at least one category.
    /// </summary>
    public static IReadOnlyList<(string Class, string Category)> Of(DataFlow flow, DataMap map)
    {
        var found = new List<(string Class, string Category)>();
        foreach (var item in DataItem.In(flow.Data))
        {
            var covered = new List<(string, string)>();
            foreach (var member in item.MembersIn(map))
            {
                covered.AddRange(member.Classes.Where(flow.Classes.Contains).Select(c => (c, For(c, member.Name[(member.Name.LastIndexOf('.') + 1)..]))));
            }

            foreach (var dataClass in flow.Classes.Where(c => !covered.Any(p => p.Item1 == c)))
            {
                covered.Add((dataClass, For(dataClass, item.Member ?? item.Type ?? item.Text)));
            }

            found.AddRange(covered);
        }

        return found.Distinct().OrderBy(p => p.Category, StringComparer.Ordinal).ToList();
    }

    /// <summary>The data subjects of data of these classes: patrons for personal data and records, none for an organization's.</summary>
    public static IReadOnlyList<string> SubjectsOf(IEnumerable<string> classes) =>
        classes.Any(c => c != "OrganizationalData") ? [PatronSubject] : [];

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }
}
