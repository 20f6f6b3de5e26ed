namespace MecCompliance.Cli.Diff;

internal enum DiffFormat
{
    Markdown,
    Json,
}

/// <summary>The parsed command line of <c>mec diff</c>.</summary>
internal sealed record DiffArguments(string OldReport, string NewReport, DiffFormat Format, string? OutputFile)
{
    public const string Usage = """
        Usage: mec diff <old.json> <new.json> [--format md|json] [--out FILE]

          Compares two 'mec report --format json' reports (say, of a pull request's base and head): flows, vendors,
          sinks and classified members added or removed, and verdicts that changed.
          --format      md (default) or json; inferred from --out's extension when omitted
          --out FILE    write the diff to FILE instead of standard output

        Exit codes: 0 no new violation, 1 a violation is new, 2 usage error or a report that is missing or malformed.
        """;

    public static DiffArguments Parse(IReadOnlyList<string> args)
    {
        var reports = new List<string>(2);
        string? format = null;
        string? output = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--format" or "-f":
                    format = OptionValue.After(args, ref i, arg);
                    break;
                case "--out" or "-o":
                    output = OptionValue.After(args, ref i, arg);
                    break;
                case ['-', _, ..]:
                    throw new UsageException($"unknown option '{arg}'.");
                default:
                    reports.Add(arg);
                    break;
            }
        }

        if (reports.Count != 2)
        {
            throw new UsageException($"mec diff compares two JSON reports, the old one and the new one; {reports.Count} given.");
        }

        var name = format ?? (Path.GetExtension(output ?? "").Equals(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "md");
        var parsed = name.ToLowerInvariant() switch
        {
            "md" or "markdown" => DiffFormat.Markdown,
            "json" => DiffFormat.Json,
            _ => throw new UsageException($"unknown diff format '{name}': use md or json."),
        };
        return new DiffArguments(reports[0], reports[1], parsed, output);
    }
}
