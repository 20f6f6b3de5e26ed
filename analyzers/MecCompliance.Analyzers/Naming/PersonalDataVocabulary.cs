namespace MecCompliance.Analyzers.Naming;

/// <summary>What a personal-data phrase names, which decides the value types a member so named can hold it in.</summary>
[Flags]
internal enum PhraseKind
{
    /// <summary>
    /// Text only: an e-mail, an address, a name, a patron id (as text it is the card barcode, SIP2's "patron
    /// identifier"; a numeric or GUID <c>PatronId</c> is a surrogate key, the safe thing to log).
    /// </summary>
    Text = 0,

    /// <summary>Also a number or GUID: a phone number, a card number, a patron id.</summary>
    Number = 1,

    /// <summary>Also a date: a birth date.</summary>
    Date = 2,

    /// <summary>Any value type (phrases added through .editorconfig).</summary>
    Any = Number | Date,
}

/// <summary>
/// The phrases whose presence at the end of a member's name says it holds personal data, and the more specific phrases
/// that say it does not (<c>IP address</c>, <c>support e-mail</c>, <c>type full name</c>). A name is personal when the
/// longest personal phrase it ends with is longer than the longest excluded phrase it ends with: <c>EmailAddress</c>
/// (<c>email address</c>) beats an excluded <c>address</c>, <c>IPAddress</c> (<c>ip address</c>) beats <c>address</c>.
/// Matching the end keeps <c>EmailTemplateId</c>, <c>AddressFamily</c>, <c>EmailSender</c> and <c>PhoneNumberConfirmed</c>
/// out: those name something about the data, not the data.
/// </summary>
internal sealed class PersonalDataVocabulary
{
    /// <summary>The built-in personal-data phrases (documented in docs/rules/MEC005.md).</summary>
    public static readonly ImmutableArray<(string Phrase, PhraseKind Kind)> DefaultPhrases = ImmutableArray.Create(
        ("email", PhraseKind.Text),
        ("e mail", PhraseKind.Text),
        ("email address", PhraseKind.Text),
        ("mail address", PhraseKind.Text),
        ("address", PhraseKind.Text),
        ("home address", PhraseKind.Text),
        ("street address", PhraseKind.Text),
        ("mailing address", PhraseKind.Text),
        ("postal address", PhraseKind.Text),
        ("first name", PhraseKind.Text),
        ("firstname", PhraseKind.Text),
        ("last name", PhraseKind.Text),
        ("lastname", PhraseKind.Text),
        ("full name", PhraseKind.Text),
        ("fullname", PhraseKind.Text),
        ("middle name", PhraseKind.Text),
        ("given name", PhraseKind.Text),
        ("family name", PhraseKind.Text),
        ("surname", PhraseKind.Text),
        ("maiden name", PhraseKind.Text),
        ("patron name", PhraseKind.Text),
        ("phone", PhraseKind.Number),
        ("telephone", PhraseKind.Number),
        ("phone number", PhraseKind.Number),
        ("mobile number", PhraseKind.Number),
        ("cell number", PhraseKind.Number),
        ("mobile phone", PhraseKind.Number),
        ("cell phone", PhraseKind.Number),
        ("ssn", PhraseKind.Number),
        ("social security number", PhraseKind.Number),
        ("card number", PhraseKind.Number),
        ("library card", PhraseKind.Number),
        ("library card number", PhraseKind.Number),
        ("patron id", PhraseKind.Text),
        ("patron barcode", PhraseKind.Number),
        ("patron number", PhraseKind.Text),
        ("borrower number", PhraseKind.Text),
        ("passport number", PhraseKind.Number),
        ("driver license number", PhraseKind.Number),
        ("drivers license number", PhraseKind.Number),
        ("birth date", PhraseKind.Date),
        ("birthdate", PhraseKind.Date),
        ("date of birth", PhraseKind.Date),
        ("birthday", PhraseKind.Date),
        ("dob", PhraseKind.Date));

    // "EmailAddressValue", "AddressLine1", "PhoneNumbersList" hold the data itself; these trailing words add nothing.
    private static readonly HashSet<string> DataSuffixes = new(StringComparer.Ordinal)
    {
        "value", "text", "string", "str", "raw", "plain", "normalized", "line", "list",
    };

    private static readonly string[] NonPersonalAddressQualifiers =
    [
        "ip", "ipv4", "ipv6", "mac", "remote", "local", "server", "host", "base", "network", "memory", "web", "url", "uri",
        "endpoint", "proxy", "gateway", "bind", "binding", "listen", "listening", "broadcast", "multicast", "hardware",
        "physical", "socket", "bluetooth", "wallet", "contract", "loopback", "peer", "client", "from", "sender", "reply to",
        "noreply", "no reply", "smtp", "return", "start", "end", "target", "source", "load", "entry", "virtual", "relative",
        "absolute", "offset", "node", "dns", "router", "device", "service", "api", "callback", "redirect", "listener", "bus",
        "register", "ble", "instance", "pointer",
    ];

    private static readonly string[] NonPersonalEmailQualifiers =
    [
        "support", "noreply", "no reply", "sender", "from", "system", "smtp", "default", "notification", "notifications",
        "service", "team", "helpdesk", "reply to", "bounce",
    ];

    private static readonly string[] NonPersonalNameQualifiers =
    [
        "type", "assembly", "class", "file", "method", "namespace", "member", "property", "field", "module", "symbol",
        "metadata", "host", "machine", "server", "project", "package", "directory", "folder", "path", "table", "column",
        "schema", "database", "attribute", "enum", "interface", "parameter", "argument", "resource", "certificate", "queue",
        "topic", "event", "library", "branch", "organization", "company", "vendor", "product",
    ];

    /// <summary>The built-in phrases that are not personal data although they end with a personal phrase.</summary>
    public static readonly ImmutableArray<string> DefaultExcludedPhrases =
        NonPersonalAddressQualifiers.Select(q => q + " address")
            .Concat(NonPersonalEmailQualifiers.SelectMany(q => new[] { q + " email", q + " email address", q + " e mail" }))
            .Concat(NonPersonalNameQualifiers.Select(q => q + " full name"))
            .ToImmutableArray();

    /// <summary>The vocabulary without .editorconfig additions or exclusions.</summary>
    public static PersonalDataVocabulary Default { get; } = Create(null, null);

    // Indexed by the phrase's last word: every member of a compilation is matched, most against no phrase at all.
    private readonly Dictionary<string, (string[] Words, PhraseKind Kind)[]> _phrasesByLastWord;
    private readonly Dictionary<string, string[][]> _excludedByLastWord;

    private PersonalDataVocabulary(IEnumerable<(string[] Words, PhraseKind Kind)> phrases, IEnumerable<string[]> excluded)
    {
        _phrasesByLastWord = phrases.GroupBy(p => p.Words[p.Words.Length - 1], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _excludedByLastWord = excluded.GroupBy(words => words[words.Length - 1], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The default vocabulary with <paramref name="additions"/> (comma-separated phrases that are personal data) and
    /// <paramref name="exclusions"/> (comma-separated phrases that are not). A phrase may be written in any casing:
    /// <c>DateOfBirth</c>, <c>date of birth</c> and <c>date_of_birth</c> are the same phrase. An addition removes an
    /// equal built-in exclusion and an exclusion removes an equal phrase, so either list can override the defaults.
    /// </summary>
    public static PersonalDataVocabulary Create(string? additions, string? exclusions)
    {
        var added = ParseList(additions);
        var excluded = ParseList(exclusions);
        var phrases = new Dictionary<string, (string[] Words, PhraseKind Kind)>(StringComparer.Ordinal);
        foreach (var (phrase, kind) in DefaultPhrases)
        {
            var words = IdentifierWords.Split(phrase);
            phrases[Key(words)] = (words, kind);
        }

        foreach (var words in added)
        {
            phrases[Key(words)] = (words, PhraseKind.Any);
        }

        var exclusionSet = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var phrase in DefaultExcludedPhrases)
        {
            var words = IdentifierWords.Split(phrase);
            exclusionSet[Key(words)] = words;
        }

        foreach (var words in added)
        {
            exclusionSet.Remove(Key(words));
        }

        foreach (var words in excluded)
        {
            phrases.Remove(Key(words));
            exclusionSet[Key(words)] = words;
        }

        return new PersonalDataVocabulary(phrases.Values, exclusionSet.Values);
    }

    /// <summary>
    /// The personal-data phrase <paramref name="identifier"/> ends with (its words joined by spaces), or
    /// <see langword="null"/> when it names no personal data.
    /// </summary>
    public string? Match(string identifier, out PhraseKind kind)
    {
        kind = PhraseKind.Text;
        if (!MayEndWithAPhrase(identifier))
        {
            return null;
        }

        var words = IdentifierWords.Split(identifier);
        if (words.Length == 0)
        {
            return null;
        }

        words = WithoutTrailingQualifiers(words);
        string[]? best = null;
        foreach (var lastWord in SingularForms(words[words.Length - 1]))
        {
            if (!_phrasesByLastWord.TryGetValue(lastWord, out var candidates))
            {
                continue;
            }

            foreach (var (phraseWords, phraseKind) in candidates)
            {
                if ((best is null || phraseWords.Length > best.Length) && EndsWith(words, phraseWords))
                {
                    best = phraseWords;
                    kind = phraseKind;
                }
            }
        }

        if (best is null)
        {
            return null;
        }

        foreach (var lastWord in SingularForms(words[words.Length - 1]))
        {
            if (_excludedByLastWord.TryGetValue(lastWord, out var exclusions))
            {
                foreach (var excluded in exclusions)
                {
                    if (excluded.Length >= best.Length && EndsWith(words, excluded))
                    {
                        return null;
                    }
                }
            }
        }

        return string.Join(" ", best);
    }

    // Most names end with a word no phrase ends with (Id, Title, CreatedAt): decided without splitting the whole name.
    private bool MayEndWithAPhrase(string identifier)
    {
        var last = IdentifierWords.LastWord(identifier);
        if (last is null)
        {
            return false;
        }

        if (DataSuffixes.Contains(last))
        {
            return true;
        }

        // The forms SingularForms gives, without an iterator: every member and parameter name of the compilation comes here.
        if (_phrasesByLastWord.ContainsKey(last))
        {
            return true;
        }

        return last.Length > 1 && last[last.Length - 1] == 's' &&
               (_phrasesByLastWord.ContainsKey(last.Substring(0, last.Length - 1)) ||
                (last.Length > 2 && last[last.Length - 2] == 'e' && _phrasesByLastWord.ContainsKey(last.Substring(0, last.Length - 2))));
    }

    // The word itself and what it would be without a plural ending ("addresses" -> "address", "emails" -> "email").
    private static IEnumerable<string> SingularForms(string word)
    {
        yield return word;
        if (word.Length > 1 && word[word.Length - 1] == 's')
        {
            yield return word.Substring(0, word.Length - 1);
            if (word.Length > 2 && word[word.Length - 2] == 'e')
            {
                yield return word.Substring(0, word.Length - 2);
            }
        }
    }

    private static string[] WithoutTrailingQualifiers(string[] words)
    {
        var end = words.Length;
        while (end > 1 && DataSuffixes.Contains(words[end - 1]))
        {
            end--;
        }

        return end == words.Length ? words : words.Take(end).ToArray();
    }

    private static bool EndsWith(string[] words, string[] phrase)
    {
        if (phrase.Length == 0 || phrase.Length > words.Length)
        {
            return false;
        }

        var offset = words.Length - phrase.Length;
        for (var i = 0; i < phrase.Length - 1; i++)
        {
            if (!string.Equals(words[offset + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        var last = words[words.Length - 1];
        var expected = phrase[phrase.Length - 1];
        return last == expected || last == expected + "s" || last == expected + "es";
    }

    private static List<string[]> ParseList(string? list)
    {
        var result = new List<string[]>();
        if (string.IsNullOrWhiteSpace(list))
        {
            return result;
        }

        foreach (var entry in list!.Split(','))
        {
            var words = IdentifierWords.Split(entry);
            if (words.Length > 0)
            {
                result.Add(words);
            }
        }

        return result;
    }

    private static string Key(string[] words) => string.Join(" ", words);
}
