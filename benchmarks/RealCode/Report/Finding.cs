using System.Globalization;
using Microsoft.CodeAnalysis;

namespace MecCompliance.RealCode.Report;

/// <summary>One diagnostic as the harness lists it: where (relative to the corpus root), which rule, what it says, and the line it is on.</summary>
public sealed record Finding(string Path, int Line, string Rule, string Message, string Source)
{
    /// <summary>
    /// What the finding is about beyond its line: the member named in quotes (MEC006's unclassified target), so that
    /// several findings on one line can each have their own verdict. Empty when the message quotes nothing.
    /// </summary>
    public string Target => System.Text.RegularExpressions.Regex.Match(Message, "'([^']+)'") is { Success: true } quoted ? quoted.Groups[1].Value : "";

    public string Location => $"{Path}:{Line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>path:line&lt;TAB&gt;rule&lt;TAB&gt;message&lt;TAB&gt;trimmed source line</c>.</summary>
    public string ToTsv() => string.Join('\t', Location, Rule, Clean(Message), Clean(Source));

    /// <summary>
    /// The source line is read from the corpus file itself, not from the classified text the compiler saw, so it is the
    /// line a reader finds at that place.
    /// </summary>
    public static Finding From(Diagnostic diagnostic, string corpusRoot, Func<string, string[]> linesOf)
    {
        var span = diagnostic.Location.GetLineSpan();
        var line = span.StartLinePosition.Line;
        var lines = linesOf(span.Path);
        var source = line < lines.Length ? lines[line].Trim() : "";
        return new Finding(
            System.IO.Path.GetRelativePath(corpusRoot, span.Path).Replace('\\', '/'),
            line + 1,
            diagnostic.Id,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            source);
    }

    public static int Compare(Finding? a, Finding? b) =>
        a is null || b is null ? Comparer<Finding?>.Default.Compare(a, b)
        : string.CompareOrdinal(a.Path, b.Path) is var byPath and not 0 ? byPath
        : a.Line.CompareTo(b.Line) is var byLine and not 0 ? byLine
        : string.CompareOrdinal(a.Rule, b.Rule) is var byRule and not 0 ? byRule
        : string.CompareOrdinal(a.Message, b.Message);

    public static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
