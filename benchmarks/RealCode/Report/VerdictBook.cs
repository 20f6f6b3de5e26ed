using System.Globalization;

namespace MecCompliance.RealCode.Report;

/// <summary>
/// One judged finding: <c>path:line&lt;TAB&gt;rule&lt;TAB&gt;true|false&lt;TAB&gt;why[&lt;TAB&gt;trimmed source line[&lt;TAB&gt;target]]</c>.
/// True means classified data really reaches that sink or unclassified member; false means it does not, and why says
/// the cause. The target (the member the message quotes) tells apart several findings of one rule on one line.
/// </summary>
public sealed record Verdict(string Path, int Line, string Rule, bool IsTrue, string Why, string Source, string Target, int FileLine)
{
    public string Location => $"{Path}:{Line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The cause tag of a false verdict, written as the why's head before ": " (<c>linq-key-selector: …</c>,
    /// <c>other:constant-branch: …</c>).
    /// </summary>
    public string Cause => IsTrue ? "" : Why.IndexOf(": ", StringComparison.Ordinal) is > 0 and var end ? Why[..end] : Why.Split(' ', 2)[0];
}

/// <summary>
/// The verdicts file read back and matched to a run's findings: by path, rule and the trimmed source line (lines move
/// when code changes), then by path:line; a verdict that names a target matches only the finding about that target,
/// one without covers every finding of its rule on its line. What matches nothing
/// on either side is what changed: NEW findings to judge, GONE verdicts (a lost true finding, or a fixed false one).
/// </summary>
public sealed class VerdictBook
{
    private VerdictBook(IReadOnlyList<Verdict> verdicts) => Verdicts = verdicts;

    public IReadOnlyList<Verdict> Verdicts { get; }

    public static VerdictBook Load(string file)
    {
        var verdicts = new List<Verdict>();
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            if (raw.Trim().Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var columns = raw.Split('\t');
            var colon = columns[0].LastIndexOf(':');
            if (columns.Length < 4 || colon <= 0 || !int.TryParse(columns[0][(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                || columns[2] is not ("true" or "false"))
            {
                throw new FormatException($"{file}:{number}: expected 'path:line<TAB>rule<TAB>true|false<TAB>why[<TAB>source]', got '{raw}'");
            }

            verdicts.Add(new Verdict(columns[0][..colon], line, columns[1], columns[2] == "true", columns[3], columns.Length > 4 ? columns[4].Trim() : "", columns.Length > 5 ? columns[5].Trim() : "", number));
        }

        return new VerdictBook(verdicts);
    }

    public Comparison Compare(IReadOnlyList<Finding> findings)
    {
        var bySource = Verdicts.Where(v => v.Source.Length > 0).ToLookup(v => (v.Path, v.Rule, v.Source));
        var byLine = Verdicts.ToLookup(v => (v.Path, v.Line, v.Rule));
        bool About(Verdict v, Finding f) => v.Target.Length == 0 || v.Target == f.Target;
        var judged = new List<(Finding Finding, Verdict? Verdict)>();
        var used = new HashSet<Verdict>();
        foreach (var finding in findings)
        {
            var verdict = bySource[(finding.Path, finding.Rule, finding.Source)]
                              .Where(v => About(v, finding))
                              .OrderBy(v => Math.Abs(v.Line - finding.Line))
                              .FirstOrDefault()
                          ?? byLine[(finding.Path, finding.Line, finding.Rule)].FirstOrDefault(v => About(v, finding));
            if (verdict is not null)
            {
                used.Add(verdict);
            }

            judged.Add((finding, verdict));
        }

        return new Comparison(judged, Verdicts.Where(v => !used.Contains(v)).ToList());
    }
}

/// <summary>A run's findings against the verdicts: each finding with its verdict (or none), and the verdicts left over.</summary>
public sealed record Comparison(IReadOnlyList<(Finding Finding, Verdict? Verdict)> Judged, IReadOnlyList<Verdict> Gone)
{
    public IEnumerable<Finding> New => Judged.Where(j => j.Verdict is null).Select(j => j.Finding);

    /// <summary>True findings over all judged findings of the given rules; null when none is judged.</summary>
    public (int True, int Judged, double? Precision) Precision(params string[] rules)
    {
        var of = Judged.Where(j => j.Verdict is not null && rules.Contains(j.Finding.Rule)).ToList();
        var trueCount = of.Count(j => j.Verdict!.IsTrue);
        return (trueCount, of.Count, of.Count == 0 ? null : (double)trueCount / of.Count);
    }
}
