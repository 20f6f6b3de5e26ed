using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The text of one method's flow summary as a library built with MecCompliance carries it in
/// <c>[assembly: AssemblyMetadata("MecCompliance.FlowSummary.v1", "...")]</c>, one attribute per method.
/// </summary>
/// <remarks>
/// <para>The version is part of the key: a consumer reads only the keys it knows, so a summary written by another version
/// of the package is ignored (its calls are judged like any library call), never misread. Within v1 a line the reader does
/// not understand discards the whole method's summary, for the same reason.</para>
/// <para>Format (lines separated by <c>\n</c>, fields by <c>\t</c>): the first line is the method's documentation-comment
/// id; then, sorted ordinally,</para>
/// <list type="bullet">
/// <item><c>r ordinal</c>: the return value carries that parameter;</item>
/// <item><c>m ordinal member</c>: the return value carries what flowed into that member of the parameter;</item>
/// <item><c>x classes whole|value itself|inside origin</c>: the return value carries classified data read inside the
/// library (an object whose type holds it, or the value itself; as the value, or somewhere inside it);</item>
/// <item><c>s ordinal member kind sanctioned name target sinkmember</c>: the parameter (or that member of it) reaches a
/// sink of that kind (<c>log</c>, <c>vendor</c>, <c>storage</c>, <c>member</c>) named <c>name</c>, resolved by the library
/// to the vendor or storage sink <c>target</c> (empty: undeclared), except the classes the sink sanctions.</item>
/// </list>
/// <para>Members and origins are documentation-comment ids; classes are names joined by <c>|</c>. A method with no line
/// returns nothing of what it is given (written only where a caller would otherwise assume it does).</para>
/// </remarks>
internal static class FlowSummaryFormat
{
    public const string Key = "MecCompliance.FlowSummary.v1";

    /// <summary>A method with more lines than this is left out (never cut: half a summary would read as a complete one).</summary>
    public const int MaxLinesPerMethod = 128;

    /// <summary>Methods are written in id order until the summaries reach this many characters; the rest are left out.</summary>
    public const int MaxCharacters = 1 << 20;

    public const string ReturnsParameter = "r";
    public const string ReturnsMember = "m";
    public const string ReturnsSource = "x";
    public const string ReachesSink = "s";

    public static string KindName(SinkKind kind) => kind switch
    {
        SinkKind.Log => "log",
        SinkKind.Vendor => "vendor",
        SinkKind.Storage => "storage",
        _ => "member",
    };

    public static SinkKind? ParseKind(string text) => text switch
    {
        "log" => SinkKind.Log,
        "vendor" => SinkKind.Vendor,
        "storage" => SinkKind.Storage,
        "member" => SinkKind.UnclassifiedMember,
        _ => null,
    };

    public static string ClassNames(DataClass classes)
    {
        var names = new List<string>(3);
        if ((classes & DataClass.OrganizationalData) != 0)
        {
            names.Add("OrganizationalData");
        }

        if ((classes & DataClass.PersonalData) != 0)
        {
            names.Add("PersonalData");
        }

        if ((classes & DataClass.PatronRecord) != 0)
        {
            names.Add("PatronRecord");
        }

        return string.Join("|", names);
    }

    public static DataClass? ParseClasses(string text)
    {
        var classes = DataClass.None;
        if (text.Length == 0)
        {
            return classes;
        }

        foreach (var name in text.Split('|'))
        {
            switch (name)
            {
                case "OrganizationalData":
                    classes |= DataClass.OrganizationalData;
                    break;
                case "PersonalData":
                    classes |= DataClass.PersonalData;
                    break;
                case "PatronRecord":
                    classes |= DataClass.PatronRecord;
                    break;
                default:
                    return null;
            }
        }

        return classes;
    }

    /// <summary>
    /// The key of a method's summary: its documentation-comment id without a return-type suffix (<c>~T</c>), which some
    /// compiler versions append and others do not; C# methods cannot differ by return type alone.
    /// </summary>
    public static string? MethodKey(IMethodSymbol method) =>
        DocumentationCommentId.CreateDeclarationId(method) is { } id ? (id.IndexOf('~') is >= 0 and var end ? id.Substring(0, end) : id) : null;

    /// <summary>A field as written: no separator survives inside it.</summary>
    public static string Field(string? text) =>
        text is null ? string.Empty : text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
