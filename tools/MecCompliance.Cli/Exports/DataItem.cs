using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Exports;

/// <summary>
/// One value a flow carries, read back from how the data map names it: <c>Patron.CardNumber</c> (a member),
/// <c>Patron object</c> (a whole object), <c>parameter 'cardNumber'</c>, <c>Patron.Describe()</c> (a return value) or
/// anything else the engine may say. The exports need the type and member to name dataset fields and categories.
/// </summary>
internal sealed record DataItem(string Text, string? Type, string? Member)
{
    public bool IsWholeObject => Type is not null && Member is null;

    /// <summary>The values of a flow's data: the map joins several sources with ", " (outside generic brackets).</summary>
    public static IEnumerable<DataItem> In(string data)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            switch (data[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0 && i + 1 < data.Length && data[i + 1] == ' ':
                    yield return Parse(data[start..i]);
                    start = i + 2;
                    break;
            }
        }

        yield return Parse(data[start..]);
    }

    public static DataItem Parse(string text)
    {
        const string objectSuffix = " object";
        const string parameterPrefix = "parameter '";
        if (text.EndsWith(objectSuffix, StringComparison.Ordinal) && text != "anonymous object")
        {
            return new DataItem(text, text[..^objectSuffix.Length], null);
        }

        if (text.StartsWith(parameterPrefix, StringComparison.Ordinal) && text.EndsWith('\''))
        {
            return new DataItem(text, null, text[parameterPrefix.Length..^1]);
        }

        var member = text.EndsWith("()", StringComparison.Ordinal) ? text[..^2] : text;
        var dot = LastDotOutsideBrackets(member);
        return dot > 0 && dot < member.Length - 1 && !member.Contains(' ', StringComparison.Ordinal)
            ? new DataItem(text, member[..dot], member[(dot + 1)..])
            : new DataItem(text, null, null);
    }

    /// <summary>The classified fields and properties the map lists for this item's type (for a whole object).</summary>
    public IEnumerable<ClassifiedMember> MembersIn(DataMap map) =>
        Type is null || Member is not null
            ? []
            : map.ClassifiedMembers.Where(m => m.Kind is "property" or "field" && m.Name.Length > Type.Length + 1 &&
                                                m.Name.StartsWith(Type + ".", StringComparison.Ordinal) && !m.Name[(Type.Length + 1)..].Contains('.', StringComparison.Ordinal));

    private static int LastDotOutsideBrackets(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            switch (text[i])
            {
                case '>':
                    depth++;
                    break;
                case '<':
                    depth--;
                    break;
                case '.' when depth == 0:
                    return i;
            }
        }

        return -1;
    }
}
