namespace MecCompliance.Analyzers.Naming;

/// <summary>
/// Splits identifiers and phrases into lower-case words across the casings real code uses: <c>EmailAddress</c>,
/// <c>emailAddress</c>, <c>email_address</c>, <c>EMAIL_ADDRESS</c>, <c>SSNNumber</c> (<c>ssn number</c>), <c>e-mail</c>
/// (<c>e mail</c>). Digits separate words and are dropped (<c>AddressLine1</c> is <c>address line</c>).
/// </summary>
internal static class IdentifierWords
{
    public static string[] Split(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return [];
        }

        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i < identifier!.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetter(c))
            {
                Flush(identifier, ref start, i, words);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var startsWord =
                (char.IsUpper(c) && char.IsLower(previous)) ||
                (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
            if (startsWord)
            {
                Flush(identifier, ref start, i, words);
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, words);
        return words.ToArray();
    }

    /// <summary>The last word of <paramref name="identifier"/> as <see cref="Split"/> would give it, or <see langword="null"/>.</summary>
    public static string? LastWord(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return null;
        }

        var end = identifier!.Length;
        while (end > 0 && !char.IsLetter(identifier[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return null;
        }

        var start = end - 1;
        while (start > 0)
        {
            var c = identifier[start];
            var previous = identifier[start - 1];
            if (!char.IsLetter(previous) ||
                (char.IsUpper(c) && char.IsLower(previous)) ||
                (char.IsUpper(c) && char.IsUpper(previous) && start + 1 < end && char.IsLower(identifier[start + 1])))
            {
                break;
            }

            start--;
        }

        return identifier.Substring(start, end - start).ToLowerInvariant();
    }

    private static void Flush(string identifier, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
