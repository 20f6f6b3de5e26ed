namespace MecCompliance.Cli.Baseline;

/// <summary>The parsed command line of <c>mec baseline</c>.</summary>
internal sealed record BaselineArguments(string Target, string? File, bool Check, bool Restore)
{
    public const string Usage = """
        Usage: mec baseline <solution|project|folder> [--out FILE] [--check] [--no-restore]

          Records today's MecCompliance findings in mec-baseline.json beside the solution or project, each by a
          fingerprint (rule, data, sink, containing member: no line numbers). A build that finds the file reports
          those findings as suppressed; every new finding still fails it. Justifications already written in the file
          are kept for the findings that remain.
          --out FILE    the baseline to write (or to check) instead of the nearest mec-baseline.json
          --check       write nothing; list the entries that no finding matches any more (fixed or changed code)
          --no-restore  fail instead of running 'dotnet restore' on a project that was never restored

        Exit codes: 0 written, or no stale entry; 1 stale entries found; 2 usage, load or internal error.
        """;

    /// <summary>Parses <paramref name="args"/> (the first is <c>baseline</c>); a usage error is a <see cref="UsageException"/>.</summary>
    public static BaselineArguments Parse(IReadOnlyList<string> args)
    {
        string? target = null;
        string? file = null;
        var check = false;
        var restore = true;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--out" or "-o":
                    file = OptionValue.After(args, ref i, arg);
                    break;
                case "--check":
                    check = true;
                    break;
                case "--no-restore":
                    restore = false;
                    break;
                case ['-', ..]:
                    throw new UsageException($"unknown option '{arg}'.");
                default:
                    if (target is not null)
                    {
                        throw new UsageException($"one target only: '{target}' and '{arg}' were given.");
                    }

                    target = arg;
                    break;
            }
        }

        // `mec baseline --check` in the folder of the solution is the everyday form.
        return new BaselineArguments(target ?? ".", file, check, restore);
    }
}
